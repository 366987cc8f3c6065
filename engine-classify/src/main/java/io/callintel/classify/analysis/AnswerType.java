package io.callintel.classify.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an open question's answer must contain, read from how the question opens, and the fact itself taken out
 * of the answering sentence ({@link #fact}).
 *
 * <ul>
 *   <li>{@link #TIME}: "When ...?", "What time / day / date ...?": a sentence that names a time ("on Friday at
 *       two", "next week", "last night"); the fact is each time phrase.
 *   <li>{@link #AMOUNT}: "How much ...?", "What salary / amount / price ...?": a sentence that names an amount
 *       ("sixty thousand", "fifty dollars a week"); the fact is each amount.
 *   <li>{@link #REASON}: "Why ...?", "What is the reason ...?": the clause after "because", "since", "due to"...,
 *       or the whole sentence when the reason is said plainly ("it's too expensive").
 *   <li>{@link #NAME}: "Who ...?", "What is the name ...?": the words after "my name is", "this is", "speak to"...
 *   <li>{@link #ANY}: any other question; the sentence is the answer, no shorter fact.
 * </ul>
 *
 * A sentence on the topic without the wanted kind of fact ("I do not want an appointment") does not say when or
 * how much; for the other types, any sentence that says something fits (not a bare "okay" or "hello").
 */
enum AnswerType {
    ANY,
    TIME,
    AMOUNT,
    REASON,
    NAME;

    private static final Pattern ASKS_TIME = Pattern.compile(
            "^(when|what time|what day|which day|what date|how soon|how long ago|by when|until when)\\b");
    private static final Pattern ASKS_AMOUNT = Pattern.compile(
            "^(how much|how many|what (is the |was the )?(salary|amount|price|sum|fee|cost|rate|figure|budget)|"
                    + "what \\w+ (salary|amount|price|sum|fee|cost|rate|figure|budget))\\b");
    private static final Pattern ASKS_THING = Pattern.compile("^(what|which|how)\\b");
    private static final Pattern ASKS_REASON =
            Pattern.compile("^(why|how come|what (is|was|'s) the (main )?(reason|cause)|for what reason)\\b");
    private static final Pattern ASKS_NAME =
            Pattern.compile("^(who|whom|whose|what (is|was|'s) (the |their |his |her )?([\\w']+ )?name)\\b");

    private static final String NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
            + "eighty|ninety";
    /** Days and times of day, the words that name a time in both {@link #fits} and {@link #fact}. */
    private static final String DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|today|"
            + "tonight|tomorrow|yesterday|morning|afternoon|evening|night|noon|midnight";
    /** Periods and months; "may" is left out, a month only where it is one. */
    private static final String PERIODS = "days|week|weeks|month|months|year|years|ago|january|february|march|"
            + "april|june|july|august|september|october|november|december";

    private static final Pattern NAMES_TIME = Pattern.compile("\\b(" + DAYS + "|" + PERIODS + "|"
            + "(in|of|on|since|until|by|early|late|mid) may|may (the )?\\w+(st|nd|rd|th)|"
            + "first|second|third|fourth|fifth|tenth|fifteenth|twentieth|thirtieth|o'clock|[ap]\\.?m\\.?|"
            + "\\d{1,2}(:\\d\\d)?)\\b");
    private static final Pattern NAMES_AMOUNT = Pattern.compile(
            "\\b(\\d+|" + NUMBER_WORDS + "|hundred|thousand|million|half|dollars?|pounds?|euros?|percent|k)\\b");
    /** A sentence that asks rather than tells: a question mark, or a question's opening. */
    private static final Pattern ASKS = Pattern.compile(
            "\\?\\s*$|^((okay|ok|so|and|right|um|uh|sorry|well|oh|great|thanks|alright|now) )?(who|what|what's|when|where|why|how|which|"
                    + "did|do|does|is|are|was|were|can|could|would|will|have|has|shall|should|may)\\b(?! i\\b)|"
                    + "\\b(did|do|does|could|can|would|will|have|are) you\\b");
    /** Greetings name a time of day without saying when anything happens. */
    private static final Pattern GREETING = Pattern.compile("\\bgood (morning|afternoon|evening|night)\\b");

    // The fact inside a sentence: runs of words of the kind, with the small words that hold them together.
    private static final Pattern TIME_CORE = Pattern.compile("(" + DAYS + "|day|" + PERIODS + "|"
            + "o'clock|[ap]\\.?m\\.?|\\d{1,2}(:\\d\\d)?(st|nd|rd|th)?|"
            + "\\w*(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth))");
    private static final Pattern NUMBER = Pattern.compile(NUMBER_WORDS);
    private static final Set<String> TIME_GLUE = Set.of(
            "the",
            "of",
            "at",
            "on",
            "next",
            "this",
            "last",
            "in",
            "by",
            "a",
            "couple",
            "few",
            "early",
            "late",
            "end",
            "beginning",
            "start",
            "middle",
            "until",
            "before",
            "after",
            "every",
            "half",
            "past",
            "quarter",
            "within");
    /** Parts of a period, which are also verbs: "the start of May", "start in May". */
    private static final Set<String> PART = Set.of("start", "end", "beginning", "middle");
    /** After these, a number is a time of day: "at two", "around three thirty". */
    private static final Set<String> CLOCK = Set.of("at", "around", "about", "by", "until");

    private static final Pattern AMOUNT_CORE = Pattern.compile("(\\d[\\d,.]*k?|" + NUMBER_WORDS
            + "|hundred|thousand|million|billion|grand|dollars?|pounds?|euros?|" + "cents?|percent|bucks|k)");
    private static final Set<String> AMOUNT_GLUE = Set.of("and", "a", "point", "half");
    private static final Set<String> PER = Set.of("a", "an", "per", "each", "every");
    private static final Set<String> PERIOD = Set.of("hour", "day", "week", "month", "year", "annum", "night");

    private static final Pattern REASON_MARKER =
            Pattern.compile("\\b(because of|because|'cause|since|due to|the reason is|so that|as a result of)\\s+");
    private static final Pattern NAME_CUE = Pattern.compile(
            "\\b(my name is|my name's|name is|this is|i am|i'm|it's|speak to|speak with|speaking with|talk to|"
                    + "ask for|called|spoke to|spoke with|talked to)\\s+((?:[a-z']+\\s*){1,2})");
    private static final Set<String> NOT_NAMES = Set.of(
            "a",
            "an",
            "the",
            "not",
            "just",
            "so",
            "really",
            "very",
            "calling",
            "sorry",
            "fine",
            "good",
            "here",
            "me",
            "you",
            "him",
            "her",
            "them",
            "someone",
            "somebody",
            "about",
            "from",
            "with",
            "and",
            "okay",
            "sure",
            "that",
            "it",
            "going",
            "trying",
            "looking",
            "glad",
            "happy",
            "afraid",
            "still",
            "also",
            "your",
            "my",
            "our",
            "their",
            "his",
            "of",
            "to",
            "on",
            "in",
            "for",
            "is",
            "was",
            "at",
            "last",
            "yesterday",
            "today",
            "earlier",
            "again",
            "this",
            "next",
            "but",
            "who",
            "because",
            "before",
            "there",
            "then",
            "now");

    static AnswerType of(String question) {
        String lower = question.toLowerCase(Locale.ROOT).trim();
        if (ASKS_TIME.matcher(lower).find()) {
            return TIME;
        }
        if (ASKS_AMOUNT.matcher(lower).find()) {
            return AMOUNT;
        }
        if (ASKS_REASON.matcher(lower).find()) {
            return REASON;
        }
        return ASKS_NAME.matcher(lower).find() ? NAME : ANY;
    }

    /** The question without the words that ask for the fact: "When will the customer pay" reads "will the customer pay". */
    String withoutAsking(String question) {
        Pattern asking = switch (this) {
            case TIME -> ASKS_TIME;
            case AMOUNT -> ASKS_AMOUNT;
            case REASON -> ASKS_REASON;
            case NAME -> ASKS_NAME;
            case ANY -> ASKS_THING;
        };
        return asking.matcher(question.toLowerCase(Locale.ROOT).trim())
                .replaceFirst("")
                .trim();
    }

    /**
     * Whether a sentence can answer: it is not itself a question ("when did this happen?", "are you hurt?", "could
     * you give me your policy number?"), and it holds the wanted kind of fact.
     */
    boolean fits(String sentence) {
        String text = sentence.toLowerCase(Locale.ROOT);
        if (ASKS.matcher(text.strip()).find()) {
            return false;
        }
        return switch (this) {
            case ANY, REASON, NAME -> ContentWords.of(text).size() >= 2;
            case TIME ->
                NAMES_TIME.matcher(GREETING.matcher(text).replaceAll(" ")).find();
            case AMOUNT -> NAMES_AMOUNT.matcher(text).find();
        };
    }

    /**
     * The fact the question asks for, as said in the sentence ("on Friday", "four hundred and fifty dollars",
     * "I lost my job"), several joined by "; "; empty when the type has no shorter fact than the sentence or the
     * sentence does not hold one.
     */
    String fact(String sentence) {
        String text = GREETING.matcher(sentence.toLowerCase(Locale.ROOT)).replaceAll(" ");
        List<String> words = List.of(text.replaceAll("[^a-z0-9:',.]+", " ")
                .replaceAll("[,.](\\s|$)", " ")
                .trim()
                .split("\\s+"));
        return switch (this) {
            case ANY -> "";
            case TIME -> String.join("; ", times(words));
            case AMOUNT -> String.join("; ", amounts(words));
            case REASON -> reason(sentence);
            case NAME -> name(text);
        };
    }

    /**
     * Maximal runs of time words and the small words between them, without small words at their ends but for a
     * leading preposition ("on Friday", "next week", "by the end of the month", "in two weeks").
     */
    private static List<String> times(List<String> words) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int start = i;
            int lastCore = -1;
            while (i < words.size() && (timeCore(words, i) || timeGlue(words, i))) {
                if (timeCore(words, i)) {
                    lastCore = i;
                }
                i++;
            }
            if (lastCore >= 0) {
                runs.add(String.join(" ", words.subList(opening(words, start, lastCore), lastCore + 1)));
            }
            i = Math.max(i, start + 1);
        }
        return runs;
    }

    private static boolean timeCore(List<String> words, int i) {
        String word = words.get(i);
        if (TIME_CORE.matcher(word).matches()) {
            return true;
        }
        // "at two", "at two thirty"
        return NUMBER.matcher(word).matches()
                && i > 0
                && (CLOCK.contains(words.get(i - 1))
                        || (NUMBER.matcher(words.get(i - 1)).matches() && timeCore(words, i - 1)));
    }

    /** Small words inside a time phrase, and numbers that count time units ("two weeks"). */
    private static boolean timeGlue(List<String> words, int i) {
        return TIME_GLUE.contains(words.get(i)) || NUMBER.matcher(words.get(i)).matches();
    }

    /**
     * Where a run's phrase opens: a leading "of", a number that counts nothing ("fifty on the fifteenth") and a
     * verb ("start in two weeks", not "the start of May") go.
     */
    private static int opening(List<String> words, int start, int lastCore) {
        int from = start;
        while (from < lastCore
                && (words.get(from).equals("of")
                        || (NUMBER.matcher(words.get(from)).matches() && !timeCore(words, from + 1))
                        || (PART.contains(words.get(from))
                                && !words.get(from + 1).equals("of")))) {
            from++;
        }
        return from;
    }

    /** Amounts: numbers with their currency, and "a month" or "per hour" after them. */
    private static List<String> amounts(List<String> words) {
        List<String> amounts = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (!AMOUNT_CORE.matcher(words.get(i)).matches()) {
                i++;
                continue;
            }
            int start = i;
            int end = i + 1;
            while (end < words.size()
                    && (AMOUNT_CORE.matcher(words.get(end)).matches()
                            || (AMOUNT_GLUE.contains(words.get(end))
                                    && end + 1 < words.size()
                                    && AMOUNT_CORE.matcher(words.get(end + 1)).matches()))) {
                end++;
            }
            if (end + 1 < words.size() && PER.contains(words.get(end)) && PERIOD.contains(words.get(end + 1))) {
                end += 2;
            }
            List<String> amount = words.subList(start, end);
            // "one" alone is a pronoun ("the one I have"), not an amount.
            if (!(amount.size() == 1 && amount.get(0).equals("one"))) {
                amounts.add(String.join(" ", amount));
            }
            i = end;
        }
        return amounts;
    }

    /** The clause after a reason's marker, or the whole sentence: a reason is often said plainly. */
    private static String reason(String sentence) {
        String trimmed = sentence.strip();
        Matcher marker = REASON_MARKER.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (!marker.find()) {
            return trimmed.replaceAll("[.!?]+$", "");
        }
        String clause = trimmed.substring(marker.end()).split("[.!?;]")[0].strip();
        return clause.isEmpty() ? trimmed : clause;
    }

    /** The name after a cue ("my name is Dana", "speak to Mr Grant"), or empty. */
    private static String name(String text) {
        Matcher cue = NAME_CUE.matcher(text);
        while (cue.find()) {
            List<String> name = new ArrayList<>();
            for (String word : cue.group(2).trim().split("\\s+")) {
                if (NOT_NAMES.contains(word)) {
                    break;
                }
                name.add(word);
            }
            if (!name.isEmpty()) {
                return String.join(" ", name);
            }
        }
        return "";
    }
}
