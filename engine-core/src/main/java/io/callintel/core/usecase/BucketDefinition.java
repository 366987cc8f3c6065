package io.callintel.core.usecase;

import java.util.List;
import java.util.Objects;

/**
 * One of the use case's objective buckets: every call is sorted into exactly one.
 *
 * @param name        e.g. "Hot Lead"
 * @param description what belongs here, in plain English
 * @param keywords    optional hint: words or phrases typical of such calls
 * @param examples    optional hint: example phrases a call in this bucket might contain
 */
public record BucketDefinition(String name, String description, List<String> keywords, List<String> examples) {

    public BucketDefinition {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a bucket needs a name");
        }
        description = description == null ? "" : description;
        keywords = List.copyOf(keywords);
        examples = List.copyOf(examples);
    }

    public static BucketDefinition of(String name, String description) {
        return new BucketDefinition(name, description, List.of(), List.of());
    }
}
