package io.callintel.core.analytics;

import io.callintel.core.transcript.Role;
import java.util.List;

/**
 * How one speaker's sentiment ran over a call, from the scores of their utterances.
 *
 * @param start    mean score of their first utterances (the first third of them, at most three)
 * @param end      mean score of their last utterances (likewise)
 * @param average  mean score over all their utterances, each weighted by its words
 * @param trend    their mean score in each fifth of the call where they spoke, in time order
 * @param positive utterances labelled positive (and likewise neutral and negative)
 */
public record SpeakerSentiment(
        String speaker,
        Role role,
        double start,
        double end,
        double average,
        List<Point> trend,
        int positive,
        int neutral,
        int negative) {

    public SpeakerSentiment {
        trend = List.copyOf(trend);
    }

    /** The speaker's mean score from {@code start} to {@code end} seconds. */
    public record Point(double start, double end, double score) {}
}
