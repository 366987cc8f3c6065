package io.callintel.core.audio;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to decode.
 *
 * @param channel      {@link #MIX} to average all channels into mono, or a 0-based channel index to take
 *                     that channel alone (two-channel calls put agent and customer on separate channels)
 * @param stallTimeout decoding that produces no audio for this long is stopped with
 *                     {@link AudioDecodeException.Problem#TIMEOUT}
 * @param noiseReduction denoising applied to the decoded 16 kHz PCM, if any
 */
public record DecodeOptions(int channel, Duration stallTimeout, Optional<NoiseReduction> noiseReduction) {

    /** Mix every channel down to mono. */
    public static final int MIX = -1;

    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(30);

    public DecodeOptions {
        if (channel < MIX) {
            throw new IllegalArgumentException("channel must be MIX (-1) or a channel index >= 0, got " + channel);
        }
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        Objects.requireNonNull(noiseReduction, "noiseReduction");
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("stallTimeout must be positive, got " + stallTimeout);
        }
    }

    public static DecodeOptions defaults() {
        return new DecodeOptions(MIX, DEFAULT_STALL_TIMEOUT, Optional.empty());
    }

    /** Decode only the given 0-based channel. */
    public static DecodeOptions channel(int index) {
        return new DecodeOptions(index, DEFAULT_STALL_TIMEOUT, Optional.empty());
    }

    public DecodeOptions withStallTimeout(Duration timeout) {
        return new DecodeOptions(channel, timeout, noiseReduction);
    }

    public DecodeOptions withNoiseReduction(NoiseReduction reduction) {
        return new DecodeOptions(channel, stallTimeout, Optional.of(reduction));
    }
}
