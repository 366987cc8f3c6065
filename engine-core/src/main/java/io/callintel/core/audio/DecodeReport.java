package io.callintel.core.audio;

import java.util.List;

/**
 * What a finished (or partly finished) decode produced, and the damage it met on the way.
 *
 * @param samples         16 kHz mono samples produced
 * @param damagedPackets  packets the decoder rejected as corrupt and skipped
 * @param missingSeconds  stretches of the timeline with no decodable data (lost to damage), filled
 *                        with silence so that later timestamps still match the original recording
 * @param truncated       the file ended before the duration its header declared
 * @param problems        one human-readable line per kind of damage; empty for a clean decode
 */
public record DecodeReport(
        long samples, int damagedPackets, double missingSeconds, boolean truncated, List<String> problems) {

    public DecodeReport {
        problems = List.copyOf(problems);
    }

    public double seconds() {
        return samples / (double) AudioDecoder.SAMPLE_RATE;
    }

    /** True when some of the recording could not be decoded. */
    public boolean damaged() {
        return damagedPackets > 0 || missingSeconds > 0 || truncated;
    }
}
