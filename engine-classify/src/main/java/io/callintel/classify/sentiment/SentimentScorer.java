package io.callintel.classify.sentiment;

import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Sentiment;
import io.callintel.core.transcript.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Scores utterances with VADER (Hutto and Gilbert, 2014): each word's valence from the published lexicon, turned
 * by the words before it (boosters such as "really", negations such as "not" within three words), halved before
 * "but" and raised after it, summed and normalised to -1..1. What VADER reads from capitals and punctuation, a
 * recogniser's transcript does not have. Thread-safe; load it once.
 */
public final class SentimentScorer {

    private static final double NORMALIZING_ALPHA = 15;
    /**
     * Where positive and negative start. VADER's own +-0.05 labels most of a call positive ("yes", "please",
     * "thanks" and even "number" carry valence); these were chosen on the tuning half of the labelled utterances.
     */
    private static final double POSITIVE_FROM = 0.45;

    private static final double NEGATIVE_FROM = -0.2;

    private final VaderRules rules;

    private SentimentScorer(VaderRules rules) {
        this.rules = rules;
    }

    /** @throws IllegalStateException when the build did not put VADER's files in place */
    public static SentimentScorer load() {
        return new SentimentScorer(VaderRules.load());
    }

    /** The transcript with every utterance scored. */
    public Transcript annotate(Transcript transcript) {
        List<Segment> segments = new ArrayList<>();
        for (Segment segment : transcript.segments()) {
            segments.add(segment.withSentiment(score(segment.text())));
        }
        return new Transcript(
                transcript.duration(),
                transcript.words(),
                segments,
                transcript.speakers(),
                transcript.turns(),
                transcript.overlaps(),
                transcript.audio());
    }

    public Sentiment score(String text) {
        String[] words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+"))
                .map(SentimentScorer::stripPunctuation)
                .filter(word -> word.length() > 1)
                .toArray(String[]::new);
        double[] valences = new double[words.length];
        for (int i = 0; i < words.length; i++) {
            boolean kindOf = words[i].equals("kind") && i + 1 < words.length && words[i + 1].equals("of");
            if (!kindOf && !rules.boosters().containsKey(words[i])) {
                valences[i] = valence(words, i);
            }
        }
        butCheck(words, valences);
        double sum = Arrays.stream(valences).sum();
        double compound = sum / Math.sqrt(sum * sum + NORMALIZING_ALPHA);
        double score = Math.max(-1, Math.min(1, Math.round(compound * 10_000) / 10_000.0));
        Sentiment.Label label = score >= POSITIVE_FROM
                ? Sentiment.Label.POSITIVE
                : score <= NEGATIVE_FROM ? Sentiment.Label.NEGATIVE : Sentiment.Label.NEUTRAL;
        return new Sentiment(label, score);
    }

    private double valence(String[] words, int index) {
        Double base = rules.lexicon().get(words[index]);
        if (base == null) {
            return 0;
        }
        double valence = base;
        for (int back = 0; back < 3; back++) {
            if (index > back && !rules.lexicon().containsKey(words[index - (back + 1)])) {
                double scalar = rules.boosters().getOrDefault(words[index - (back + 1)], 0.0);
                scalar = valence < 0 ? -scalar : scalar;
                valence += back == 1 ? scalar * 0.95 : back == 2 ? scalar * 0.9 : scalar;
                valence = neverCheck(valence, words, back, index);
                if (back == 2) {
                    valence = idiomsCheck(valence, words, index);
                }
            }
        }
        return leastCheck(valence, words, index);
    }

    private double neverCheck(double valence, String[] words, int back, int index) {
        String before = words[index - (back + 1)];
        if (back == 0) {
            return negated(before) ? valence * VaderRules.NEGATION_SCALAR : valence;
        }
        if (back == 1) {
            if (words[index - 2].equals("never")
                    && (words[index - 1].equals("so") || words[index - 1].equals("this"))) {
                return valence * 1.5;
            }
            return negated(before) ? valence * VaderRules.NEGATION_SCALAR : valence;
        }
        boolean neverSo =
                words[index - 3].equals("never") && (words[index - 2].equals("so") || words[index - 2].equals("this"))
                        || words[index - 1].equals("so")
                        || words[index - 1].equals("this");
        if (neverSo) {
            return valence * 1.25;
        }
        return negated(before) ? valence * VaderRules.NEGATION_SCALAR : valence;
    }

    private double idiomsCheck(double valence, String[] words, int index) {
        String oneZero = words[index - 1] + " " + words[index];
        String twoOneZero = words[index - 2] + " " + oneZero;
        String twoOne = words[index - 2] + " " + words[index - 1];
        String threeTwoOne = words[index - 3] + " " + twoOne;
        String threeTwo = words[index - 3] + " " + words[index - 2];
        for (String sequence : List.of(oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo)) {
            if (rules.idioms().containsKey(sequence)) {
                valence = rules.idioms().get(sequence);
                break;
            }
        }
        if (words.length - 1 > index) {
            valence = rules.idioms().getOrDefault(words[index] + " " + words[index + 1], valence);
        }
        if (words.length - 1 > index + 1) {
            valence = rules.idioms()
                    .getOrDefault(words[index] + " " + words[index + 1] + " " + words[index + 2], valence);
        }
        if (rules.boosters().containsKey(threeTwo) || rules.boosters().containsKey(twoOne)) {
            valence -= VaderRules.BOOSTER_INCREMENT;
        }
        return valence;
    }

    private double leastCheck(double valence, String[] words, int index) {
        if (index > 1 && words[index - 1].equals("least") && !rules.lexicon().containsKey("least")) {
            return words[index - 2].equals("at") || words[index - 2].equals("very")
                    ? valence
                    : valence * VaderRules.NEGATION_SCALAR;
        }
        if (index > 0 && words[index - 1].equals("least") && !rules.lexicon().containsKey("least")) {
            return valence * VaderRules.NEGATION_SCALAR;
        }
        return valence;
    }

    /** Words before "but" count half, words after it half again. */
    private static void butCheck(String[] words, double[] valences) {
        int but = Arrays.asList(words).indexOf("but");
        if (but < 0) {
            return;
        }
        for (int i = 0; i < valences.length; i++) {
            if (i < but) {
                valences[i] *= 0.5;
            } else if (i > but) {
                valences[i] *= 1.5;
            }
        }
    }

    private boolean negated(String word) {
        return rules.negations().contains(word) || word.contains("n't");
    }

    /** VADER keeps a word's inner punctuation ("don't") and drops what surrounds it. */
    private static String stripPunctuation(String word) {
        String stripped = word.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
        return stripped.length() <= 1 ? word : stripped;
    }
}
