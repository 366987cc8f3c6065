package io.callintel.core.usecase;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's correction of one recording's bucket or of one answer: the right value, which later calls of the
 * recording's use case learn from.
 *
 * @param question the question whose answer is corrected, as the use case words it; null for the bucket
 * @param value    the right bucket name, or the right answer (Yes, No or Unclear for a Yes/No question)
 */
public record Correction(String org, String useCase, String recording, String question, String value, Instant at) {

    public Correction {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(useCase, "useCase");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(at, "at");
    }

    public boolean ofBucket() {
        return question == null;
    }
}
