package io.callintel.core.transcript;

import java.util.Locale;

/**
 * How positive or negative an utterance is.
 *
 * @param score from -1 (most negative) to 1 (most positive)
 */
public record Sentiment(Label label, double score) {

    public enum Label {
        POSITIVE,
        NEUTRAL,
        NEGATIVE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Label fromWireName(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    public Sentiment {
        if (!(score >= -1 && score <= 1)) {
            throw new IllegalArgumentException("a sentiment score is from -1 to 1, got " + score);
        }
    }
}
