package io.callintel.classify.analysis;

import io.callintel.core.transcript.Role;
import java.util.List;

/**
 * Which way the customer leans on the call's topic, over everything they said, each utterance
 * weighted by how much it is about the topic.
 *
 * @param lean     -1 (refuses) .. +1 (agrees)
 * @param hedge    0..1: how much of it is "maybe", "not sure", "I'll think about it"
 * @param strength how much they said for or against at all (0 when they never took a position)
 */
record CallStance(double lean, double hedge, double strength) {

    /**
     * Relative to a proposition, whose topic words are agreed with or denied rather than read as
     * sentiment (see {@link Polarity#of(String, java.util.Set)}).
     * Every utterance of the customer counts; closeness to the topic and lateness in the call weigh
     * it up: where a customer ends up ("yes it works now, thank you") says more than where they began.
     */
    static CallStance of(List<Relevance> ranked, double callEnd, java.util.Set<String> topic) {
        double lean = 0;
        double hedge = 0;
        double strength = 0;
        double weight = 0;
        for (Relevance r : ranked) {
            if (!r.unit().has(Role.CUSTOMER) || r.unit().segments().size() != 1) {
                continue; // the customer's own utterances, each once
            }
            double w = (0.25 + Math.max(0, r.score())) * Recency.of(r.unit(), callEnd);
            Polarity polarity = Polarity.of(r.unit().textOf(Role.CUSTOMER), topic);
            lean += w * polarity.lean() * Math.min(1, polarity.strength());
            hedge += w * Math.min(1, polarity.hedge());
            strength += w * Math.min(1, polarity.strength());
            weight += w;
        }
        if (weight == 0) {
            return new CallStance(0, 0, 0);
        }
        return new CallStance(lean / weight, hedge / weight, strength / weight);
    }

    /** The customer never clearly took a side. */
    boolean unclear() {
        return strength < 0.2 && hedge < 0.2;
    }
}
