package io.callintel.classify.analysis;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a statement is negated ("The lead is not interested"): sentence embeddings hardly see "not". */
final class Negation {

    private static final Pattern NEGATED = Pattern.compile(
            "\\b(not|no|never|cannot|can't|won't|don't|doesn't|didn't|isn't|wasn't|aren't|lacks?|refuses?|declines?|without|"
                    + "unhappy|unsatisfied|dissatisfied|unresolved|unable|unwilling|uninterested|unfair|unclear)\\b");

    /**
     * Negation in what someone says: "not", "never" and the "n't" forms, but not a bare "no", which is as often
     * "no problem" or an answer to a question ("no, Friday is fine") as a negation of what follows.
     */
    private static final Pattern SAYS_NOT = Pattern.compile(
            "\\b(not|never|cannot|nothing|nobody|won't|wont|don't|dont|doesn't|doesnt|didn't|didnt|isn't|isnt|wasn't|"
                    + "wasnt|aren't|arent|can't|cant|couldn't|wouldn't|haven't|hasn't|no longer|no way)\\b");

    private Negation() {}

    /** Whether an utterance negates: "I don't want to cancel" against the examples of wanting to cancel. */
    static boolean says(String utterance) {
        return SAYS_NOT.matcher(utterance.toLowerCase(Locale.ROOT)).find();
    }

    static boolean negated(String statement) {
        return NEGATED.matcher(statement.toLowerCase(Locale.ROOT)).find();
    }
}
