package io.callintel.testing;

import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.PcmStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/** Whole recordings as 16 kHz PCM, through the engine's own decoder: for tests and benchmarks that want every sample. */
public final class Pcm {

    private static final AudioDecoder DECODER = new FfmpegAudioDecoder();

    private Pcm() {}

    public static short[] decode(Path file, DecodeOptions options) {
        try (PcmStream stream = DECODER.open(file, options)) {
            return readAll(stream);
        }
    }

    public static short[] decode(InputStream in, String name) {
        try (PcmStream stream = DECODER.open(in, name, DecodeOptions.defaults())) {
            return readAll(stream);
        }
    }

    private static short[] readAll(PcmStream stream) {
        short[] samples = new short[AudioDecoder.SAMPLE_RATE * 8];
        int size = 0;
        for (int n; (n = stream.read(samples, size, samples.length - size)) >= 0; ) {
            size += n;
            if (size == samples.length) {
                samples = Arrays.copyOf(samples, samples.length * 2);
            }
        }
        return Arrays.copyOf(samples, size);
    }
}
