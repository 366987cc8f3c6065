package io.callintel.server.service;

import io.callintel.core.analytics.QuestionAnswer;
import io.callintel.core.recording.Recording;
import io.callintel.core.store.CorrectionStore;
import io.callintel.core.usecase.BucketDefinition;
import io.callintel.core.usecase.Correction;
import io.callintel.core.usecase.QuestionDefinition;
import io.callintel.core.usecase.UseCase;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A person's corrections of a recording's bucket or answers: checked against the recording's use case, then
 * stored, so that later calls of the use case learn from them. The recording's own results stay as the engine
 * gave them; its corrections are listed beside them.
 */
public final class Corrections {

    /** A correction that cannot be taken, and the request field it concerns. */
    public static final class Invalid extends RuntimeException {
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final CorrectionStore store;
    private final Clock clock;

    public Corrections(CorrectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Corrects the bucket, or one answer (question and answer); returns the recording's corrections.
     *
     * @param useCase the recording's use case; empty when it has none or it was deleted
     * @throws Invalid naming the field that is wrong
     */
    public List<Correction> correct(
            Recording recording,
            Optional<UseCase> useCase,
            Optional<String> bucket,
            Optional<String> question,
            Optional<String> answer) {
        UseCase owner =
                useCase.orElseThrow(() -> new Invalid("recording_uuid", "the recording has no use case to learn from"));
        if (bucket.isPresent() == (question.isPresent() || answer.isPresent())) {
            throw new Invalid("bucket", "give either bucket, or question and answer");
        }
        Correction correction;
        if (bucket.isPresent()) {
            String name = bucket.get().strip();
            boolean known = owner.analysis().buckets().stream()
                    .map(BucketDefinition::name)
                    .anyMatch(name::equals);
            if (!known) {
                throw new Invalid("bucket", "'" + name + "' is not one of the use case's buckets");
            }
            correction = new Correction(recording.org(), owner.uuid(), recording.uuid(), null, name, clock.instant());
        } else {
            String text = question.orElseThrow(() -> new Invalid("question", "question is required with answer"));
            String value = answer.orElseThrow(() -> new Invalid("answer", "answer is required with question"))
                    .strip();
            boolean known = owner.analysis().questions().stream()
                    .map(QuestionDefinition::question)
                    .anyMatch(text::equals);
            if (!known) {
                throw new Invalid("question", "'" + text + "' is not one of the use case's questions");
            }
            if (value.isEmpty()) {
                throw new Invalid("answer", "answer must not be blank");
            }
            correction = new Correction(
                    recording.org(), owner.uuid(), recording.uuid(), text, yesNo(value), clock.instant());
        }
        store.save(correction);
        return store.forRecording(recording.org(), recording.uuid());
    }

    public List<Correction> of(Recording recording) {
        return store.forRecording(recording.org(), recording.uuid());
    }

    /** "yes", "NO" and "unclear" as the engine writes them; any other answer (to an open question) as given. */
    private static String yesNo(String answer) {
        for (String known : List.of(QuestionAnswer.YES, QuestionAnswer.NO, QuestionAnswer.UNCLEAR)) {
            if (known.toLowerCase(Locale.ROOT).equals(answer.toLowerCase(Locale.ROOT))) {
                return known;
            }
        }
        return answer;
    }
}
