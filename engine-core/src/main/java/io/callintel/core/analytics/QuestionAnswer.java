package io.callintel.core.analytics;

import java.util.List;

/**
 * The answer to one use-case question for one call.
 *
 * @param answer     {@code Yes}, {@code No} or {@code Unclear} for yes/no questions; otherwise the
 *                   sentence of the call that best answers it (empty when nothing does)
 * @param confidence 0..1
 * @param evidence   the segments the answer rests on, most relevant first
 */
public record QuestionAnswer(String question, String answer, double confidence, List<Evidence> evidence) {

    public static final String YES = "Yes";
    public static final String NO = "No";
    public static final String UNCLEAR = "Unclear";

    public QuestionAnswer {
        evidence = List.copyOf(evidence);
    }
}
