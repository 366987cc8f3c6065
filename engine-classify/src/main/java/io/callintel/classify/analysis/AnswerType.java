package io.callintel.classify.analysis;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an open question's answer must contain, read from how the question opens. Only one type is
 * told apart: "When ...?" and "What time / day / date ...?" are answered by a sentence that names a
 * time ("on Friday at two", "next week"); a sentence on the topic without one ("I do not want an
 * appointment") does not say when. Any other question takes any sentence.
 */
enum AnswerType {
    ANY,
    TIME;

    private static final Pattern ASKS_TIME = Pattern.compile("^(when|what time|what day|which day|what date)\\b");
    private static final Pattern NAMES_TIME = Pattern.compile(
            "\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|today|tonight|tomorrow|morning|"
                    + "afternoon|evening|noon|midnight|week|month|year|january|february|march|april|may|june|july|"
                    + "august|september|october|november|december|o'clock|[ap]\\.?m\\.?|\\d{1,2}(:\\d\\d)?)\\b");
    /** Greetings name a time of day without saying when anything happens. */
    private static final Pattern GREETING = Pattern.compile("\\bgood (morning|afternoon|evening)\\b");

    static AnswerType of(String question) {
        return ASKS_TIME.matcher(question.toLowerCase(Locale.ROOT).trim()).find() ? TIME : ANY;
    }

    boolean fits(String sentence) {
        if (this == ANY) {
            return true;
        }
        String text = GREETING.matcher(sentence.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return NAMES_TIME.matcher(text).find();
    }
}
