package io.callintel.engine;

import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.transcript.Transcript;

/** What the engine found in one call: who said what when, and the use case's answers, bucket and metrics. */
public record CallResult(Transcript transcript, CallAnalytics analytics) {}
