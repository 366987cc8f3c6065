package io.callintel.server.http;

import io.callintel.core.store.PageRequest;
import io.javalin.http.Context;

/** Page and limit from a query string or a JSON body: page 1 or more, limit 1..100. */
final class Paging {

    private Paging() {}

    static PageRequest fromQuery(Context ctx, int defaultLimit) {
        return of(integer(ctx.queryParam("page"), "page", 1), integer(ctx.queryParam("limit"), "limit", defaultLimit));
    }

    static PageRequest fromBody(JsonBody body, int defaultLimit) {
        return of(body.intOr("page", 1), body.intOr("limit", defaultLimit));
    }

    private static PageRequest of(int page, int limit) {
        if (page < 1) {
            throw ApiError.badRequest("page", "page must be 1 or more");
        }
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw ApiError.badRequest("limit", "limit must be between 1 and " + PageRequest.MAX_LIMIT);
        }
        return new PageRequest(page, limit);
    }

    private static int integer(String text, String field, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(field, field + " must be an integer");
        }
    }
}
