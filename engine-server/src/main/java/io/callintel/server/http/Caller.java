package io.callintel.server.http;

import io.javalin.http.Context;

/** The authenticated org of a request, set by the authentication step before any API handler runs. */
final class Caller {

    static final String ATTRIBUTE = "callintel.org";

    private Caller() {}

    static void set(Context ctx, String org) {
        ctx.attribute(ATTRIBUTE, org);
    }

    static String org(Context ctx) {
        String org = ctx.attribute(ATTRIBUTE);
        if (org == null) {
            throw ApiError.unauthorized(); // a route outside the authenticated paths asked for a caller
        }
        return org;
    }
}
