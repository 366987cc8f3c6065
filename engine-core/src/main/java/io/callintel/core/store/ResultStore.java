package io.callintel.core.store;

import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.transcript.Transcript;
import java.util.Optional;

/** Each recording's transcript and analytics, stored once each stage completes. */
public interface ResultStore {

    void saveTranscript(String recording, Transcript transcript);

    Optional<Transcript> transcript(String recording);

    void saveAnalytics(String recording, CallAnalytics analytics);

    Optional<CallAnalytics> analytics(String recording);
}
