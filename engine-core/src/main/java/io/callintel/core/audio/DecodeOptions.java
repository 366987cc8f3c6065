package io.callintel.core.audio;

import java.time.Duration;
import java.util.Objects;

/**
 * How to decode.
 *
 * @param channel      {@link #MIX} to average all channels into mono, or a 0-based channel index to take
 *                     that channel alone (two-channel calls put agent and customer on separate channels)
 * @param stallTimeout decoding that produces no audio for this long is stopped with
 *                     {@link AudioDecodeException.Problem#TIMEOUT}
 */
public record DecodeOptions(int channel, Duration stallTimeout) {

    /** Mix every channel down to mono. */
    public static final int MIX = -1;

    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(30);

    public DecodeOptions {
        if (channel < MIX) {
            throw new IllegalArgumentException("channel must be MIX (-1) or a channel index >= 0, got " + channel);
        }
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("stallTimeout must be positive, got " + stallTimeout);
        }
    }

    public static DecodeOptions defaults() {
        return new DecodeOptions(MIX, DEFAULT_STALL_TIMEOUT);
    }

    /** Decode only the given 0-based channel. */
    public static DecodeOptions channel(int index) {
        return new DecodeOptions(index, DEFAULT_STALL_TIMEOUT);
    }

    public DecodeOptions withStallTimeout(Duration timeout) {
        return new DecodeOptions(channel, timeout);
    }
}
