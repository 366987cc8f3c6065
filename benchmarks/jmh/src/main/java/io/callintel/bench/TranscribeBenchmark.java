package io.callintel.bench;

import io.callintel.asr.Transcriber;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.asr.vosk.RecognizedWord;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.asr.vosk.VoskModel;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.bench.support.AsrCorpus;
import io.callintel.bench.support.BenchModels;
import io.callintel.bench.support.IterationClock;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Word;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * Speech recognition throughput: a plain single-threaded Vosk loop over a recording's PCM (the ceiling)
 * against the engine's whole {@link Transcriber} pipeline (decode, VAD, chunk-parallel recognition,
 * diarization) on the same recordings, in one run. See {@link AsrCorpus} for the audio.
 *
 * <ul>
 *   <li>{@link #plainLoop}: the recording is decoded to 16 kHz PCM once, untimed; one op is one
 *       {@link SpeechRecognizer#recognize} over all of it (one fresh recognizer, fed half a second at a time).</li>
 *   <li>{@link #plainLoopPair}: two plain loops at once, on two threads, each over the whole recording with
 *       its own recognizer: how well Vosk itself scales to two threads on this machine (shared caches and
 *       memory bandwidth, the hypervisor), the ceiling for the pipeline's two-worker scaling.</li>
 *   <li>{@link #pipeline}: one op is {@code Transcriber.transcribe(file, TranscriptionOptions.defaults())}
 *       with {@code workers} recognizer threads: everything from the file on disk to the speaker-attributed
 *       transcript.</li>
 *   <li>{@link #call10min}: the same pipeline on the 10-minute call, with 1 and 2 workers: the latency target
 *       (2 workers) and two-worker scaling on a long call.</li>
 * </ul>
 *
 * <p>Single-shot: every op is seconds long, so each iteration is one op. The model is loaded once per trial
 * (fork) and shared. {@link BenchmarkSummary} turns the JSON into audio seconds per wall second and the
 * issue's ratios. Each iteration also prints the process CPU time it used ({@code [cpu]} lines).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar TranscribeBenchmark -rf json -rff benchmarks/target/transcribe.json</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class TranscribeBenchmark {

    /** State shared by the three kinds of benchmark: the model, the recording, CPU accounting. */
    public abstract static class Base {
        VoskModel model;
        Path file;
        AsrCorpus.Info info;
        private final IterationClock clock = new IterationClock();

        void load(AsrCorpus.Audio audio) {
            AsrCorpus corpus = AsrCorpus.standard();
            file = corpus.file(audio);
            info = corpus.info(audio);
            model = VoskModel.load(BenchModels.voskModel());
            System.out.printf(
                    Locale.ROOT,
                    "%n[corpus] %s: %.1f s of audio, VAD speech %.1f%%, handed to recognition "
                            + "%.1f%% in %d chunks (%s); %d cores%n",
                    audio.id(),
                    info.audioSeconds(),
                    100 * info.vadSpeech(),
                    100 * info.recognized(),
                    info.chunks(),
                    file,
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
                    "%n[cpu] %s: wall %.2f s, process CPU %.2f s (%.2f cores busy), %.2f audio s per wall s%n",
                    info.id(),
                    wall,
                    elapsed.cpu(),
                    elapsed.cores(),
                    info.audioSeconds() / wall);
        }

        @TearDown(Level.Trial)
        public void close() {
            closeRest();
            model.close();
        }

        void closeRest() {}
    }

    @State(Scope.Benchmark)
    public static class Plain extends Base {
        @Param({"dense", "silent30"})
        public String audio;

        short[] pcm;
        SpeechRecognizer recognizer;
        List<RecognizedWord> last;

        @Setup(Level.Trial)
        public void setUp() {
            load(AsrCorpus.Audio.of(audio));
            pcm = AsrCorpus.decode(new FfmpegAudioDecoder(), file);
            recognizer = new SpeechRecognizer(model);
        }

        @Override
        void closeRest() {
            System.out.printf(
                    Locale.ROOT,
                    "%n[result] plainLoop %s: %d words: %s ...%n",
                    audio,
                    last.size(),
                    last.stream().limit(20).map(RecognizedWord::word).collect(Collectors.joining(" ")));
        }
    }

    @State(Scope.Benchmark)
    public static class PlainPair extends Base {
        @Param({"dense", "silent30"})
        public String audio;

        short[] pcm;
        SpeechRecognizer recognizer;
        ExecutorService threads;

        @Setup(Level.Trial)
        public void setUp() {
            load(AsrCorpus.Audio.of(audio));
            pcm = AsrCorpus.decode(new FfmpegAudioDecoder(), file);
            recognizer = new SpeechRecognizer(model); // one recognizer per thread
            threads = Executors.newFixedThreadPool(2);
        }

        @Override
        void closeRest() {
            threads.shutdownNow();
            recognizer.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Pipeline extends Base {
        @Param({"dense", "silent30"})
        public String audio;

        @Param({"1", "2"})
        public int workers;

        /** Audio seconds after which a worker's recognizer is replaced ({@code Infinity}: never). */
        @Param({"300"})
        public double replaceAfter;

        Transcriber transcriber;
        Transcript last;

        @Setup(Level.Trial)
        public void setUp() {
            load(AsrCorpus.Audio.of(audio));
            transcriber = new Transcriber(new FfmpegAudioDecoder(), model, workers, replaceAfter);
        }

        @Override
        void closeRest() {
            transcriber.close();
            printTranscript("pipeline " + audio + " workers=" + workers, last);
        }
    }

    @State(Scope.Benchmark)
    public static class Call extends Base {
        @Param({"1", "2"})
        public int workers;

        Transcriber transcriber;
        Transcript last;

        @Setup(Level.Trial)
        public void setUp() {
            load(AsrCorpus.Audio.CALL10MIN);
            transcriber = new Transcriber(new FfmpegAudioDecoder(), model, workers);
        }

        @Override
        void closeRest() {
            transcriber.close();
            printTranscript("call10min workers=" + workers, last);
        }
    }

    private static void printTranscript(String what, Transcript t) {
        System.out.printf(
                Locale.ROOT,
                "%n[result] %s: %.1f s, %d words, %d segments, speakers %s: %s ...%n",
                what,
                t.duration(),
                t.words().size(),
                t.segments().size(),
                t.speakers(),
                t.words().stream().limit(20).map(Word::word).collect(Collectors.joining(" ")));
    }

    /** The ceiling: one fresh Vosk recognizer fed the whole decoded recording on this thread. */
    @Benchmark
    public List<RecognizedWord> plainLoop(Plain s) {
        s.last = s.recognizer.recognize(s.pcm, 0, s.pcm.length);
        return s.last;
    }

    /** Two plain loops at once on two threads: twice the audio; ideal scaling would take as long as one loop. */
    @Benchmark
    public int plainLoopPair(PlainPair s) throws InterruptedException, ExecutionException {
        Future<List<RecognizedWord>> first = s.threads.submit(() -> s.recognizer.recognize(s.pcm, 0, s.pcm.length));
        Future<List<RecognizedWord>> second = s.threads.submit(() -> s.recognizer.recognize(s.pcm, 0, s.pcm.length));
        return first.get().size() + second.get().size();
    }

    /** The whole pipeline, file to transcript. */
    @Benchmark
    public Transcript pipeline(Pipeline s) throws InterruptedException {
        s.last = s.transcriber.transcribe(s.file, TranscriptionOptions.defaults());
        return s.last;
    }

    /** The 10-minute call, file to transcript, chunk-parallel on {@code workers} threads (target: at most 40 s). */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 1)
    public Transcript call10min(Call s) throws InterruptedException {
        s.last = s.transcriber.transcribe(s.file, TranscriptionOptions.defaults());
        return s.last;
    }
}
