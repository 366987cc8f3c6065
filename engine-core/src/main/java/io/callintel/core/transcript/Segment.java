package io.callintel.core.transcript;

/**
 * An utterance: consecutive words of one speaker, split at pauses and at speaker changes.
 *
 * @param confidence mean word confidence, 0..1
 * @param sentiment  how positive or negative it is; null where it was not scored (transcripts stored before)
 */
public record Segment(
        String speaker, Role role, double start, double end, String text, double confidence, Sentiment sentiment) {

    /** An utterance not yet scored for sentiment. */
    public Segment(String speaker, Role role, double start, double end, String text, double confidence) {
        this(speaker, role, start, end, text, confidence, null);
    }

    /** The same utterance reading differently (its words redacted). */
    public Segment withText(String newText) {
        return new Segment(speaker, role, start, end, newText, confidence, sentiment);
    }

    public Segment withSentiment(Sentiment newSentiment) {
        return new Segment(speaker, role, start, end, text, confidence, newSentiment);
    }
}
