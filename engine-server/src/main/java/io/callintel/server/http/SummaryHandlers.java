package io.callintel.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.analytics.UseCaseSummary;
import io.callintel.core.analytics.UseCaseSummary.Metric;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.store.UseCaseStore;
import io.callintel.core.usecase.BucketDefinition;
import io.callintel.core.usecase.QuestionDefinition;
import io.callintel.core.usecase.UseCase;
import io.callintel.server.service.Summaries;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/** A use case's summary counts and detailed breakdown, from its running totals. */
final class SummaryHandlers {

    private final UseCaseStore useCases;
    private final Summaries summaries;
    private final ObjectMapper json;
    private final Views views;

    SummaryHandlers(UseCaseStore useCases, Summaries summaries, ObjectMapper json, Views views) {
        this.useCases = useCases;
        this.summaries = summaries;
        this.json = json;
        this.views = views;
    }

    void counts(Context ctx) {
        JsonBody body = JsonBody.parse(json, ctx.body());
        UseCase useCase = find(ctx, body);
        DateRange dates = DateRange.of(body);
        UseCaseSummary.Snapshot s = dates.isOpen() ? summaries.counts(useCase) : snapshot(useCase, dates);
        Map<RecordingState, Long> states = s.byState();
        ctx.json(header(useCase)
                .put("total_calls", s.total())
                .put("completed_analytics", states.get(RecordingState.ANALYSIS_COMPLETED))
                .put("completion_percentage", s.completion())
                .put(
                        "in_progress",
                        states.get(RecordingState.INITIATED) + states.get(RecordingState.TRANSCRIPTION_COMPLETED))
                .put("failed", states.get(RecordingState.FAILED))
                .put("awaiting_upload", states.get(RecordingState.AWAITING_UPLOAD)));
    }

    void details(Context ctx) {
        JsonBody body = JsonBody.parse(json, ctx.body());
        UseCase useCase = find(ctx, body);
        UseCaseSummary.Snapshot s = snapshot(useCase, DateRange.of(body));
        ObjectNode node = header(useCase).put("total_calls", s.total()).put("analysed_calls", s.analysed());
        ObjectNode states = node.putObject("recordings_by_state");
        s.byState().forEach((state, n) -> states.put(state.wireName(), n));

        // Every bucket and question of the use case is listed, with zero counts where nothing fell in yet.
        ArrayNode buckets = node.putArray("bucket_breakdown");
        for (BucketDefinition bucket : useCase.analysis().buckets()) {
            long count = s.buckets().getOrDefault(bucket.name(), 0L);
            buckets.addObject()
                    .put("bucket", bucket.name())
                    .put("count", count)
                    .put("percentage", percent(count, s.analysed()));
        }
        ArrayNode questions = node.putArray("answer_distribution");
        for (QuestionDefinition question : useCase.analysis().questions()) {
            ObjectNode answers =
                    questions.addObject().put("question", question.question()).putObject("answers");
            s.answers().getOrDefault(question.question(), Map.of()).forEach(answers::put);
        }
        ObjectNode tags = node.putObject("tag_breakdown");
        s.breakdown().getOrDefault("tag", Map.of()).forEach(tags::put);
        ObjectNode callTypes = node.putObject("call_type_breakdown");
        s.breakdown().getOrDefault("call_type", Map.of()).forEach(callTypes::put);
        ObjectNode averages = node.putObject("call_metric_averages");
        for (Metric metric : Metric.values()) {
            averages.put(metric.name().toLowerCase(Locale.ROOT), s.averages().get(metric));
        }
        ctx.json(node);
    }

    private ObjectNode header(UseCase useCase) {
        return views.object()
                .put("org_uuid", useCase.org())
                .put("usecase_uuid", useCase.uuid())
                .put("usecase_name", useCase.name());
    }

    /**
     * The running totals, or, when the request gives a start or end date, the totals over the calls
     * dated within them (both included).
     */
    private UseCaseSummary.Snapshot snapshot(UseCase useCase, DateRange dates) {
        return dates.isOpen()
                ? summaries.of(useCase)
                : summaries.between(
                        useCase, dates.from().orElse(LocalDate.MIN), dates.to().orElse(LocalDate.MAX));
    }

    private UseCase find(Context ctx, JsonBody body) {
        String org = Caller.org(ctx);
        body.optionalUuid("org_uuid").filter(o -> !o.equals(org)).ifPresent(o -> {
            throw ApiError.notFound("Use case");
        });
        return useCases.find(org, body.requiredUuid("usecase_uuid")).orElseThrow(() -> ApiError.notFound("Use case"));
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }
}
