package io.callintel.asr.diarize;

import java.util.OptionalInt;

/**
 * How many speakers to look for.
 *
 * @param maxSpeakers the most speakers an estimate may find
 * @param speakers    a fixed count (e.g. {@code --speakers 2}); absent: estimate 1..maxSpeakers
 */
public record DiarizationOptions(int maxSpeakers, OptionalInt speakers) {

    /** Calls rarely have more; beyond this the estimate also gets unreliable. */
    public static final int DEFAULT_MAX_SPEAKERS = 4;

    /** An upper bound on any request: a call with more voices than this is not a call. */
    public static final int LIMIT = 64;

    public DiarizationOptions {
        if (maxSpeakers < 1 || maxSpeakers > LIMIT) {
            throw new IllegalArgumentException("maxSpeakers must be 1.." + LIMIT + ", got " + maxSpeakers);
        }
        java.util.Objects.requireNonNull(speakers, "speakers");
        if (speakers.isPresent() && (speakers.getAsInt() < 1 || speakers.getAsInt() > maxSpeakers)) {
            throw new IllegalArgumentException("speakers must be 1.." + maxSpeakers + ", got " + speakers.getAsInt());
        }
    }

    /** Estimate the count, at most 4, leaning toward the two parties of a phone call. */
    public static DiarizationOptions defaults() {
        return new DiarizationOptions(DEFAULT_MAX_SPEAKERS, OptionalInt.empty());
    }

    /** Exactly {@code speakers} speakers. */
    public static DiarizationOptions fixed(int speakers) {
        return new DiarizationOptions(Math.max(speakers, DEFAULT_MAX_SPEAKERS), OptionalInt.of(speakers));
    }
}
