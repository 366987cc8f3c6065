package io.callintel.classify.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which way a stretch of speech leans: agreeing or wanting (positive), refusing or complaining
 * (negative), or hedging. Word lists with a negation scope: a negator ("not", "don't", "never")
 * turns the next few words around, so "I am not interested" is a refusal, not interest. Built for
 * recognised speech: no punctuation, lower case, the odd wrong word.
 */
record Polarity(double positive, double negative, double hedge) {

    private static final Set<String> POSITIVE = Set.of(
            "yes",
            "yeah",
            "yep",
            "yup",
            "sure",
            "definitely",
            "absolutely",
            "certainly",
            "interested",
            "great",
            "perfect",
            "good",
            "love",
            "like",
            "want",
            "wants",
            "happy",
            "glad",
            "okay",
            "ok",
            "agree",
            "agreed",
            "deal",
            "fine",
            "excellent",
            "wonderful",
            "lovely",
            "fantastic",
            "ready",
            "resolved",
            "solved",
            "fixed",
            "work",
            "works",
            "working",
            "booked",
            "helpful",
            "keen",
            "proceed",
            "accept",
            "correct",
            "right");

    private static final Set<String> NEGATIVE = Set.of(
            "no",
            "nope",
            "nah",
            "unhappy",
            "disappointed",
            "cancel",
            "cancelled",
            "stop",
            "refuse",
            "terrible",
            "awful",
            "bad",
            "angry",
            "frustrated",
            "complain",
            "complaint",
            "waste",
            "useless",
            "worse",
            "worst",
            "wrong",
            "broken",
            "unacceptable",
            "ridiculous",
            "annoyed",
            "upset",
            "refund");

    /**
     * Words that judge rather than name: they keep their sentiment even when they are a question's
     * or bucket's topic ("the customer is unhappy" is agreed with by "I am not happy"), while topic
     * words that name things or acts ("cancel", "loan", "appointment") are agreed with or denied.
     */
    private static final Set<String> EVALUATIVE = Set.of(
            "happy",
            "glad",
            "great",
            "perfect",
            "good",
            "love",
            "excellent",
            "wonderful",
            "lovely",
            "fantastic",
            "helpful",
            "interested",
            "fixed",
            "resolved",
            "solved",
            "work",
            "works",
            "working",
            "unhappy",
            "disappointed",
            "terrible",
            "awful",
            "bad",
            "angry",
            "frustrated",
            "waste",
            "useless",
            "worse",
            "worst",
            "wrong",
            "broken",
            "unacceptable",
            "ridiculous",
            "annoyed",
            "upset");

    private static final Set<String> NEGATORS = Set.of(
            "not",
            "don't",
            "dont",
            "doesn't",
            "doesnt",
            "didn't",
            "didnt",
            "won't",
            "wont",
            "can't",
            "cant",
            "cannot",
            "never",
            "isn't",
            "isnt",
            "wasn't",
            "wasnt",
            "aren't",
            "arent",
            "haven't",
            "havent",
            "wouldn't",
            "wouldnt",
            "no",
            "nothing",
            "neither",
            "nor",
            "without");

    /** Hedges are phrases: "not sure" and "i don't know" hedge rather than refuse. */
    private static final List<Pattern> HEDGES = java.util.stream.Stream.of(
                    "maybe",
                    "perhaps",
                    "not sure",
                    "unsure",
                    "i don't know",
                    "i do not know",
                    "don't know yet",
                    "think about it",
                    "thinking about it",
                    "consider",
                    "considering",
                    "later",
                    "might",
                    "possibly",
                    "depends",
                    "undecided",
                    "let me think",
                    "get back to",
                    "call me back",
                    "not yet",
                    "not right now",
                    "hmm",
                    "i guess",
                    "not certain",
                    "uncertain",
                    "send me (the )?(details|information|info)",
                    "need to (talk|speak|check) (to|with)",
                    "discuss (it )?with",
                    "can't decide",
                    "no idea",
                    "call (you |us )?back",
                    "will try",
                    "try it",
                    "see if",
                    "next week",
                    "check my")
            .map(phrase -> Pattern.compile("\\b" + phrase + "\\b"))
            .toList();

    private static final int SCOPE = 3;

    static Polarity of(String text) {
        return of(text, Set.of());
    }

    /**
     * As {@link #of(String)}, relative to a proposition: the words whose stems are in {@code topic}
     * are what is agreed or denied, not sentiment ("I want to cancel" agrees that the customer wants
     * to cancel; "I am not interested" denies interest).
     */
    static Polarity of(String text, Set<String> topic) {
        String lower = text.toLowerCase(Locale.ROOT);
        double hedge = 0;
        for (Pattern pattern : HEDGES) {
            if (pattern.matcher(lower).find()) {
                hedge += 1;
            }
        }
        String[] words = lower.replaceAll("[^a-z' ]", " ").trim().split("\\s+");
        double positive = 0;
        double negative = 0;
        int negatedUntil = -1;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            boolean negated = i <= negatedUntil;
            if (!topic.isEmpty()
                    && !NEGATORS.contains(word)
                    && !EVALUATIVE.contains(word)
                    && ContentWords.of(word).stream().anyMatch(topic::contains)) {
                // Saying the topic affirms it mildly ("interested", "cancel it"); negating it denies it.
                if (negated) {
                    negative += 1;
                } else {
                    positive += 0.5;
                }
                continue;
            }
            if (NEGATORS.contains(word)) {
                negatedUntil = i + SCOPE;
                if (word.equals("never") || (word.equals("no") && answers(words, i))) {
                    negative += 1;
                }
                continue;
            }
            if (POSITIVE.contains(word)) {
                if (negated) {
                    negative += 1;
                } else {
                    positive += 1;
                }
            } else if (NEGATIVE.contains(word)) {
                if (negated) {
                    positive += 0.5; // "not bad", "no problem": mildly positive
                } else {
                    negative += 1;
                }
            }
        }
        // "not sure" and friends are hedges, not refusals: take back the negation they counted.
        if (hedge > 0) {
            negative = Math.max(0, negative - hedge);
        }
        return new Polarity(positive, negative, hedge);
    }

    /** Words after which "no" is an answer ("no thank you", "no it isn't"), not a determiner ("no sound"). */
    private static final Set<String> AFTER_ANSWER_NO =
            Set.of("thank", "thanks", "i", "it", "that", "not", "way", "sorry", "we", "you", "i'm", "it's", "no");

    private static boolean answers(String[] words, int i) {
        return i == 0 || i == words.length - 1 || AFTER_ANSWER_NO.contains(words[i + 1]);
    }

    /** True when a negator stands within {@code distance} words before a topic word: "I do not want an appointment". */
    static boolean negatedNear(String text, java.util.Set<String> topic, int distance) {
        String[] words =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (ContentWords.of(words[i]).stream().noneMatch(topic::contains)) {
                continue;
            }
            for (int k = Math.max(0, i - distance); k < i; k++) {
                if (NEGATORS.contains(words[k]) && !words[k].equals("nor")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** -1 (refuses) .. +1 (agrees); 0 when balanced or silent. */
    double lean() {
        double total = positive + negative;
        return total == 0 ? 0 : (positive - negative) / total;
    }

    /** How much the text says for or against at all. */
    double strength() {
        return positive + negative;
    }

    boolean hedged() {
        return hedge > 0 && hedge >= 0.5 * strength();
    }
}
