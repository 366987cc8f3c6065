package io.callintel.bench;

import io.callintel.bench.support.BenchModels;
import io.callintel.classify.embed.EncoderOptions;
import io.callintel.classify.embed.SentenceEncoder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Sentence-embedding throughput, in sentences per second on one thread (the encoder's default: one
 * intra-op thread per model call), over {@value #SENTENCES} transcript-like utterances of 5-25 words
 * ({@link CallText}), about what the analysis of a 10-minute call encodes:
 *
 * <ul>
 *   <li>{@link #single}: {@code encode(sentence)} in a loop, one call per sentence;</li>
 *   <li>{@link #list}: {@code encode(all of them)} by an {@link EncoderOptions#exact} encoder, which decides
 *       at load whether the model may batch; the bundled quantized model may not, so this is batch 1 too,
 *       and measures what the list API saves besides batching (sorting by length, one lock);</li>
 *   <li>{@link #forcedBatch}: the same list batched, as the engine does by default (not exact),
 *       {@code batch} sentences per model call ({@code batch=1} is the control: the exact path again,
 *       measured like the others).</li>
 * </ul>
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EmbedBenchmark -rf json -rff benchmarks/target/embed.json</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(EmbedBenchmark.SENTENCES)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class EmbedBenchmark {

    static final int SENTENCES = 128;

    /** The encoder asked to be exact: one sentence a model call for the bundled quantized model. */
    @State(Scope.Benchmark)
    public static class Engine {
        SentenceEncoder encoder;
        List<String> sentences;

        @Setup(Level.Trial)
        public void setUp() {
            encoder = SentenceEncoder.load(
                    BenchModels.embeddingModel(), EncoderOptions.defaults().withExact(true));
            sentences = CallText.sentences(SENTENCES, 1);
            System.out.printf("%n[encoder] exact: %d sentence(s) per model call%n", encoder.batchSize());
        }

        @TearDown(Level.Trial)
        public void close() {
            encoder.close();
        }
    }

    /** An encoder made to batch {@code batch} sentences per model call. */
    @State(Scope.Benchmark)
    public static class Batched {
        @Param({"1", "4", "16", "32"})
        public int batch;

        SentenceEncoder encoder;
        List<String> sentences;

        @Setup(Level.Trial)
        public void setUp() {
            encoder = SentenceEncoder.load(
                    BenchModels.embeddingModel(), EncoderOptions.defaults().withMaxBatch(batch));
            sentences = CallText.sentences(SENTENCES, 1);
        }

        @TearDown(Level.Trial)
        public void close() {
            encoder.close();
        }
    }

    @Benchmark
    public void single(Engine s, Blackhole out) {
        for (String sentence : s.sentences) {
            out.consume(s.encoder.encode(sentence));
        }
    }

    @Benchmark
    public float[][] list(Engine s) {
        return s.encoder.encode(s.sentences);
    }

    @Benchmark
    public float[][] forcedBatch(Batched s) {
        return s.encoder.encode(s.sentences);
    }
}
