package io.callintel.core.store;

import io.callintel.core.recording.RecordingState;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which recordings of an organisation to list, in which order.
 *
 * @param usecases the use cases whose recordings are listed; empty for all of them, and for recordings of none
 * @param from     first call date included, when present
 * @param to       last call date included, when present
 * @param bucket   only recordings in this bucket, as corrected when they were
 * @param answer   only recordings that gave this answer to this question, as corrected when they were
 */
public record RecordingQuery(
        String org,
        Optional<Set<String>> usecases,
        Optional<RecordingState> state,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        Optional<String> bucket,
        Optional<Answer> answer,
        Sort sort,
        PageRequest page) {

    public RecordingQuery {
        Objects.requireNonNull(org, "org");
        usecases = usecases.map(Set::copyOf);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
    }

    /** A question and the answer looked for. */
    public record Answer(String question, String answer) {
        public Answer {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(answer, "answer");
        }
    }

    /** What a listing is ordered by; ties fall back to the newest upload first. */
    public record Sort(Field field, boolean ascending) {

        public Sort {
            Objects.requireNonNull(field, "field");
        }
    }

    /** The fields a listing can be ordered by. */
    public enum Field {
        CREATED_AT,
        CALL_DATE,
        FILE_NAME,
        STATE,
        DURATION
    }
}
