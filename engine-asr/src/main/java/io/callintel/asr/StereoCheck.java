package io.callintel.asr;

import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.PcmStream;
import java.nio.file.Path;

/**
 * Decides whether a two-channel recording really holds a speaker per channel. Many "stereo" files
 * are mono copied to both sides, or have one side silent; those must be diarized as mono.
 */
final class StereoCheck {

    /** Channels whose difference is 20 dB below their level are copies of each other. */
    private static final double IDENTICAL = 0.01;
    /** A side 30 dB quieter than the other carries nobody. */
    private static final double SILENT = 0.001;

    private StereoCheck() {}

    static boolean hasTwoSpeakers(AudioDecoder decoder, Path file) {
        double left = 0;
        double right = 0;
        double difference = 0;
        try (PcmStream l = decoder.open(file, DecodeOptions.channel(0));
                PcmStream r = decoder.open(file, DecodeOptions.channel(1))) {
            short[] a = new short[16_000];
            short[] b = new short[16_000];
            while (true) {
                int n = l.readFully(a, 0, a.length);
                int m = r.readFully(b, 0, b.length);
                int common = Math.min(n, m);
                for (int i = 0; i < common; i++) {
                    left += a[i] * (double) a[i];
                    right += b[i] * (double) b[i];
                    double d = a[i] - (double) b[i];
                    difference += d * d;
                }
                if (n < a.length || m < b.length) {
                    break;
                }
            }
        }
        double level = left + right;
        if (level == 0) {
            return false;
        }
        boolean copies = difference < IDENTICAL * level;
        boolean oneSideSilent = Math.min(left, right) < SILENT * Math.max(left, right);
        return !copies && !oneSideSilent;
    }
}
