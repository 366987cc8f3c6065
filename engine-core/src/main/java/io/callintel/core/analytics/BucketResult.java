package io.callintel.core.analytics;

import java.util.List;
import java.util.Map;

/**
 * The objective bucket a call was sorted into.
 *
 * @param scores a score (0..1) for every bucket of the use case, in the use case's order
 */
public record BucketResult(String name, double confidence, Map<String, Double> scores, List<Evidence> evidence) {

    public BucketResult {
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
        evidence = List.copyOf(evidence);
    }
}
