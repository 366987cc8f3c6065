package io.callintel.bench;

import io.callintel.asr.Transcriber;
import io.callintel.asr.vad.EnergyVad;
import io.callintel.asr.vad.FrameEnergies;
import io.callintel.asr.vad.SpeechSpan;
import io.callintel.bench.support.AsrCorpus;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Voice activity detection throughput on the 2-minute two-voice call ({@link AsrCorpus.Audio#SILENT30},
 * 120.0 s, ~53% speech), one thread. The score is <b>audio seconds per wall second</b> (x real time): one
 * invocation handles the whole call and counts as {@value StageAudio#SECONDS} operations.
 *
 * <ul>
 *   <li>{@link #detect}: {@link EnergyVad#forCalls()}{@code .detect(frames)} over the call's 12,000 precomputed
 *       10 ms frame energies: the VAD proper (noise-floor percentile, threshold, hangover).</li>
 *   <li>{@link #frameEnergies}: {@link FrameEnergies} built from the 16 kHz PCM fed one second at a time, as the
 *       pipeline's first decoding pass feeds it: the VAD's input.</li>
 *   <li>{@link #vadStage}: the whole VAD stage from PCM, as the pipeline runs it: frame energies, detect, and the
 *       chunk planner ({@code Transcriber.plannedChunks}: padding, joining, cutting at 15 s) that turns the spans into the
 *       stretches handed to the recognizers.</li>
 * </ul>
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar VadBenchmark -rf json -rff benchmarks/results/VadBenchmark.json</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(StageAudio.SECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class VadBenchmark {

    StageAudio audio;
    EnergyVad vad;
    List<SpeechSpan> lastSpans;
    List<SpeechSpan> lastChunks;

    @Setup(Level.Trial)
    public void setUp() {
        audio = StageAudio.load();
        vad = EnergyVad.forCalls();
    }

    @TearDown(Level.Trial)
    public void report() {
        List<SpeechSpan> spans = lastSpans != null ? lastSpans : vad.detect(audio.energies);
        List<SpeechSpan> chunks = lastChunks != null ? lastChunks : Transcriber.plannedChunks(spans, audio.energies);
        long speech = spans.stream().mapToLong(SpeechSpan::length).sum();
        long recognized = chunks.stream().mapToLong(SpeechSpan::length).sum();
        System.out.printf(
                Locale.ROOT,
                "%n[result] %d frames -> %d speech spans (%.1f%% speech) -> %d chunks "
                        + "(%.1f%% of the audio handed to recognition)%n",
                audio.energies.frames(),
                spans.size(),
                100.0 * speech / audio.pcm.length,
                chunks.size(),
                100.0 * recognized / audio.pcm.length);
    }

    /** The VAD proper over the call's frame energies. */
    @Benchmark
    public List<SpeechSpan> detect() {
        lastSpans = vad.detect(audio.energies);
        return lastSpans;
    }

    /** The VAD's input: 10 ms frame energies from the PCM. */
    @Benchmark
    public FrameEnergies frameEnergies() {
        return StageAudio.energies(audio.pcm);
    }

    /** Frame energies, detection and chunk planning: the whole VAD stage from PCM. */
    @Benchmark
    public List<SpeechSpan> vadStage() {
        FrameEnergies energies = StageAudio.energies(audio.pcm);
        lastChunks = Transcriber.plannedChunks(vad.detect(energies), energies);
        return lastChunks;
    }
}
