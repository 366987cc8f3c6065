package io.callintel.core.audio;

/** Which voice activity detector found the speech that was recognized in a channel. */
public enum SpeechDetector {
    /** Loudness over the channel's own noise floor. */
    ENERGY,
    /** Silero's neural voice activity model, held to the channel's foreground loudness. */
    NEURAL;

    /** How the API spells it: energy, neural. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The detector a wire name names; an {@link IllegalArgumentException} saying what is allowed for anything else. */
    public static SpeechDetector fromWireName(String name) {
        for (SpeechDetector detector : values()) {
            if (detector.wireName().equals(name)) {
                return detector;
            }
        }
        throw new IllegalArgumentException("must be energy or neural, got '" + name + "'");
    }
}
