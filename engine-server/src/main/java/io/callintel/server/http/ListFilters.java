package io.callintel.server.http;

import io.callintel.core.store.PageRequest;
import io.callintel.core.store.RecordingQuery;
import io.callintel.core.store.UseCaseStore;
import io.callintel.core.usecase.BucketDefinition;
import io.callintel.core.usecase.QuestionDefinition;
import io.callintel.core.usecase.UseCase;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The recordings listing's filters and order, read from its request body and checked against the use case. */
final class ListFilters {

    private ListFilters() {}

    /** One use case, those carrying the tag (within that one when both are given), or all when neither is. */
    static Optional<Set<String>> useCases(
            UseCaseStore store, String org, Optional<UseCase> useCase, Optional<String> tag) {
        if (tag.isEmpty()) {
            return useCase.map(u -> Set.of(u.uuid()));
        }
        Set<String> tagged = new HashSet<>();
        for (int page = 1; ; page++) {
            var listed = store.list(org, tag, new PageRequest(page, PageRequest.MAX_LIMIT));
            listed.items().forEach(u -> tagged.add(u.uuid()));
            if ((long) page * PageRequest.MAX_LIMIT >= listed.total()) {
                break;
            }
        }
        useCase.ifPresent(u -> tagged.retainAll(Set.of(u.uuid())));
        return Optional.of(tagged);
    }

    /** {@code question} and {@code answer}, which come together. */
    static Optional<RecordingQuery.Answer> answer(JsonBody body) {
        Optional<String> question = body.optionalText("question");
        Optional<String> answer = body.optionalText("answer");
        if (question.isPresent() != answer.isPresent()) {
            String missing = question.isPresent() ? "answer" : "question";
            throw ApiError.badRequest(missing, "question and answer filter together: " + missing + " is missing");
        }
        return question.map(q -> new RecordingQuery.Answer(q, answer.orElseThrow()));
    }

    static void requireBucket(UseCase useCase, String bucket) {
        if (useCase.analysis().buckets().stream().map(BucketDefinition::name).noneMatch(bucket::equals)) {
            throw ApiError.badRequest("bucket", "The use case has no bucket named '" + bucket + "'");
        }
    }

    static void requireQuestion(UseCase useCase, String question) {
        if (useCase.analysis().questions().stream()
                .map(QuestionDefinition::question)
                .noneMatch(question::equals)) {
            throw ApiError.badRequest("question", "The use case does not ask '" + question + "'");
        }
    }

    /** {@code sort_by} (a field's lower-case name; created_at when absent) and {@code sort_order} (asc or desc). */
    static RecordingQuery.Sort sort(JsonBody body) {
        RecordingQuery.Field field = body.optionalText("sort_by")
                .map(name -> Arrays.stream(RecordingQuery.Field.values())
                        .filter(f -> f.name().equalsIgnoreCase(name))
                        .findFirst()
                        .orElseThrow(() -> ApiError.badRequest(
                                "sort_by", "sort_by must be one of " + fieldNames() + ", got '" + name + "'")))
                .orElse(RecordingQuery.Field.CREATED_AT);
        String order = body.optionalText("sort_order")
                .orElse(field == RecordingQuery.Field.CREATED_AT ? "desc" : "asc")
                .toLowerCase(Locale.ROOT);
        if (!order.equals("asc") && !order.equals("desc")) {
            throw ApiError.badRequest("sort_order", "sort_order must be asc or desc, got '" + order + "'");
        }
        return new RecordingQuery.Sort(field, order.equals("asc"));
    }

    private static String fieldNames() {
        return Arrays.stream(RecordingQuery.Field.values())
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
