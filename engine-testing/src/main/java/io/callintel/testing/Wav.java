package io.callintel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one WAV reader and writer of the tests and benchmarks: 16-bit PCM or 8-bit G.711 mu-law, interleaved channels.
 * (The engine's own decoding goes through FFmpeg; this is for making and reading fixtures.)
 */
public final class Wav {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_ALAW = 6;
    private static final int FORMAT_MULAW = 7;

    private Wav() {}

    /** The WAV file's bytes; channels[c][i] in 16-bit units, values outside the 16-bit range clipped. */
    public static byte[] bytes(int sampleRate, float[][] channels, boolean muLaw) {
        return bytes(sampleRate, channels, muLaw ? FORMAT_MULAW : FORMAT_PCM);
    }

    /** A G.711 WAV, mu-law or A-law, of these channels (in 16-bit units). */
    public static byte[] g711(int sampleRate, float[][] channels, boolean aLaw) {
        return bytes(sampleRate, channels, aLaw ? FORMAT_ALAW : FORMAT_MULAW);
    }

    private static byte[] bytes(int sampleRate, float[][] channels, int format) {
        boolean companded = format != FORMAT_PCM;
        int count = channels[0].length;
        int channelCount = channels.length;
        int bytesPerSample = companded ? 1 : 2;
        int dataSize = count * channelCount * bytesPerSample;
        // Non-PCM formats carry an 18-byte fmt chunk and a fact chunk, as the WAV specification asks.
        int fmtSize = companded ? 18 : 16;
        int factSize = companded ? 12 : 0;
        ByteBuffer out =
                ByteBuffer.allocate(12 + 8 + fmtSize + factSize + 8 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("RIFF")).putInt(out.capacity() - 8).put(ascii("WAVE"));
        out.put(ascii("fmt "))
                .putInt(fmtSize)
                .putShort((short) format)
                .putShort((short) channelCount)
                .putInt(sampleRate)
                .putInt(sampleRate * channelCount * bytesPerSample)
                .putShort((short) (channelCount * bytesPerSample))
                .putShort((short) (8 * bytesPerSample));
        if (companded) {
            out.putShort((short) 0);
            out.put(ascii("fact")).putInt(4).putInt(count);
        }
        out.put(ascii("data")).putInt(dataSize);
        for (int i = 0; i < count; i++) {
            for (float[] channel : channels) {
                short sample = clip(channel[i]);
                if (format == FORMAT_MULAW) {
                    out.put(MuLaw.encode(sample));
                } else if (format == FORMAT_ALAW) {
                    out.put(ALaw.encode(sample));
                } else {
                    out.putShort(sample);
                }
            }
        }
        return out.array();
    }

    /** Writes {@link #bytes} to {@code file}. */
    public static void write(Path file, int sampleRate, float[][] channels, boolean muLaw) {
        try {
            Files.write(file, bytes(sampleRate, channels, muLaw));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mono 16-bit PCM WAV of these samples. */
    public static byte[] pcm16(short[] samples, int sampleRate) {
        return bytes(sampleRate, new float[][] {toFloat(samples)}, false);
    }

    /** A mono G.711 mu-law WAV of these samples. */
    public static byte[] muLaw(short[] samples, int sampleRate) {
        return bytes(sampleRate, new float[][] {toFloat(samples)}, true);
    }

    /**
     * The samples of a 16-bit mono PCM WAV at the expected rate. Headers written by a streaming tool (espeak-ng:
     * sizes left unset) are read to the end of the bytes.
     */
    public static short[] readMono16(byte[] wav, int expectedRate) {
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || in.getInt(0) != 0x46464952 || in.getInt(8) != 0x45564157) {
            throw new IllegalStateException("not a WAV file");
        }
        int position = 12;
        while (position + 8 <= wav.length) {
            int id = in.getInt(position);
            int size = in.getInt(position + 4);
            if (id == 0x20746d66) { // "fmt "
                int channels = in.getShort(position + 10);
                int rate = in.getInt(position + 12);
                int bits = in.getShort(position + 22);
                if (rate != expectedRate || bits != 16 || channels != 1 || in.getShort(position + 8) != 1) {
                    throw new IllegalStateException("expected 16-bit mono PCM at " + expectedRate + " Hz, got "
                            + channels + " ch, " + rate + " Hz, " + bits + " bit");
                }
            } else if (id == 0x61746164) { // "data"
                int start = position + 8;
                int bytes = size > 0 && size <= wav.length - start ? size : wav.length - start;
                short[] samples = new short[bytes / 2];
                in.position(start);
                in.asShortBuffer().get(samples);
                return samples;
            }
            position += 8 + size + (size & 1);
        }
        throw new IllegalStateException("WAV without a data chunk");
    }

    static float[] toFloat(short[] samples) {
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i];
        }
        return out;
    }

    private static short clip(float value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
    }

    private static byte[] ascii(String tag) {
        return tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** ITU-T G.711 mu-law. */
    static final class MuLaw {
        private static final int BIAS = 0x84;
        private static final int CLIP = 32_635;

        private MuLaw() {}

        static byte encode(short pcm) {
            int sample = pcm;
            int sign = (sample >> 8) & 0x80;
            if (sign != 0) {
                sample = -sample;
            }
            sample = Math.min(sample, CLIP) + BIAS;
            int exponent = 7;
            for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
                exponent--;
            }
            int mantissa = (sample >> (exponent + 3)) & 0x0F;
            return (byte) ~(sign | (exponent << 4) | mantissa);
        }

        static short decode(byte code) {
            int value = ~code & 0xFF;
            int sign = value & 0x80;
            int exponent = (value >> 4) & 0x07;
            int mantissa = value & 0x0F;
            int sample = (((mantissa << 3) + BIAS) << exponent) - BIAS;
            return (short) (sign != 0 ? -sample : sample);
        }
    }

    /** ITU-T G.711 A-law. */
    static final class ALaw {

        private ALaw() {}

        static byte encode(short pcm) {
            int sample = pcm >> 3; // 13-bit
            int sign = sample >= 0 ? 0x80 : 0;
            if (sample < 0) {
                sample = -sample - 1;
            }
            int segment = 0;
            while (segment < 8 && sample > (0x20 << segment) - 1) {
                segment++;
            }
            int code = segment >= 8 ? 0x7F : segment < 2 ? sample >> 1 : (segment << 4) | ((sample >> segment) & 0x0F);
            return (byte) ((sign | code) ^ 0x55);
        }
    }
}
