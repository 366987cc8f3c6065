package io.callintel.core.pipeline;

import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.usecase.AnalysisConfig;

/** The analysis stage's port: answers, bucket and call metrics for one transcript. Thread-safe. */
public interface Analysis {

    CallAnalytics analyze(Transcript transcript, AnalysisConfig config);
}
