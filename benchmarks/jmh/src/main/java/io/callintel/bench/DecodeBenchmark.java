package io.callintel.bench;

import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.bench.support.Corpus;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeReport;
import io.callintel.core.audio.PcmStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decode throughput per format, in-process ({@link FfmpegAudioDecoder}) against the {@code ffmpeg}
 * command line doing the same job (any file to 16 kHz mono s16le), side by side in one run.
 *
 * <p>One operation decodes one whole {@value Corpus#SECONDS} s call recording (see {@link Corpus}), so
 * times-real-time = {@value Corpus#SECONDS} s / (seconds per op); {@link BenchmarkSummary} prints that table
 * from the JSON results. Each method runs on one thread; the command-line variants pin FFmpeg's decoder to
 * one thread as well ({@code -threads 1}) and include process start-up, which is what a server shelling
 * out per call would pay.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar DecodeBenchmark -rf json -rff benchmarks/target/decode.json</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class DecodeBenchmark {

    @Param({"wav", "wav_mulaw", "mp3", "ogg_vorbis", "ogg_opus", "webm_opus", "flac", "m4a_aac"})
    public String format;

    private Path file;
    private AudioDecoder decoder;
    /** Reused by every op: the in-process path hands PCM to the JVM 4096 samples at a time. */
    private final short[] samples = new short[4096];
    /** Reused by every op: the command-line path's stdout is drained through it. */
    private final byte[] pipe = new byte[64 * 1024];

    private List<String> cli;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws IOException, InterruptedException {
        Corpus.Format f = Corpus.Format.of(format);
        file = Corpus.standard().file(f);
        decoder = new FfmpegAudioDecoder();
        cli = List.of(
                "ffmpeg",
                "-nostdin",
                "-threads",
                "1",
                "-i",
                file.toString(),
                "-ac",
                "1",
                "-ar",
                "16000",
                "-f",
                "s16le",
                "-");
        if (params.getBenchmark().endsWith(".inProcess")) {
            check(f);
        }
    }

    /** FfmpegAudioDecoder: open, read every sample into a reused buffer, close. */
    @Benchmark
    public long inProcess(Blackhole bh) {
        long total = 0;
        try (PcmStream stream = decoder.open(file)) {
            int n;
            while ((n = stream.read(samples, 0, samples.length)) > 0) {
                bh.consume(samples);
                total += n;
            }
        }
        return total;
    }

    /** {@code ffmpeg ... -f s16le -}, its stdout drained by this thread into a reused buffer. */
    @Benchmark
    public long ffmpegCli(Blackhole bh) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(cli)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long total = 0;
        try (InputStream out = process.getInputStream()) {
            int n;
            while ((n = out.read(pipe)) > 0) {
                bh.consume(pipe);
                total += n;
            }
        }
        requireSuccess(process);
        return total / 2;
    }

    /**
     * The same command with stdout redirected to /dev/null by the OS: the PCM never reaches the JVM. A
     * lower bound for the command line (start-up plus decode), not a like-for-like alternative.
     */
    @Benchmark
    public int ffmpegCliDevNull() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(cli)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return requireSuccess(process);
    }

    private static int requireSuccess(Process process) throws InterruptedException {
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("ffmpeg exited with " + exit);
        }
        return exit;
    }

    /**
     * Not timed: decodes the file both ways once and prints how the outputs compare (length, and the
     * signal-to-difference ratio of the in-process PCM against the command line's), so a fast but wrong
     * decoder cannot pass unnoticed. The two FFmpeg builds differ (bytedeco 7.1 in-process, the system's
     * CLI), so small resampler differences are expected; a gross mismatch is not.
     */
    private void check(Corpus.Format f) throws IOException, InterruptedException {
        short[] mine;
        DecodeReport report;
        try (PcmStream stream = decoder.open(file)) {
            ShortCollector collected = new ShortCollector();
            int n;
            while ((n = stream.read(samples, 0, samples.length)) > 0) {
                collected.add(samples, n);
            }
            mine = collected.toArray();
            report = stream.report();
        }
        Process process =
                new ProcessBuilder(cli).redirectError(new File("/dev/null")).start();
        byte[] bytes = process.getInputStream().readAllBytes();
        requireSuccess(process);
        short[] theirs = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(theirs);

        int lag = bestLag(mine, theirs, 64);
        double signal = 0;
        double noise = 0;
        for (int i = Math.max(0, -lag); i < mine.length && i + lag < theirs.length; i++) {
            double t = theirs[i + lag];
            double d = mine[i] - t;
            signal += t * t;
            noise += d * d;
        }
        double snr = noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
        System.out.printf(
                Locale.ROOT,
                "%n[check] %s (%s): in-process %d samples (%.3f s, damaged=%s), ffmpeg CLI %d samples (%.3f s), "
                        + "in-process vs CLI SNR %.1f dB at lag %d%n",
                f.id(),
                f.description(),
                mine.length,
                mine.length / 16000.0,
                report.damaged(),
                theirs.length,
                theirs.length / 16000.0,
                snr,
                lag);
        if (Math.abs(mine.length / 16000.0 - Corpus.SECONDS) > 0.25) {
            System.out.printf(
                    Locale.ROOT,
                    "[check] WARNING: %s decodes to %.3f s, not %d s: xRT figures assume %d s%n",
                    f.id(),
                    mine.length / 16000.0,
                    Corpus.SECONDS,
                    Corpus.SECONDS);
        }
    }

    /** The shift of {@code b} against {@code a} (within +-max samples) that best lines up their first 10 s. */
    private static int bestLag(short[] a, short[] b, int max) {
        int window = Math.min(160_000, Math.min(a.length, b.length) - 2 * max);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int lag = -max; lag <= max; lag++) {
            double score = 0;
            for (int i = max; i < window; i++) {
                score += (double) a[i] * b[i + lag];
            }
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }

    private static final class ShortCollector {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void add(short[] s, int n) {
            ByteBuffer b = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
            b.asShortBuffer().put(s, 0, n);
            bytes.writeBytes(b.array());
        }

        short[] toArray() {
            byte[] all = bytes.toByteArray();
            short[] out = new short[all.length / 2];
            ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
            return out;
        }
    }
}
