package io.callintel.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.classify.index.SearchHit;
import io.callintel.classify.index.SearchRequest;
import io.callintel.classify.index.SearchResults;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/** Keyword search over the caller's org's transcripts, with highlighted snippets and time offsets. */
final class SearchHandler {

    private final Function<SearchRequest, SearchResults> index;
    private final Views views;

    SearchHandler(Function<SearchRequest, SearchResults> index, Views views) {
        this.index = index;
        this.views = views;
    }

    void search(Context ctx) {
        String org = Caller.org(ctx);
        String query = Optional.ofNullable(ctx.queryParam("q")).orElse("").trim();
        if (query.isEmpty()) {
            throw ApiError.badRequest("q", "q (the words to search for) is required");
        }
        if (query.length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw ApiError.badRequest("q", "q must be at most " + SearchRequest.MAX_QUERY_LENGTH + " characters");
        }
        Optional<String> useCase = Optional.ofNullable(ctx.queryParam("usecase_uuid"))
                .filter(s -> !s.isBlank())
                .map(s -> JsonBody.uuid("usecase_uuid", s.trim()));
        int limit = Paging.fromQuery(ctx, 20).limit();
        SearchResults results = index.apply(new SearchRequest(org, useCase, query, limit));
        ObjectNode node = views.object()
                .put("query", query)
                .put("usecase_uuid", useCase.orElse(null))
                .put("total_hits", results.totalHits());
        ArrayNode hits = node.putArray("hits");
        for (SearchHit hit : results.hits()) {
            hits.addObject()
                    .put("recording_uuid", hit.recording())
                    .put("usecase_uuid", hit.usecase().isEmpty() ? null : hit.usecase())
                    .put("speaker", hit.speaker())
                    .put("role", hit.role())
                    .put("start", hit.start())
                    .put("end", hit.end())
                    .put("text", hit.text())
                    .put("snippet", hit.fragment())
                    .put("score", Math.round(hit.score() * 1000) / 1000.0);
        }
        ctx.json(node);
    }
}
