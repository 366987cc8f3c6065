package io.callintel.classify.analysis;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an open question's answer must contain, read from how the question opens. "When ...?" and "What time /
 * day / date ...?" are answered by a sentence that names a time ("on Friday at two", "next week", "last night");
 * "How much ...?" and "What salary / amount / price ...?" by one that names an amount ("sixty thousand", "fifty
 * dollars a week"). A sentence on the topic without one ("I do not want an appointment") does not say when or
 * how much. Any other question takes any sentence that says something: not a bare "okay" or "hello".
 */
enum AnswerType {
    ANY,
    TIME,
    AMOUNT;

    private static final Pattern ASKS_TIME =
            Pattern.compile("^(when|what time|what day|which day|what date|how soon|how long ago)\\b");
    private static final Pattern ASKS_AMOUNT = Pattern.compile(
            "^(how much|how many|what (is the |was the )?(salary|amount|price|sum|fee|cost|rate|figure|budget)|"
                    + "what \\w+ (salary|amount|price|sum|fee|cost|rate|figure|budget))\\b");
    private static final Pattern NAMES_TIME = Pattern.compile(
            "\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|today|tonight|tomorrow|yesterday|"
                    + "morning|afternoon|evening|night|noon|midnight|week|weeks|month|months|year|years|ago|"
                    + "january|february|march|april|may|june|july|august|september|october|november|december|"
                    + "first|second|third|fourth|fifth|tenth|fifteenth|twentieth|thirtieth|o'clock|[ap]\\.?m\\.?|"
                    + "\\d{1,2}(:\\d\\d)?)\\b");
    private static final Pattern NAMES_AMOUNT = Pattern.compile(
            "\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                    + "fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|half|dollars?|pounds?|euros?|"
                    + "percent|k)\\b");
    /** Greetings name a time of day without saying when anything happens. */
    private static final Pattern GREETING = Pattern.compile("\\bgood (morning|afternoon|evening|night)\\b");

    static AnswerType of(String question) {
        String lower = question.toLowerCase(Locale.ROOT).trim();
        if (ASKS_TIME.matcher(lower).find()) {
            return TIME;
        }
        return ASKS_AMOUNT.matcher(lower).find() ? AMOUNT : ANY;
    }

    boolean fits(String sentence) {
        String text = sentence.toLowerCase(Locale.ROOT);
        return switch (this) {
            case ANY -> ContentWords.of(text).size() >= 2;
            case TIME ->
                NAMES_TIME.matcher(GREETING.matcher(text).replaceAll(" ")).find();
            case AMOUNT -> NAMES_AMOUNT.matcher(text).find();
        };
    }
}
