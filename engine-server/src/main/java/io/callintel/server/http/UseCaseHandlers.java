package io.callintel.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.store.Page;
import io.callintel.core.store.RecordingStore;
import io.callintel.core.store.UseCaseStore;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.UseCase;
import io.callintel.engine.json.UseCaseJson;
import io.callintel.server.service.Reprocessing;
import io.callintel.server.service.Summaries;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Create, read, update, delete and list use cases. */
final class UseCaseHandlers {

    /** Per use case: every call is judged against each question and bucket, so their number bounds its cost. */
    static final int MAX_QUESTIONS = 50;

    static final int MAX_BUCKETS = 50;
    static final int MAX_TAGS = 50;

    private final UseCaseStore useCases;
    private final RecordingStore recordings;
    private final Summaries summaries;
    private final Reprocessing reprocessing;
    private final ObjectMapper json;
    private final Views views;
    private final Clock clock;

    UseCaseHandlers(
            UseCaseStore useCases,
            RecordingStore recordings,
            Summaries summaries,
            Reprocessing reprocessing,
            ObjectMapper json,
            Views views,
            Clock clock) {
        this.useCases = useCases;
        this.recordings = recordings;
        this.summaries = summaries;
        this.reprocessing = reprocessing;
        this.json = json;
        this.views = views;
        this.clock = clock;
    }

    void create(Context ctx) {
        String org = Caller.org(ctx);
        JsonBody body = JsonBody.parse(json, ctx.body());
        String bodyOrg = body.requiredUuid("org_uuid");
        if (!bodyOrg.equals(org)) {
            throw new ApiError(403, "forbidden", "org_uuid is not the organization of your token", "org_uuid");
        }
        Instant now = clock.instant();
        UseCase useCase = new UseCase(
                UUID.randomUUID().toString(),
                org,
                body.requiredText("usecase_name"),
                body.optionalText("usecase_desc").orElse(""),
                strings(body, "tags", MAX_TAGS).orElse(List.of()),
                strings(body, "buckets", MAX_BUCKETS).orElse(List.of()),
                analysisConfig(body).orElse(AnalysisConfig.empty()),
                now,
                now);
        useCases.create(useCase);
        ctx.status(201).json(views.useCase(useCase));
    }

    void get(Context ctx) {
        ctx.json(views.useCase(find(ctx)));
    }

    /** A partial body changes only the fields it names. */
    void update(Context ctx) {
        UseCase current = find(ctx);
        JsonBody body = JsonBody.parse(json, ctx.body());
        body.optionalUuid("org_uuid").filter(org -> !org.equals(current.org())).ifPresent(org -> {
            throw new ApiError(403, "forbidden", "a use case cannot move to another organization", "org_uuid");
        });
        if (body.has("usecase_name") && body.optionalText("usecase_name").isEmpty()) {
            throw ApiError.badRequest("usecase_name", "usecase_name must not be empty");
        }
        UseCase updated = new UseCase(
                current.uuid(),
                current.org(),
                body.optionalText("usecase_name").orElse(current.name()),
                body.has("usecase_desc") ? body.optionalText("usecase_desc").orElse("") : current.description(),
                strings(body, "tags", MAX_TAGS).orElse(current.tags()),
                strings(body, "buckets", MAX_BUCKETS).orElse(current.buckets()),
                analysisConfig(body)
                        .map(config -> body.node().path("analysis_config").has("redaction")
                                ? config
                                : config.withRedaction(current.analysis().redaction()))
                        .orElse(current.analysis()),
                current.createdAt(),
                clock.instant());
        if (!useCases.update(updated)) {
            throw ApiError.notFound("Use case"); // deleted meanwhile
        }
        summaries.forget(updated.uuid()); // tags may have changed: the breakdown is rebuilt on next request
        ctx.json(views.useCase(updated));
    }

    void delete(Context ctx) {
        UseCase useCase = find(ctx);
        if (!useCases.delete(useCase.org(), useCase.uuid())) {
            throw ApiError.notFound("Use case");
        }
        summaries.forget(useCase.uuid());
        ctx.json(views.object()
                .put("usecase_uuid", useCase.uuid())
                .put("deleted", true)
                .put("message", "Use case deleted; its recordings are kept"));
    }

    /** Every finished recording of the use case processed again under its settings now. */
    void reprocess(Context ctx) {
        UseCase useCase = find(ctx);
        int queued = reprocessing.reprocessAll(useCase.org(), useCase.uuid());
        ctx.status(202).json(views.object().put("usecase_uuid", useCase.uuid()).put("queued", queued));
    }

    void listForOrg(Context ctx) {
        String org = JsonBody.uuid("org_uuid", ctx.pathParam("org_uuid"));
        if (!org.equals(Caller.org(ctx))) {
            throw ApiError.notFound("Organization");
        }
        Page<UseCase> page = useCases.list(
                org, Optional.ofNullable(ctx.queryParam("tag")).filter(t -> !t.isBlank()), Paging.fromQuery(ctx, 10));
        Map<String, Map<RecordingState, Long>> counts = recordings.countsByState(
                page.items().stream().map(UseCase::uuid).toList());
        List<ObjectNode> items = page.items().stream()
                .map(u -> (ObjectNode)
                        views.useCase(u).set("usage", views.stateCounts(counts.getOrDefault(u.uuid(), Map.of()))))
                .toList();
        ctx.json(views.page(page, "usecases", items).put("org_uuid", org));
    }

    private UseCase find(Context ctx) {
        String uuid = JsonBody.uuid("usecase_uuid", ctx.pathParam("usecase_uuid"));
        return useCases.find(Caller.org(ctx), uuid).orElseThrow(() -> ApiError.notFound("Use case"));
    }

    private static Optional<AnalysisConfig> analysisConfig(JsonBody body) {
        if (!body.has("analysis_config")) {
            return Optional.empty();
        }
        AnalysisConfig config;
        try {
            config = UseCaseJson.analysisConfig(body.node());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(fieldOf(e.getMessage()), e.getMessage());
        }
        atMost(MAX_QUESTIONS, config.questions(), "analysis_config.analysis_questions", "questions");
        atMost(MAX_BUCKETS, config.buckets(), "analysis_config.analysis_buckets", "buckets");
        return Optional.of(config);
    }

    /** The body's list of strings named {@code field}, if any, refused past {@code max} entries. */
    private static Optional<List<String>> strings(JsonBody body, String field, int max) {
        Optional<List<String>> values = body.optionalStrings(field);
        values.ifPresent(list -> atMost(max, list, field, field));
        return values;
    }

    private static void atMost(int max, List<?> items, String field, String what) {
        if (items.size() > max) {
            throw ApiError.badRequest(
                    field,
                    "at most " + max + " " + what + " per use case (analysis cost grows with each), got "
                            + items.size());
        }
    }

    /** UseCaseJson's messages start with the field's path. */
    private static String fieldOf(String message) {
        int space = message.indexOf(' ');
        return space < 0 ? "analysis_config" : message.substring(0, space);
    }
}
