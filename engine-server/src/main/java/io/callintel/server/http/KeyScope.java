package io.callintel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.core.recording.Recording;
import io.callintel.core.store.RecordingStore;
import io.callintel.server.auth.Grant;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a limited API key may do, checked before any handler runs: a read-only key only reads, and a key limited to a
 * use case only touches that use case and its recordings, which the request must name (a listing across use cases,
 * or a search without {@code usecase_uuid}, is refused rather than quietly narrowed). Neither manages keys or the
 * organization's settings.
 */
final class KeyScope {

    /** The POST routes that only read: the API reads by POST, as the hosted product does. */
    private static final Set<String> READS = Set.of(
            "/org-usecases/recordings",
            "/org-usecases/get-recording-details",
            "/org-usecases/recording/transcript-analytics",
            "/org-usecases/recording/get-audio-presigned-url",
            "/org-usecases/recording/corrections",
            "/org-usecases/analytics/summary-counts",
            "/org-usecases/analytics/summary-details");

    private static final Pattern USE_CASE_PATH = Pattern.compile("/usecase/([^/]+)(?:/reprocess)?");
    private static final Pattern RECORDING_PATH = Pattern.compile("/recording/([^/]+)");

    private final RecordingStore recordings;
    private final ObjectMapper json;

    KeyScope(RecordingStore recordings, ObjectMapper json) {
        this.recordings = recordings;
        this.json = json;
    }

    /** @throws ApiError 403 naming what the key may not do */
    void check(Context ctx, Grant grant) {
        if (!grant.limited()) {
            return;
        }
        String path = ctx.path().substring(ApiServer.BASE.length());
        if (path.startsWith("/api-keys") || path.startsWith("/org-settings") || path.startsWith("/webhooks")) {
            throw forbidden("An API key with limits cannot manage API keys, webhooks or the organization's settings");
        }
        boolean read = ctx.method() == HandlerType.GET
                || ctx.method() == HandlerType.HEAD
                || ctx.method() == HandlerType.POST && READS.contains(path);
        if (grant.readOnly() && !read) {
            throw forbidden("This API key may only read");
        }
        if (grant.useCase().isPresent()) {
            String allowed = grant.useCase().get();
            Optional<String> named = useCaseOf(ctx, path, grant.org());
            if (!named.equals(Optional.of(allowed))) {
                throw forbidden("This API key is limited to use case " + allowed
                        + ": the request must name it (usecase_uuid) or one of its recordings");
            }
        }
    }

    /** The use case the request concerns, as far as it says. */
    private Optional<String> useCaseOf(Context ctx, String path, String org) {
        Matcher useCase = USE_CASE_PATH.matcher(path);
        if (useCase.matches()) {
            return Optional.of(useCase.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher recording = RECORDING_PATH.matcher(path);
        if (recording.matches()) {
            return useCaseOfRecording(org, recording.group(1));
        }
        if (path.equals("/search")) {
            return Optional.ofNullable(ctx.queryParam("usecase_uuid")).map(u -> u.toLowerCase(Locale.ROOT));
        }
        if (path.endsWith("/direct-upload")) {
            return Optional.ofNullable(ctx.formParam("usecase_uuid"))
                    .or(() -> Optional.ofNullable(ctx.formParam("metadata"))
                            .flatMap(metadata -> text(parse(metadata).path("usecase_uuid"))))
                    .map(u -> u.toLowerCase(Locale.ROOT));
        }
        if (ctx.method() != HandlerType.POST && ctx.method() != HandlerType.PUT) {
            return Optional.empty();
        }
        JsonNode body = parse(ctx.body());
        return text(body.path("usecase_uuid"))
                .or(() -> text(body.path("metadata").path("usecase_uuid")))
                .map(u -> u.toLowerCase(Locale.ROOT))
                .or(() -> text(body.path("recording_uuid")).flatMap(uuid -> useCaseOfRecording(org, uuid)))
                .or(() -> text(body.path("s3_key"))
                        .flatMap(recordings::findByStorageKey)
                        .filter(r -> r.org().equals(org))
                        .flatMap(Recording::usecase));
    }

    private Optional<String> useCaseOfRecording(String org, String uuid) {
        return recordings.find(org, uuid.toLowerCase(Locale.ROOT)).flatMap(Recording::usecase);
    }

    private JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode(); // the handler reports the malformed body
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank()
                ? Optional.of(node.asText().trim())
                : Optional.empty();
    }

    private static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", message, null);
    }
}
