package io.callintel.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.classify.index.SearchRequest;
import io.callintel.classify.index.SearchResults;
import io.callintel.core.store.BlobStore;
import io.callintel.core.store.RecordingStore;
import io.callintel.core.store.ResultStore;
import io.callintel.core.store.UseCaseStore;
import io.callintel.server.auth.ApiKeys;
import io.callintel.server.auth.Authenticator;
import io.callintel.server.auth.Grant;
import io.callintel.server.auth.Sessions;
import io.callintel.server.auth.UrlSigner;
import io.callintel.server.service.Corrections;
import io.callintel.server.service.RecordingIntake;
import io.callintel.server.service.RecordingRemoval;
import io.callintel.server.service.Reprocessing;
import io.callintel.server.service.RequestQuota;
import io.callintel.server.service.ServerMetrics;
import io.callintel.server.service.Summaries;
import io.callintel.server.store.JdbcOrgSettings;
import io.callintel.server.store.JdbcWebhooks;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP API on Javalin (Jetty 12): every route in one table below, authentication before the
 * API's routes, and every error as {@code {"error": {"code", "message", "field"}}}.
 */
public final class ApiServer implements AutoCloseable {

    public static final String BASE = "/v1alpha/callintel";
    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());
    /** JSON bodies (everything but uploads) are read whole: cap them. */
    private static final long MAX_JSON_BODY = 1_048_576;

    private final Javalin app;

    /** What the server needs from the rest of the process; built in one place, {@code CallintelServer}. */
    public record Dependencies(
            UseCaseStore useCases,
            RecordingStore recordings,
            ResultStore results,
            Corrections corrections,
            RecordingRemoval removal,
            JdbcOrgSettings settings,
            JdbcWebhooks webhooks,
            BlobStore blobs,
            Function<SearchRequest, SearchResults> search,
            RecordingIntake intake,
            Reprocessing reprocessing,
            Authenticator authenticator,
            ApiKeys apiKeys,
            Sessions sessions,
            UrlSigner signer,
            Summaries summaries,
            ServerMetrics metrics,
            BooleanSupplier ready,
            Role role,
            String node,
            HealthChecks checks,
            ObjectMapper json,
            Clock clock) {}

    /**
     * @param host         address to bind (0.0.0.0 for all)
     * @param port         0 picks a free port
     * @param publicUrl    how clients reach the server, for the URLs it hands out; the bind address when empty
     * @param uploadTemp   where multipart uploads are spooled while they arrive
     */
    public ApiServer(
            Dependencies d, String host, int port, Optional<String> publicUrl, Path uploadTemp, Limits limits) {
        Views views = new Views(d.json());
        PublicUrl urls = new PublicUrl(publicUrl, host, this::port);
        UseCaseHandlers useCases = new UseCaseHandlers(
                d.useCases(), d.recordings(), d.summaries(), d.reprocessing(), d.json(), views, d.clock());
        UploadHandlers uploads =
                new UploadHandlers(d.useCases(), d.intake(), d.signer(), d.json(), views, urls, d.clock(), limits);
        RecordingHandlers recordings = new RecordingHandlers(
                d.useCases(),
                d.recordings(),
                d.results(),
                d.blobs(),
                d.signer(),
                d.json(),
                views,
                urls,
                limits.audioUrlValidity(),
                d.corrections(),
                d.intake(),
                d.reprocessing());
        SummaryHandlers summaries = new SummaryHandlers(d.useCases(), d.summaries(), d.json(), views);
        SearchHandler search = new SearchHandler(d.search(), views);
        RetentionHandlers retention = new RetentionHandlers(d.removal(), d.settings(), d.json(), views);
        ApiKeyHandlers apiKeys = new ApiKeyHandlers(d.apiKeys(), d.useCases(), d.json(), views);
        WebhookHandlers webhooks = new WebhookHandlers(d.webhooks(), d.useCases(), d.json(), views);
        SessionHandlers session = new SessionHandlers(d.sessions(), d.authenticator(), d.json(), views);

        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(d.json(), false));
            if (!limits.corsOrigins().isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    limits.corsOrigins().forEach(rule::allowHost);
                    rule.exposeHeader("Retry-After");
                }));
            }
            config.jetty.host = host;
            config.jetty.port = port;
            config.http.maxRequestSize = MAX_JSON_BODY;
            config.jetty.multipartConfig.cacheDirectory(uploadTemp.toString());
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.jetty.multipartConfig.maxFileSize(limits.maxUploadBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(limits.maxUploadBytes() + MAX_JSON_BODY, SizeUnit.BYTES);
            config.requestLogger.http((ctx, millis) -> {
                d.metrics().request(ctx.method().name(), route(ctx), ctx.statusCode(), (long) (millis * 1e6));
                AccessLog.log(ctx, millis);
            });

            if (d.role().servesApi()) {
                RequestQuota quota =
                        new RequestQuota(limits.requestsPerMinutePerKey(), limits.requestsPerMinutePerOrg());
                KeyScope scope = new KeyScope(d.recordings(), d.json());
                config.routes.before(
                        BASE + "/*", ctx -> authenticate(ctx, d.authenticator(), d.sessions(), quota, scope));

                config.routes.post(BASE + "/usecase", useCases::create);
                config.routes.get(BASE + "/usecase/{usecase_uuid}", useCases::get);
                config.routes.put(BASE + "/usecase/{usecase_uuid}", useCases::update);
                config.routes.delete(BASE + "/usecase/{usecase_uuid}", useCases::delete);
                config.routes.post(BASE + "/usecase/{usecase_uuid}/reprocess", useCases::reprocess);
                config.routes.get(BASE + "/org-usecases/{org_uuid}", useCases::listForOrg);
                config.routes.post(BASE + "/{client_name}/{client_profile}/create-upload-link", uploads::createLink);
                config.routes.post(BASE + "/{client_name}/{client_profile}/direct-upload", uploads::direct);
                config.routes.post(BASE + "/org-usecases/recordings", recordings::list);
                config.routes.post(BASE + "/org-usecases/get-recording-details", recordings::details);
                config.routes.post(
                        BASE + "/org-usecases/recording/transcript-analytics", recordings::transcriptAnalytics);
                config.routes.post(BASE + "/org-usecases/recording/get-audio-presigned-url", recordings::audioUrl);
                config.routes.post(BASE + "/org-usecases/recording/correct", recordings::correct);
                config.routes.post(BASE + "/org-usecases/recording/corrections", recordings::corrections);
                config.routes.post(BASE + "/org-usecases/recording/retry", recordings::retry);
                config.routes.post(BASE + "/org-usecases/recording/reprocess", recordings::reprocess);
                config.routes.post(BASE + "/org-usecases/analytics/summary-counts", summaries::counts);
                config.routes.post(BASE + "/org-usecases/analytics/summary-details", summaries::details);
                config.routes.get(BASE + "/search", search::search);
                config.routes.delete(BASE + "/recording/{recording_uuid}", retention::delete);
                config.routes.get(BASE + "/org-settings", retention::get);
                config.routes.put(BASE + "/org-settings", retention::put);
                config.routes.get(BASE + "/api-keys", apiKeys::list);
                config.routes.post(BASE + "/api-keys", apiKeys::create);
                config.routes.put(BASE + "/api-keys/{id}", apiKeys::rename);
                config.routes.delete(BASE + "/api-keys/{id}", apiKeys::revoke);
                config.routes.get(BASE + "/webhooks", webhooks::list);
                config.routes.post(BASE + "/webhooks", webhooks::create);
                config.routes.delete(BASE + "/webhooks/{id}", webhooks::delete);
                config.routes.get(BASE + "/webhooks/{id}/deliveries", webhooks::deliveries);
                config.routes.post(BASE + "/webhooks/{id}/deliveries/{delivery_id}/redeliver", webhooks::redeliver);

                // Presigned: the URL's signature is the authority, no token.
                config.routes.put(UploadHandlers.UPLOAD_PATH + "{recording_uuid}", uploads::receive);
                config.routes.get(RecordingHandlers.AUDIO_PATH + "{recording_uuid}", recordings::streamAudio);

                // The web app and its sign-in (a session cookie for the API above).
                config.routes.get("/", WebApp::page);
                config.routes.get(WebApp.ASSETS + "{file}", WebApp::asset);
                config.routes.post(SessionHandlers.PATH, session::signIn);
                config.routes.get(SessionHandlers.PATH, session::current);
                config.routes.delete(SessionHandlers.PATH, session::signOut);
            }

            config.routes.get("/health", ctx -> health(ctx, d.ready(), d.role(), d.node(), d.checks()));
            config.routes.get(
                    "/metrics",
                    ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(d.metrics().scrape()));
            config.routes.get("/openapi.json", ApiServer::openApi);

            config.routes.exception(ApiError.class, ApiServer::apiError);
            config.routes.exception(RecordingIntake.Refused.class, (e, ctx) -> apiError(ApiError.of(e), ctx));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> javalinError(ctx, e));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.log(Level.SEVERE, "internal error on " + ctx.method() + " " + ctx.path(), e);
                error(
                        ctx,
                        500,
                        "internal_error",
                        "Internal server error: " + e.getClass().getSimpleName(),
                        null);
            });
        });
    }

    public ApiServer start() {
        app.start();
        return this;
    }

    /** The port it listens on (the one picked, when 0 was asked for). */
    public int port() {
        return app.port();
    }

    /**
     * The caller is whoever the Authorization header names, or else the web app's session cookie; a write by
     * cookie must carry the session's CSRF token.
     */
    private static void authenticate(
            Context ctx, Authenticator authenticator, Sessions sessions, RequestQuota quota, KeyScope scope) {
        if (ctx.method() == HandlerType.OPTIONS) {
            return; // a browser's CORS preflight carries no credentials by design; it reads nothing
        }
        String credential = ctx.header("Authorization");
        String session = ctx.cookie(SessionHandlers.COOKIE);
        if (credential == null && session != null && !session.isEmpty()) {
            boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
            if (!read && !sessions.csrfMatches(session, ctx.header(SessionHandlers.CSRF_HEADER))) {
                throw new ApiError(403, "csrf", "A write from the web app must carry its X-CSRF-Token header", null);
            }
            credential = "Bearer " + session;
        }
        Grant grant = authenticator.grant(credential).orElseThrow(ApiError::unauthorized);
        String org = grant.org();
        quota.take(credential, org).ifPresent(exceeded -> {
            long seconds = Math.max(1, (exceeded.retryAfter().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiError(
                    429,
                    "rate_limited",
                    "Too many requests for " + exceeded.limit() + ": " + exceeded.perMinute()
                            + " per minute; retry after " + seconds + " s",
                    null);
        });
        scope.check(ctx, grant);
        Caller.set(ctx, org);
    }

    private static void apiError(ApiError e, Context ctx) {
        if (e.status() == 413) {
            // The body was not read to its end: the connection cannot carry another request.
            ctx.header("Connection", "close");
        }
        error(ctx, e.status(), e.code(), e.getMessage(), e.field());
    }

    /** 200 while serving with every dependency reachable; 503 while stopping or when one is not (it says which). */
    private static void health(Context ctx, BooleanSupplier ready, Role role, String node, HealthChecks checks) {
        Map<String, String> results = checks.run();
        boolean reachable = results.values().stream().allMatch(HealthChecks.OK::equals);
        boolean up = ready.getAsBoolean();
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
                .put("status", !up ? "stopping" : reachable ? "ok" : "degraded")
                .put("role", role.wireName())
                .put("node", node);
        results.forEach(body::put);
        ctx.status(up && reachable ? 200 : 503).json(body);
    }

    private static void openApi(Context ctx) throws IOException {
        try (InputStream document = ApiServer.class.getResourceAsStream("/openapi.json")) {
            if (document == null) {
                throw new IllegalStateException("openapi.json is missing from the build");
            }
            ctx.contentType("application/json").result(new String(document.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void javalinError(Context ctx, HttpResponseException e) {
        switch (e.getStatus()) {
            case 413 -> {
                ctx.header("Connection", "close");
                error(ctx, 413, "payload_too_large", "Request body too large", null);
            }
            case 400 -> error(ctx, 400, "invalid_request", e.getMessage(), null);
            case 404 -> error(ctx, 404, "not_found", e.getMessage(), null); // no such endpoint
            default -> error(ctx, e.getStatus(), "http_" + e.getStatus(), e.getMessage(), null);
        }
    }

    static void error(Context ctx, int status, String code, String message, String field) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error").put("code", code).put("message", message).put("field", field);
        ctx.status(status).json(body);
    }

    private static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched"; // no endpoint matched (404) or the request failed before routing
        }
    }

    /** Stops accepting requests; requests in flight finish first (Jetty's graceful stop). */
    @Override
    public void close() {
        app.stop();
    }
}
