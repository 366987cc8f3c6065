package io.callintel.core.usecase;

import io.callintel.core.transcript.Transcript;
import java.util.Map;
import java.util.Objects;

/**
 * A call of a use case whose bucket or answers a person corrected: a labelled example that later calls of the
 * use case are compared with.
 *
 * @param transcript the corrected call's transcript
 * @param bucket     the right bucket, or null when only answers were corrected
 * @param answers    the right answers, by question text (Yes, No or Unclear for Yes/No questions)
 */
public record CorrectedCall(Transcript transcript, String bucket, Map<String, String> answers) {

    public CorrectedCall {
        Objects.requireNonNull(transcript, "transcript");
        answers = Map.copyOf(answers);
    }
}
