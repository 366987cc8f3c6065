package io.callintel.classify.analysis;

import io.callintel.core.usecase.BucketDefinition;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a bucket's own description asks of the customer: it affirms or denies a proposition ("Hot Lead: wants
 * to go ahead with the loan", "Cold Lead: is not interested"), hedges, or is the bucket for calls that settle
 * nothing ("If it is not clear ..."), which {@link BucketClassifier} chooses only when no other bucket is shown.
 */
enum BucketStance {
    /** The description affirms its proposition: "cancelled the subscription", "wants to go ahead". */
    AFFIRMATIVE,
    /** The description denies it: "is not interested in the loan", "did not want an appointment". */
    NEGATED,
    /** Some interest but undecided: wants time, more information, a follow-up. */
    HEDGED,
    /** "If it is not clear ...": the bucket for calls that settle nothing. */
    UNCERTAIN,
    /** The description takes no stance: topic alone decides. */
    NEUTRAL;

    private static final Pattern UNCERTAIN_CUES = Pattern.compile(
            "\\b((is |was )?not clear|unclear|uncertain|cannot (tell|determine|be determined)|can't (tell|determine)|"
                    + "ambiguous|insufficient|unknown|undetermined|no clear|not enough information|not possible to tell)\\b");
    private static final Pattern HEDGE_CUES = Pattern.compile(
            "\\b(maybe|undecided|not decided|has not decided|hasn't decided|needs? (more )?(time|information|info|details)|"
                    + "follow.?up|think (it over|about)|time to think|consider\\w*|not (yet|ready)|some interest|somewhat|"
                    + "partially|hesitant|lukewarm|more information|later|unsure|not sure|may call back|call back)\\b");

    static BucketStance of(BucketDefinition bucket) {
        String text = (bucket.name() + ". " + bucket.description()).toLowerCase(Locale.ROOT);
        if (UNCERTAIN_CUES.matcher(text).find()) {
            return UNCERTAIN;
        }
        if (HEDGE_CUES.matcher(text).find()) {
            return HEDGED;
        }
        Polarity polarity = Polarity.of(bucket.description(), ContentWords.topic(bucket.description()));
        if (polarity.strength() == 0) {
            return NEUTRAL;
        }
        return polarity.lean() < 0 ? NEGATED : AFFIRMATIVE;
    }
}
