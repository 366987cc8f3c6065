package io.callintel.core.usecase;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer's analysis scenario (sales, support, compliance...): what to ask of each of its calls.
 *
 * @param buckets  free storage labels of the hosted API's schema ({@code buckets}); not the objective buckets,
 *                 which are in {@code analysis}
 * @param analysis the questions and objective buckets ({@code analysis_config})
 */
public record UseCase(
        String uuid,
        String org,
        String name,
        String description,
        List<String> tags,
        List<String> buckets,
        AnalysisConfig analysis,
        Instant createdAt,
        Instant updatedAt) {

    public UseCase {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        tags = List.copyOf(tags);
        buckets = List.copyOf(buckets);
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
