package io.callintel.core.usecase;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a use case redacts of the personal data said in its calls (card numbers, dates of birth, names...): nothing,
 * the transcript, or the transcript and the audio. A redacted transcript is the only one stored.
 */
public enum Redaction {
    OFF,
    TRANSCRIPT,
    TRANSCRIPT_AND_AUDIO;

    /** The setting as the API and the command line write it: {@code off}, {@code transcript}, {@code transcript_and_audio}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean transcript() {
        return this != OFF;
    }

    public boolean audio() {
        return this == TRANSCRIPT_AND_AUDIO;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Redaction parse(String value) {
        for (Redaction redaction : values()) {
            if (redaction.wireName().equals(value)) {
                return redaction;
            }
        }
        throw new IllegalArgumentException("must be one of "
                + Arrays.stream(values()).map(Redaction::wireName).collect(Collectors.joining(", "))
                + ", got '" + value + "'");
    }
}
