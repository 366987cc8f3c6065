package io.callintel.core.audio;

/** Whether noise reduction runs in front of recognition. */
public enum NoiseReductionMode {
    /** Where a channel has a noise floor and speech stands less than 40 dB above it (measured per channel). */
    AUTO,
    /** Always. */
    ON,
    /** Never. */
    OFF;

    /** How the API and the command line spell it: auto, on, off. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The mode a wire name names; an {@link IllegalArgumentException} saying what is allowed for anything else. */
    public static NoiseReductionMode fromWireName(String name) {
        for (NoiseReductionMode mode : values()) {
            if (mode.wireName().equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("must be auto, on or off, got '" + name + "'");
    }
}
