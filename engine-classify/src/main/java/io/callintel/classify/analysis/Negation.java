package io.callintel.classify.analysis;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a statement is negated ("The lead is not interested"): sentence embeddings hardly see "not". */
final class Negation {

    private static final Pattern NEGATED = Pattern.compile(
            "\\b(not|no|never|cannot|can't|won't|don't|doesn't|didn't|isn't|wasn't|aren't|lacks?|refuses?|declines?|without|"
                    + "unhappy|unsatisfied|dissatisfied|unresolved|unable|unwilling|uninterested|unfair|unclear)\\b");

    private Negation() {}

    static boolean negated(String statement) {
        return NEGATED.matcher(statement.toLowerCase(Locale.ROOT)).find();
    }
}
