package io.callintel.core.pipeline;

import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import java.util.List;

/** Told of every step the pipeline takes, after it is committed: for summaries and metrics. */
public interface PipelineListener {

    /** {@code recording} as it was before the change. */
    default void moved(Recording recording, RecordingState to) {}

    /** Called once the recording is {@code ANALYSIS_COMPLETED}. */
    default void analysed(Recording recording, CallAnalytics analytics) {}

    /**
     * A stage finished.
     *
     * @param stage        {@code transcription}, {@code analysis}, or {@code claim} (taking it off the queue)
     * @param audioSeconds the recording's duration; 0 for the claim
     */
    default void timed(String stage, double seconds, double audioSeconds) {}

    /** Tells each of these, in order. */
    static PipelineListener all(PipelineListener... listeners) {
        List<PipelineListener> each = List.of(listeners);
        return new PipelineListener() {
            @Override
            public void moved(Recording recording, RecordingState to) {
                each.forEach(listener -> listener.moved(recording, to));
            }

            @Override
            public void analysed(Recording recording, CallAnalytics analytics) {
                each.forEach(listener -> listener.analysed(recording, analytics));
            }

            @Override
            public void timed(String stage, double seconds, double audioSeconds) {
                each.forEach(listener -> listener.timed(stage, seconds, audioSeconds));
            }
        };
    }
}
