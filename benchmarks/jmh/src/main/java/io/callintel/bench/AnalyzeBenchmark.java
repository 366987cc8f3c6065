package io.callintel.bench;

import io.callintel.bench.support.AsrCorpus;
import io.callintel.bench.support.BenchModels;
import io.callintel.bench.support.BenchUseCase;
import io.callintel.bench.support.IterationClock;
import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.transcript.Transcript;
import io.callintel.engine.CallIntelEngine;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end analysis of one call through the library facade: recording on disk in, transcript with speakers and
 * roles plus answers, bucket and metrics out. One op is {@code CallIntelEngine.transcribe(file)} then
 * {@code CallIntelEngine.analyze(transcript, useCase)}, which is what {@code analyze(Path, AnalysisConfig)} does,
 * timed in its two parts.
 *
 * <p>One op is one call, single-shot ({@code s/op}); x real time = the recording's length / (s/op), printed per
 * iteration in a {@code [cpu]} line together with the cores actually busy. The use case is {@link BenchUseCase#BANK}
 * (4 questions, 4 buckets). Each trial ends with a {@code [breakdown]} line (median transcription and analysis
 * time of its ops) and a {@code [result]} line (words, speakers, answers, bucket).
 *
 * <ul>
 *   <li>{@code audio}: {@code silent30} (default: the 2-minute two-voice call, 120.0 s) or {@code call10min}
 *       (the 10-minute call, ~35-70 s per op here: {@code -p audio=call10min});</li>
 *   <li>{@code threads}: recognizer threads, as {@code CallIntelEngine.builder().threads(n)} (default there: all cores).</li>
 * </ul>
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar AnalyzeBenchmark -rf json -rff benchmarks/results/AnalyzeBenchmark.json</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class AnalyzeBenchmark {

    /** Both models loaded once per trial, the engine's two parts, and the recording. */
    @State(Scope.Benchmark)
    public static class Engine {
        @Param({"silent30"})
        public String audio;

        @Param({"1", "2"})
        public int threads;

        CallIntelEngine engine;
        Path file;
        double seconds;
        Transcript transcript;
        CallAnalytics analytics;
        final List<Double> transcribeSeconds = new ArrayList<>();
        final List<Double> analyzeSeconds = new ArrayList<>();
        private final IterationClock clock = new IterationClock();

        @Setup(Level.Trial)
        public void setUp() {
            AsrCorpus corpus = AsrCorpus.standard();
            AsrCorpus.Audio recording = AsrCorpus.Audio.of(audio);
            file = corpus.file(recording);
            seconds = corpus.info(recording).audioSeconds();
            long t0 = System.nanoTime();
            engine = CallIntelEngine.builder()
                    .models(BenchModels.voskModel(), BenchModels.embeddingModel())
                    .threads(threads)
                    .build();
            System.out.printf(
                    Locale.ROOT,
                    "%n[corpus] %s: %.1f s of audio (%s); models loaded in %.1f s; %d threads, %d cores%n",
                    audio,
                    seconds,
                    file,
                    (System.nanoTime() - t0) / 1e9,
                    threads,
                    Runtime.getRuntime().availableProcessors());
        }

        @Setup(Level.Iteration)
        public void startClock() {
            clock.start();
        }

        @TearDown(Level.Iteration)
        public void stopClock() {
            IterationClock.Elapsed elapsed = clock.stop();
            double wall = elapsed.wall();
            System.out.printf(
                    Locale.ROOT,
                    "%n[cpu] %s threads=%d: wall %.2f s, process CPU %.2f s (%.2f cores busy), " + "%.1fx real time%n",
                    audio,
                    threads,
                    wall,
                    elapsed.cpu(),
                    elapsed.cores(),
                    seconds / wall);
        }

        @TearDown(Level.Trial)
        public void close() {
            System.out.printf(
                    Locale.ROOT,
                    "%n[breakdown] %s threads=%d, median of %d ops (warm-up included): transcribe "
                            + "%.3f s, analyze %.3f s (%.1f%% of the op)%n",
                    audio,
                    threads,
                    transcribeSeconds.size(),
                    median(transcribeSeconds),
                    median(analyzeSeconds),
                    100 * median(analyzeSeconds) / (median(transcribeSeconds) + median(analyzeSeconds)));
            System.out.printf(
                    Locale.ROOT,
                    "[result] %s threads=%d: %.1f s, %d words, %d segments, speakers %s; %s%n",
                    audio,
                    threads,
                    transcript.duration(),
                    transcript.words().size(),
                    transcript.segments().size(),
                    transcript.speakers().stream()
                            .map(s -> s.label() + "/" + s.role().wireName())
                            .toList(),
                    BenchUseCase.brief(analytics));
            engine.close();
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    /** Transcribe and analyse one call. */
    @Benchmark
    public CallAnalytics analyze(Engine s) throws InterruptedException {
        long t0 = System.nanoTime();
        s.transcript = s.engine.transcribe(s.file);
        long t1 = System.nanoTime();
        s.analytics = s.engine.analyze(s.transcript, BenchUseCase.BANK);
        long t2 = System.nanoTime();
        s.transcribeSeconds.add((t1 - t0) / 1e9);
        s.analyzeSeconds.add((t2 - t1) / 1e9);
        return s.analytics;
    }
}
