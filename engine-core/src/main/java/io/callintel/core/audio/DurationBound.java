package io.callintel.core.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * A decoder that will not be made to decode days of audio from a small file. A header can claim any sample rate
 * or length: a WAV whose rate field says 1 Hz decodes 845 KB into five days. So the work is bounded by what the
 * bytes can hold: no real recording carries less than {@value #MIN_BITS_PER_SECOND} bits per second of audio
 * (telephone codecs use 4,750 and up) or has a sample rate under {@value #MIN_SAMPLE_RATE} Hz, and none may be
 * longer than the configured maximum. The probe refuses a header that claims more, and every stream stops with
 * {@link AudioDecodeException.Problem#TOO_LONG} the moment it has produced more, whatever the header said.
 */
public final class DurationBound implements AudioDecoder {

    /** The fewest bits per second of audio a real recording carries: a ceiling on what a file of its size holds. */
    public static final int MIN_BITS_PER_SECOND = 250;
    /** Lower sample rates are damaged headers, not recordings. */
    public static final int MIN_SAMPLE_RATE = 4_000;

    private final AudioDecoder decoder;
    private final Duration maxDuration;

    /** @param maxDuration the longest call accepted */
    public DurationBound(AudioDecoder decoder, Duration maxDuration) {
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("the longest call must be positive, got " + maxDuration);
        }
        this.decoder = decoder;
        this.maxDuration = maxDuration;
    }

    @Override
    public MediaInfo probe(Path file) {
        MediaInfo info = decoder.probe(file);
        if (info.sampleRate() > 0 && info.sampleRate() < MIN_SAMPLE_RATE) {
            throw new AudioDecodeException(
                    AudioDecodeException.Problem.CORRUPT,
                    file.getFileName() + ": the header declares a sample rate of " + info.sampleRate()
                            + " Hz; a recording has at least " + MIN_SAMPLE_RATE);
        }
        long bytes = size(file);
        if (info.durationSeconds() > limitSeconds(bytes)) {
            throw tooLong(file.getFileName().toString(), info.durationSeconds(), bytes);
        }
        return info;
    }

    @Override
    public PcmStream open(Path file, DecodeOptions options) {
        long bytes = size(file);
        return new Bounded(decoder.open(file, options), file.getFileName().toString(), limitSeconds(bytes), bytes);
    }

    @Override
    public PcmStream open(InputStream stream, String name, DecodeOptions options) {
        return new Bounded(decoder.open(stream, name, options), name, maxDuration.toSeconds(), -1);
    }

    /** The most seconds a file of {@code bytes} may decode to; with no size known, the maximum call. */
    private double limitSeconds(long bytes) {
        double max = maxDuration.toMillis() / 1000.0;
        return bytes < 0 ? max : Math.min(max, bytes * 8.0 / MIN_BITS_PER_SECOND);
    }

    private AudioDecodeException tooLong(String name, double seconds, long bytes) {
        double max = maxDuration.toMillis() / 1000.0;
        String why = bytes >= 0 && bytes * 8.0 / MIN_BITS_PER_SECOND < max
                ? String.format(
                        Locale.ROOT,
                        "more than %d bytes can hold (%.0f s at %d bit/s): a damaged or forged header",
                        bytes,
                        bytes * 8.0 / MIN_BITS_PER_SECOND,
                        MIN_BITS_PER_SECOND)
                : String.format(Locale.ROOT, "longer than the longest call accepted (%.0f s)", max);
        return new AudioDecodeException(
                AudioDecodeException.Problem.TOO_LONG,
                String.format(Locale.ROOT, "%s: %.0f s of audio is %s", name, seconds, why));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts what the stream produces and stops it past the limit. */
    private final class Bounded implements PcmStream {
        private final PcmStream stream;
        private final String name;
        private final long limitSamples;
        private final long bytes;
        private long samples;

        Bounded(PcmStream stream, String name, double limitSeconds, long bytes) {
            this.stream = stream;
            this.name = name;
            this.limitSamples = (long) Math.ceil(limitSeconds * SAMPLE_RATE);
            this.bytes = bytes;
        }

        @Override
        public int read(short[] buffer, int offset, int length) {
            int n = stream.read(buffer, offset, length);
            if (n > 0) {
                samples += n;
                if (samples > limitSamples) {
                    throw tooLong(name, samples / (double) SAMPLE_RATE, bytes);
                }
            }
            return n;
        }

        @Override
        public MediaInfo info() {
            return stream.info();
        }

        @Override
        public DecodeReport report() {
            return stream.report();
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
