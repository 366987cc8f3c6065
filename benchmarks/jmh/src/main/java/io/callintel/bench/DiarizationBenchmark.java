package io.callintel.bench;

import io.callintel.asr.TranscriptionOptions;
import io.callintel.asr.diarize.DiarizationOptions;
import io.callintel.asr.diarize.MonoDiarizer;
import io.callintel.asr.diarize.SpeakerTurn;
import io.callintel.bench.support.AsrCorpus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * Speaker diarization throughput on the 2-minute mono two-voice call ({@link AsrCorpus.Audio#SILENT30}: an
 * espeak-ng agent and customer taking turns, 8 kHz µ-law), one thread, with the pipeline's default options
 * (speaker count estimated, at most 4). The score is <b>audio seconds per wall second</b> (x real time):
 * one invocation handles the whole call and counts as {@value StageAudio#SECONDS} operations.
 *
 * <ul>
 *   <li>{@link #full}: a new {@link MonoDiarizer}, the call's PCM fed one second at a time
 *       ({@link MonoDiarizer#accept}: telephone-band MFCC, energy and pitch per 10 ms frame), then
 *       {@link MonoDiarizer#diarize} over the VAD's speech spans: the whole stage.</li>
 *   <li>{@link #features}: the feeding half alone (the part that runs during the pipeline's first pass).</li>
 *   <li>{@link #cluster}: {@code diarize} alone (change detection, BIC clustering, resegmentation) on a diarizer
 *       fed in an untimed per-invocation setup: the part that runs alongside recognition.</li>
 * </ul>
 *
 * <p>Each trial ends with a {@code [result]} line (speakers found, turns, each speaker's share), so that a fast but
 * useless diarization cannot pass unnoticed: two speakers are expected.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar DiarizationBenchmark -rf json -rff benchmarks/results/DiarizationBenchmark.json</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(StageAudio.SECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class DiarizationBenchmark {

    /** The pipeline's diarization options for a mono call with default transcription options. */
    static DiarizationOptions options() {
        TranscriptionOptions defaults = TranscriptionOptions.defaults();
        return new DiarizationOptions(defaults.maxSpeakers(), defaults.speakers());
    }

    /** The call, decoded once, and its speech spans. */
    @State(Scope.Benchmark)
    public static class Call {
        StageAudio audio;
        DiarizationOptions options;
        List<SpeakerTurn> last;

        @Setup(Level.Trial)
        public void setUp() {
            audio = StageAudio.load();
            options = options();
        }

        MonoDiarizer fed() {
            MonoDiarizer diarizer = new MonoDiarizer(options);
            for (int at = 0; at < audio.pcm.length; at += StageAudio.READ) {
                diarizer.accept(audio.pcm, at, Math.min(StageAudio.READ, audio.pcm.length - at));
            }
            return diarizer;
        }

        @TearDown(Level.Trial)
        public void report() {
            List<SpeakerTurn> turns = last != null ? last : fed().diarize(audio.speech);
            Map<Integer, Long> samples = new TreeMap<>();
            for (SpeakerTurn turn : turns) {
                samples.merge(turn.speaker(), turn.end() - turn.start(), Long::sum);
            }
            long total = samples.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder shares = new StringBuilder();
            samples.forEach((speaker, n) -> shares.append(
                    String.format(Locale.ROOT, " speaker %d %.1f%%", speaker, 100.0 * n / Math.max(1, total))));
            System.out.printf(
                    Locale.ROOT,
                    "%n[result] %d speakers, %d turns over %.1f s of speech:%s%n",
                    samples.size(),
                    turns.size(),
                    total / 16_000.0,
                    shares);
        }
    }

    /** A diarizer already fed the whole call, made afresh for every invocation (untimed). */
    @State(Scope.Thread)
    public static class Fed {
        MonoDiarizer diarizer;

        @Setup(Level.Invocation)
        public void feed(Call call) {
            diarizer = call.fed();
        }
    }

    /** Features and diarization: the whole stage. */
    @Benchmark
    public List<SpeakerTurn> full(Call call) {
        call.last = call.fed().diarize(call.audio.speech);
        return call.last;
    }

    /** Per-frame features only (MFCC, energy, pitch). */
    @Benchmark
    public MonoDiarizer features(Call call) {
        return call.fed();
    }

    /** Change detection, clustering and resegmentation only. */
    @Benchmark
    public List<SpeakerTurn> cluster(Call call, Fed fed) {
        return fed.diarizer.diarize(call.audio.speech);
    }
}
