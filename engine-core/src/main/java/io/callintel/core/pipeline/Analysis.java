package io.callintel.core.pipeline;

import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.CorrectedCall;
import java.util.List;

/** The analysis stage's port: answers, bucket and call metrics for one transcript. Thread-safe. */
public interface Analysis {

    /**
     * @param corrected the use case's corrected calls, which the analysis learns from (empty: none yet)
     */
    CallAnalytics analyze(Transcript transcript, AnalysisConfig config, List<CorrectedCall> corrected);
}
