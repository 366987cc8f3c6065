package io.callintel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.store.RecordingStore;
import io.callintel.server.service.RecordingRemoval;
import io.callintel.server.store.JdbcOrgSettings;
import io.javalin.http.Context;
import java.util.Optional;

/** Deleting a recording for good, and the organization's retention period. */
final class RetentionHandlers {

    /** Ten years: anything longer is a typo for "keep for good" (null). */
    static final int MAX_RETENTION_DAYS = 3650;

    private final RecordingRemoval removal;
    private final JdbcOrgSettings settings;
    private final ObjectMapper json;
    private final Views views;

    RetentionHandlers(RecordingRemoval removal, JdbcOrgSettings settings, ObjectMapper json, Views views) {
        this.removal = removal;
        this.settings = settings;
        this.json = json;
        this.views = views;
    }

    /** 204 once everything of it is gone; 404 for another organization's or an unknown recording. */
    void delete(Context ctx) {
        String uuid = JsonBody.uuid("recording_uuid", ctx.pathParam("recording_uuid"));
        try {
            if (!removal.remove(Caller.org(ctx), uuid)) {
                throw ApiError.notFound("Recording");
            }
        } catch (RecordingStore.InProgress e) {
            ctx.header("Retry-After", "30");
            throw new ApiError(409, "conflict", e.getMessage(), "recording_uuid");
        }
        ctx.status(204);
    }

    void get(Context ctx) {
        ctx.json(settings(Caller.org(ctx)));
    }

    /** {@code retention_days}: 1 to 3650, or null for the server's default. */
    void put(Context ctx) {
        JsonBody body = JsonBody.parse(json, ctx.body());
        if (!body.node().has("retention_days")) {
            throw ApiError.badRequest("retention_days", "retention_days is required (a number of days, or null)");
        }
        JsonNode days = body.node().get("retention_days");
        Optional<Integer> retention;
        if (days.isNull()) {
            retention = Optional.empty();
        } else if (days.canConvertToInt()
                && days.isIntegralNumber()
                && days.asInt() >= 1
                && days.asInt() <= MAX_RETENTION_DAYS) {
            retention = Optional.of(days.asInt());
        } else {
            throw ApiError.badRequest(
                    "retention_days",
                    "retention_days must be a whole number of days from 1 to " + MAX_RETENTION_DAYS
                            + ", or null for the server's default");
        }
        String org = Caller.org(ctx);
        settings.setRetentionDays(org, retention);
        ctx.json(settings(org));
    }

    private ObjectNode settings(String org) {
        ObjectNode node = views.object().put("org_uuid", org);
        settings.retentionDays(org)
                .ifPresentOrElse(days -> node.put("retention_days", days), () -> node.putNull("retention_days"));
        return node;
    }
}
