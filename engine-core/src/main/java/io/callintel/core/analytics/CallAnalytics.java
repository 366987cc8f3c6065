package io.callintel.core.analytics;

import java.util.List;

/** Everything the analysis stage finds out about one call. */
public record CallAnalytics(List<QuestionAnswer> questions, BucketResult bucket, CallMetrics metrics) {

    public CallAnalytics {
        questions = List.copyOf(questions);
    }
}
