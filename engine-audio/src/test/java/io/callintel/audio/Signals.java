package io.callintel.audio;

import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.PcmStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Signal measurements for the decoder tests: whole-file decode, SNR after alignment, tone energy. */
final class Signals {

    static final Path FIXTURES = Path.of("src/test/resources/audio");

    private Signals() {}

    static Path fixture(String name) {
        return FIXTURES.resolve(name);
    }

    static short[] decodeAll(AudioDecoder decoder, Path file, DecodeOptions options) {
        try (PcmStream stream = decoder.open(file, options)) {
            short[] all = new short[16_000];
            int size = 0;
            short[] chunk = new short[4096];
            int n;
            while ((n = stream.read(chunk, 0, chunk.length)) >= 0) {
                if (size + n > all.length) {
                    all = java.util.Arrays.copyOf(all, Math.max(size + n, all.length * 2));
                }
                System.arraycopy(chunk, 0, all, size, n);
                size += n;
            }
            return java.util.Arrays.copyOf(all, size);
        }
    }

    /** Reads a 16-bit PCM WAV with the JDK's own reader, independent of the decoder under test. */
    static short[] readReferenceWav(Path file, int channel) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            int channels = in.getFormat().getChannels();
            byte[] bytes = in.readAllBytes();
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            short[] samples = new short[bytes.length / 2 / channels];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = buffer.getShort((i * channels + channel) * 2);
            }
            return samples;
        }
    }

    /** Signal-to-noise ratio in dB of {@code decoded} against {@code reference}, at the best lag within +-maxLag samples. */
    static double snrDb(short[] reference, short[] decoded, int maxLag) {
        int bestLag = 0;
        double bestCorrelation = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double correlation = 0;
            for (int i = 0; i < reference.length; i++) {
                int j = i + lag;
                if (j >= 0 && j < decoded.length) {
                    correlation += reference[i] * (double) decoded[j];
                }
            }
            if (correlation > bestCorrelation) {
                bestCorrelation = correlation;
                bestLag = lag;
            }
        }
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < reference.length; i++) {
            int j = i + bestLag;
            if (j >= 0 && j < decoded.length) {
                double difference = reference[i] - (double) decoded[j];
                signal += reference[i] * (double) reference[i];
                noise += difference * difference;
            }
        }
        return 10 * Math.log10(signal / Math.max(noise, 1e-9));
    }

    /** Power of one frequency in the signal (Goertzel), for telling the left tone from the right. */
    static double tonePower(short[] samples, double frequency, int sampleRate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        for (short sample : samples) {
            double current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }

    static String dbAsText(double db) {
        return String.format(java.util.Locale.ROOT, "%.1f dB", db);
    }

    static byte[] toBytes(short[] samples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (short s : samples) {
            out.write(s & 0xff);
            out.write((s >> 8) & 0xff);
        }
        return out.toByteArray();
    }
}
