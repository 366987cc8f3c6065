package io.callintel.core.analytics;

import java.util.List;
import java.util.Objects;

/**
 * The answer to one use-case question for one call.
 *
 * @param answer     {@code Yes}, {@code No} or {@code Unclear} for yes/no questions; otherwise the
 *                   sentence of the call that best answers it (empty when nothing does)
 * @param fact       for an open question, the fact it asks for as said in that sentence: a date or time for
 *                   "when", an amount for "how much", a reason for "why", a name for "who" ("on Friday",
 *                   "four hundred dollars"); empty for yes/no questions, for questions that ask for no such
 *                   fact, and when the sentence holds none
 * @param confidence 0..1
 * @param evidence   the segments the answer rests on, most relevant first
 */
public record QuestionAnswer(String question, String answer, String fact, double confidence, List<Evidence> evidence) {

    public static final String YES = "Yes";
    public static final String NO = "No";
    public static final String UNCLEAR = "Unclear";

    public QuestionAnswer {
        Objects.requireNonNull(fact, "fact");
        evidence = List.copyOf(evidence);
    }

    /** An answer with no fact of its own: every yes/no answer, and open answers that are the sentence alone. */
    public QuestionAnswer(String question, String answer, double confidence, List<Evidence> evidence) {
        this(question, answer, "", confidence, evidence);
    }
}
