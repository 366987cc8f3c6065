package io.callintel.core.store;

import io.callintel.core.recording.RecordingState;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Which recordings of a use case to list.
 *
 * @param from first call date included, when present
 * @param to   last call date included, when present
 */
public record RecordingQuery(
        String org,
        String usecase,
        Optional<RecordingState> state,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        PageRequest page) {

    public RecordingQuery {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(usecase, "usecase");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(page, "page");
    }
}
