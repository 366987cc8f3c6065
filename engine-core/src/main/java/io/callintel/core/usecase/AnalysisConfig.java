package io.callintel.core.usecase;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to find out from every call of a use case: its questions and its objective buckets, and what of the
 * personal data said in the call to redact.
 */
public record AnalysisConfig(List<QuestionDefinition> questions, List<BucketDefinition> buckets, Redaction redaction) {

    public AnalysisConfig {
        questions = List.copyOf(questions);
        buckets = List.copyOf(buckets);
        Objects.requireNonNull(redaction, "redaction");
        Set<String> names = new HashSet<>();
        for (BucketDefinition bucket : buckets) {
            if (!names.add(bucket.name())) {
                throw new IllegalArgumentException(
                        "bucket names must be unique: '" + bucket.name() + "' appears twice");
            }
        }
    }

    /** Questions and buckets, nothing redacted. */
    public AnalysisConfig(List<QuestionDefinition> questions, List<BucketDefinition> buckets) {
        this(questions, buckets, Redaction.OFF);
    }

    public AnalysisConfig withRedaction(Redaction redaction) {
        return new AnalysisConfig(questions, buckets, redaction);
    }

    public static AnalysisConfig empty() {
        return new AnalysisConfig(List.of(), List.of());
    }
}
