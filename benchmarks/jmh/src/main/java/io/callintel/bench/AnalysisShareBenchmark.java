package io.callintel.bench;

import io.callintel.bench.support.AsrCorpus;
import io.callintel.bench.support.BenchModels;
import io.callintel.classify.index.IndexedSegment;
import io.callintel.classify.index.SegmentIndex;
import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.BucketDefinition;
import io.callintel.core.usecase.QuestionDefinition;
import io.callintel.engine.CallIntelEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * The analysis stage's share of a 10-minute call ({@link AsrCorpus.Audio#CALL10MIN}):
 *
 * <ul>
 *   <li>{@link #call}: the call as the service handles it, both halves timed in the same op so that a
 *       shared machine's load falls on both alike: recognition ({@code CallIntelEngine.transcribe}, file to
 *       transcript, {@code workers} recognizer threads), then analysis of that fresh transcript (below).
 *       The op time is the sum; the two parts are JMH secondary metrics ({@code recognitionMs},
 *       {@code analysisMs}: one value per iteration in the JSON's raw data; JMH prints their sum);</li>
 *   <li>{@link #analysis}: analysis alone, repeated on the call's transcript (recognized once, untimed):
 *       {@code CallIntelEngine.analyze} (3 questions, 3 buckets, metrics) and {@link SegmentIndex#replace} of
 *       the segments into an index already holding {@value #INDEXED_CALLS} calls, on one thread;</li>
 *   <li>{@link #redaction}: PII redaction alone, repeated on the same transcript, on one thread.</li>
 * </ul>
 *
 * <p>The target: analysis under 5% of recognition. {@link BenchmarkSummary} prints the share from the JSON.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar AnalysisShareBenchmark -rf json -rff benchmarks/target/share.json</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class AnalysisShareBenchmark {

    static final int INDEXED_CALLS = 1000;

    /** A lead-generation use case like the README's: a stance, an occurrence and an open question. */
    static final AnalysisConfig USE_CASE = new AnalysisConfig(
            List.of(
                    QuestionDefinition.of("Is the lead interested in the loan offer? (Yes/No)"),
                    QuestionDefinition.of("Did the agent mention the interest rate? (Yes/No)"),
                    QuestionDefinition.of("What does the customer want to do next?")),
            List.of(
                    BucketDefinition.of("Hot Lead", "The lead is clearly interested and wants to go ahead."),
                    BucketDefinition.of("Warm Lead", "Some interest but undecided; wants time or information."),
                    BucketDefinition.of("Not Clear", "If it is not clear whether the lead is interested.")));

    /** Everything a call goes through: recognizer, encoder, and an index of earlier calls. */
    @State(Scope.Benchmark)
    public static class Pipeline {
        @Param({"2"})
        public int workers;

        CallIntelEngine engine;
        Path file;
        Path directory;
        SegmentIndex index;
        Transcript transcript;
        CallAnalytics analytics;
        int next;
        /** The two parts of analysis in every op, warm-up included, for the breakdown printed at the end. */
        final List<Double> analyzeMillis = new ArrayList<>();

        final List<Double> indexMillis = new ArrayList<>();

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            file = AsrCorpus.standard().file(AsrCorpus.Audio.CALL10MIN);
            engine = CallIntelEngine.builder()
                    .models(BenchModels.voskModel(), BenchModels.embeddingModel())
                    .threads(workers)
                    .build();
            directory = Files.createTempDirectory("callintel-share-bench");
            SegmentIndex.bulkLoad(directory, INDEXED_CALLS, IndexBenchmark::call);
            index = SegmentIndex.open(directory);
        }

        Transcript transcribe() throws InterruptedException {
            transcript = engine.transcribe(file);
            return transcript;
        }

        /** Questions, bucket, metrics and indexing of a transcript, under a new recording id each time. */
        CallAnalytics analyze(Transcript call) {
            long t0 = System.nanoTime();
            analytics = engine.analyze(call, USE_CASE);
            long t1 = System.nanoTime();
            String recording = "call10min-" + next++;
            index.replace(
                    recording,
                    call.segments().stream()
                            .map(segment -> IndexedSegment.of("org-0", "usecase-0", recording, segment))
                            .toList());
            analyzeMillis.add((t1 - t0) / 1e6);
            indexMillis.add((System.nanoTime() - t1) / 1e6);
            return analytics;
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            System.out.printf(
                    Locale.ROOT,
                    "%n[transcript] %.1f s, %d words, %d segments%n",
                    transcript.duration(),
                    transcript.words().size(),
                    transcript.segments().size());
            System.out.printf(
                    Locale.ROOT,
                    "[analysis] questions %s; bucket %s %s%n",
                    analytics.questions().stream()
                            .map(q -> q.answer().isEmpty() ? "(none)" : q.answer())
                            .toList(),
                    analytics.bucket().name(),
                    analytics.bucket().scores());
            System.out.printf(
                    Locale.ROOT,
                    "[breakdown] median of %d ops: analyze %.1f ms, index %.1f ms%n",
                    analyzeMillis.size(),
                    median(analyzeMillis),
                    median(indexMillis));
            index.close();
            engine.close();
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** For {@link #analysis}: the call recognized once, before timing starts. */
    @State(Scope.Benchmark)
    public static class Transcribed {
        Transcript transcript;

        @Setup(Level.Trial)
        public void setUp(Pipeline pipeline) throws InterruptedException {
            transcript = pipeline.transcribe();
        }
    }

    /** {@link #call}'s two parts, reported by JMH next to the op time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Parts {
        public double recognitionMs;
        public double analysisMs;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    /** Recognition then analysis; one op per iteration, as recognition takes half a minute. */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public CallAnalytics call(Pipeline s, Parts parts) throws InterruptedException {
        long t0 = System.nanoTime();
        Transcript transcript = s.transcribe();
        long t1 = System.nanoTime();
        CallAnalytics analytics = s.analyze(transcript);
        parts.recognitionMs = (t1 - t0) / 1e6;
        parts.analysisMs = (System.nanoTime() - t1) / 1e6;
        return analytics;
    }

    @Benchmark
    @Warmup(iterations = 5)
    @Measurement(iterations = 15)
    public CallAnalytics analysis(Pipeline s, Transcribed call) {
        return s.analyze(call.transcript);
    }

    /** PII redaction of the call's transcript ({@code CallIntelEngine.redact}): what a redacting use case adds. */
    @Benchmark
    @Warmup(iterations = 5)
    @Measurement(iterations = 15)
    public Transcript redaction(Pipeline s, Transcribed call) {
        return s.engine.redact(call.transcript);
    }
}
