package io.callintel.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callintel.core.recording.RecordingState;
import io.callintel.core.transcript.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UseCaseSummaryTest {

    @Test
    void keepsRunningTotalsAsRecordingsMoveAndComplete() {
        UseCaseSummary summary = new UseCaseSummary();
        summary.added(RecordingState.AWAITING_UPLOAD, List.of("sales"), Map.of("call_type", "outbound"));
        summary.added(RecordingState.INITIATED, List.of("sales"), Map.of("call_type", "outbound"));
        summary.added(RecordingState.INITIATED, List.of("sales"), Map.of("call_type", "inbound"));
        summary.moved(RecordingState.INITIATED, RecordingState.ANALYSIS_COMPLETED);
        summary.analysed(analytics("Hot Lead", "Yes", 60, 0.6));
        summary.moved(RecordingState.INITIATED, RecordingState.ANALYSIS_COMPLETED);
        summary.analysed(analytics("Cold Lead", "No", 120, 0.4));

        UseCaseSummary.Snapshot snapshot = summary.snapshot();
        assertEquals(3, snapshot.total());
        assertEquals(2L, snapshot.byState().get(RecordingState.ANALYSIS_COMPLETED));
        assertEquals(0L, snapshot.byState().get(RecordingState.INITIATED));
        assertEquals(100.0, snapshot.completion(), "both uploaded recordings are done; the pending one does not count");
        assertEquals(Map.of("Hot Lead", 1L, "Cold Lead", 1L), snapshot.buckets());
        assertEquals(Map.of("Yes", 1L, "No", 1L), snapshot.answers().get("Interested?"));
        assertEquals(Map.of("outbound", 2L, "inbound", 1L), snapshot.breakdown().get("call_type"));
        assertEquals(Map.of("sales", 3L), snapshot.breakdown().get("tag"));
        assertEquals(90.0, snapshot.averages().get(UseCaseSummary.Metric.DURATION));
        assertEquals(0.5, snapshot.averages().get(UseCaseSummary.Metric.AGENT_TALK_RATIO), 1e-9);

        summary.withdrawn(analytics("Cold Lead", "No", 120, 0.4));
        assertEquals(Map.of("Hot Lead", 1L), summary.snapshot().buckets());
        assertEquals(60.0, summary.snapshot().averages().get(UseCaseSummary.Metric.DURATION));
    }

    private static CallAnalytics analytics(String bucket, String answer, double duration, double agentRatio) {
        SpeakerMetrics agent = new SpeakerMetrics("agent", Role.AGENT, 0, agentRatio, 0, 0, 0, 0, 0, 0, 0);
        CallMetrics metrics =
                new CallMetrics(duration, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(agent), List.of());
        return new CallAnalytics(
                List.of(new QuestionAnswer("Interested?", answer, 0.9, List.of())),
                new BucketResult(bucket, 0.9, Map.of(bucket, 0.9), List.of()),
                metrics);
    }
}
