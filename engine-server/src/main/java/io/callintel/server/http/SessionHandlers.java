package io.callintel.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.server.auth.Authenticator;
import io.callintel.server.auth.Sessions;
import io.javalin.http.Context;

/**
 * The web app's sign-in: {@code POST /session} exchanges an API key or token for a session cookie (HttpOnly,
 * SameSite=Strict) and returns the CSRF token writes must carry; {@code GET /session} says who is signed in (and
 * the CSRF token again, for a reloaded page); {@code DELETE /session} signs out.
 */
final class SessionHandlers {

    static final String PATH = "/session";
    static final String COOKIE = "callintel_session";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final Sessions sessions;
    private final Authenticator authenticator;
    private final ObjectMapper json;
    private final Views views;

    SessionHandlers(Sessions sessions, Authenticator authenticator, ObjectMapper json, Views views) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.json = json;
        this.views = views;
    }

    void signIn(Context ctx) {
        JsonBody body = JsonBody.parse(json, ctx.body());
        Sessions.Opened session = sessions.open(body.requiredText("credential"))
                .orElseThrow(
                        () -> new ApiError(401, "unauthorized", "Unknown or expired API key or token", "credential"));
        ctx.res().addHeader("Set-Cookie", cookie(ctx, session.token(), Sessions.LIFETIME.toSeconds()));
        ctx.json(views.object()
                .put("org_uuid", session.org())
                .put("csrf_token", session.csrf())
                .put("expires_at", session.expires().toString()));
    }

    void current(Context ctx) {
        String token = ctx.cookie(COOKIE);
        String org = authenticator.org(token == null ? null : "Bearer " + token).orElseThrow(ApiError::unauthorized);
        ctx.json(views.object().put("org_uuid", org).put("csrf_token", sessions.csrf(token)));
    }

    void signOut(Context ctx) {
        ctx.res().addHeader("Set-Cookie", cookie(ctx, "", 0));
        ctx.json(views.object().put("signed_out", true));
    }

    /** The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure on HTTPS. */
    private static String cookie(Context ctx, String value, long maxAgeSeconds) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + ("https".equals(ctx.scheme()) ? "; Secure" : "");
    }
}
