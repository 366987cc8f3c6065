package io.callintel.core.usecase;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What to find out from every call of a use case: its questions and its objective buckets. */
public record AnalysisConfig(List<QuestionDefinition> questions, List<BucketDefinition> buckets) {

    public AnalysisConfig {
        questions = List.copyOf(questions);
        buckets = List.copyOf(buckets);
        Set<String> names = new HashSet<>();
        for (BucketDefinition bucket : buckets) {
            if (!names.add(bucket.name())) {
                throw new IllegalArgumentException(
                        "bucket names must be unique: '" + bucket.name() + "' appears twice");
            }
        }
    }

    public static AnalysisConfig empty() {
        return new AnalysisConfig(List.of(), List.of());
    }
}
