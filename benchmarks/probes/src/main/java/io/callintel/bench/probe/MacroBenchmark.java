package io.callintel.bench.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.callintel.asr.vosk.RecognizedWord;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.asr.vosk.VoskModel;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.bench.support.AsrCorpus;
import io.callintel.bench.support.BenchFiles;
import io.callintel.bench.support.BenchModels;
import io.callintel.bench.support.BenchUseCase;
import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.transcript.Transcript;
import io.callintel.engine.CallIntelEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The macro benchmark: at least an hour of call audio ({@link MacroCorpus}: 2-4 minute two-voice calls in mixed
 * formats) through the engine, against the ceiling, in one run and one process:
 *
 * <ol>
 *   <li><b>plain Vosk loop</b>: for each file in turn, decode it to 16 kHz PCM with the engine's decoder and feed all
 *       of it to one recognizer on one thread ({@link SpeechRecognizer}, as {@code TranscribeBenchmark.plainLoop}:
 *       no VAD, no chunks, no diarization, no analysis). The reference a pipeline is measured against.</li>
 *   <li><b>full analyze</b>: every file through transcription and analysis against {@link BenchUseCase#BANK}, with
 *       the engine's default parallelism, as {@code callintel analyze} runs a batch: {@code --jobs} recordings at
 *       once (default: one per core) sharing one {@link CallIntelEngine} with {@code --workers} recognizer threads
 *       (default: one per core); each file is {@code engine.transcribe} then {@code engine.analyze}, timed apart.</li>
 * </ol>
 *
 * <p>Reports audio hours, wall times, times real time of each, and the ratio analyze / plain loop (throughput, on
 * the same audio); writes everything as JSON, with each file's figures, and prints a Markdown table with the
 * machine. Model loading is timed apart and not counted in either wall time. The two runs are consecutive: on a
 * shared machine compare the {@code cores busy} columns and the load averages before reading the ratio.
 *
 * <pre>$JAVA_HOME/bin/java -Xmx2g --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     io.callintel.bench.MacroBenchmark [--hours 1.0] [--out benchmarks/results/macro.json] [--jobs N] [--workers N]
 *     [--skip-plain] [--corpus-only]</pre>
 *
 * <p>{@code --corpus-only} generates the corpus (or finds it cached), lists its calls and stops; {@code --skip-plain}
 * runs only the full analyze.
 */
public final class MacroBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Options(double hours, String out, int jobs, int workers, boolean skipPlain, boolean corpusOnly) {}

    record Machine(int cores, String cpu, String jdk, String os, String mallocArenaMax, long maxHeapMb) {}

    record Load(String when, String loadavg) {}

    record CorpusSummary(
            String directory,
            int files,
            Map<String, Integer> filesByFormat,
            double designedHours,
            double generationSeconds) {}

    record PlainFile(String file, double audioSeconds, double decodeSeconds, double recognizeSeconds, int words) {}

    record PlainRun(
            double audioSeconds,
            double wallSeconds,
            double decodeSeconds,
            double recognizeSeconds,
            double cpuSeconds,
            double coresBusy,
            double timesRealTime,
            long words,
            List<PlainFile> files) {}

    record AnalyzeFile(
            String file,
            double audioSeconds,
            double transcribeSeconds,
            double analyzeSeconds,
            int words,
            int speakers,
            String bucket,
            List<String> answers,
            String error) {}

    record AnalyzeRun(
            int jobs,
            int workers,
            double audioSeconds,
            double wallSeconds,
            double cpuSeconds,
            double coresBusy,
            double timesRealTime,
            double transcribeSecondsSum,
            double analyzeSecondsSum,
            long words,
            int failed,
            Map<String, Integer> buckets,
            List<AnalyzeFile> files) {}

    record Results(
            String started,
            String finished,
            Options options,
            Machine machine,
            List<Load> load,
            CorpusSummary corpus,
            double voskLoadSeconds,
            double engineLoadSeconds,
            PlainRun plain,
            AnalyzeRun analyze,
            double ratioAnalyzeToPlain,
            double ratioPerCore) {}

    private MacroBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        String started = Instant.now().toString();
        List<Load> load = new ArrayList<>();
        load.add(new Load("start", loadavg()));
        Machine machine = machine();
        System.err.printf(
                Locale.ROOT,
                "macro: %d cores, %s, JDK %s; load %s%n",
                machine.cores(),
                machine.cpu(),
                machine.jdk(),
                load.get(0).loadavg());

        long t0 = System.nanoTime();
        MacroCorpus corpus = MacroCorpus.standard();
        List<MacroCorpus.Call> calls = corpus.calls(options.hours());
        double generation = (System.nanoTime() - t0) / 1e9;
        Map<String, Integer> byFormat = new TreeMap<>();
        calls.forEach(c -> byFormat.merge(c.format().id(), 1, Integer::sum));
        CorpusSummary corpusSummary = new CorpusSummary(
                corpus.directory().toString(),
                calls.size(),
                byFormat,
                calls.stream().mapToDouble(MacroCorpus.Call::seconds).sum() / 3600,
                generation);
        System.err.printf(
                Locale.ROOT,
                "macro: corpus %d calls %s, %.2f h designed, ready in %.1f s (%s)%n",
                calls.size(),
                byFormat,
                corpusSummary.designedHours(),
                generation,
                corpus.directory());
        if (options.corpusOnly()) {
            for (MacroCorpus.Call call : calls) {
                System.out.printf(
                        Locale.ROOT,
                        "%-28s %-36s %6.1f s  (source %6.1f s + %5.1f s, tempo %.3f, gain %+.1f dB)%n",
                        call.file().getFileName(),
                        call.format().description,
                        call.seconds(),
                        call.sourceStart(),
                        call.excerptSeconds(),
                        call.tempo(),
                        call.gainDb());
            }
            return;
        }

        AudioDecoder decoder = new FfmpegAudioDecoder();
        PlainRun plain = null;
        double voskLoad = Double.NaN;
        if (!options.skipPlain()) {
            t0 = System.nanoTime();
            try (VoskModel vosk = VoskModel.load(BenchModels.voskModel())) {
                voskLoad = (System.nanoTime() - t0) / 1e9;
                load.add(new Load("before plain loop", loadavg()));
                plain = plainLoop(vosk, decoder, calls);
                load.add(new Load("after plain loop", loadavg()));
            }
        }
        AnalyzeRun analyze;
        double engineLoad;
        t0 = System.nanoTime();
        try (CallIntelEngine engine = CallIntelEngine.builder()
                .models(BenchModels.voskModel(), BenchModels.embeddingModel())
                .decoder(decoder)
                .threads(options.workers())
                .build()) {
            engineLoad = (System.nanoTime() - t0) / 1e9;
            load.add(new Load("before analyze", loadavg()));
            analyze = analyzeAll(engine, calls, options.jobs(), options.workers());
            load.add(new Load("after analyze", loadavg()));
        }

        double ratio = plain == null ? Double.NaN : analyze.timesRealTime() / plain.timesRealTime();
        Results results = new Results(
                started,
                Instant.now().toString(),
                options,
                machine,
                load,
                corpusSummary,
                voskLoad,
                engineLoad,
                plain,
                analyze,
                ratio,
                ratio / Math.max(1, options.workers()));
        Path out = Path.of(options.out()).toAbsolutePath();
        Files.createDirectories(out.getParent());
        JSON.writeValue(out.toFile(), results);
        System.out.println(markdown(results));
        System.err.println("macro: wrote " + out);
        if (analyze.failed() > 0) {
            System.err.println("macro: " + analyze.failed() + " file(s) failed to analyse (see the JSON)");
            System.exit(1);
        }
    }

    /** (a) One recognizer, one thread, every file decoded then recognized whole. */
    private static PlainRun plainLoop(VoskModel vosk, AudioDecoder decoder, List<MacroCorpus.Call> calls) {
        List<PlainFile> files = new ArrayList<>();
        double audio = 0;
        double decode = 0;
        double recognize = 0;
        long words = 0;
        long cpu0 = BenchFiles.processCpuNanos();
        long wall0 = System.nanoTime();
        try (SpeechRecognizer recognizer = new SpeechRecognizer(vosk)) {
            for (MacroCorpus.Call call : calls) {
                long t0 = System.nanoTime();
                short[] pcm = AsrCorpus.decode(decoder, call.file());
                long t1 = System.nanoTime();
                List<RecognizedWord> recognized = recognizer.recognize(pcm, 0, pcm.length);
                long t2 = System.nanoTime();
                double seconds = pcm.length / 16_000.0;
                files.add(new PlainFile(
                        call.file().getFileName().toString(),
                        seconds,
                        (t1 - t0) / 1e9,
                        (t2 - t1) / 1e9,
                        recognized.size()));
                audio += seconds;
                decode += (t1 - t0) / 1e9;
                recognize += (t2 - t1) / 1e9;
                words += recognized.size();
                System.err.printf(
                        Locale.ROOT,
                        "macro: plain %2d/%d %-26s %6.1f s audio in %5.2f s (%.1fx), %d words%n",
                        files.size(),
                        calls.size(),
                        call.file().getFileName(),
                        seconds,
                        (t2 - t0) / 1e9,
                        seconds / ((t2 - t0) / 1e9),
                        recognized.size());
            }
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (BenchFiles.processCpuNanos() - cpu0) / 1e9;
        return new PlainRun(audio, wall, decode, recognize, cpu, cpu / wall, audio / wall, words, files);
    }

    /** (b) Every file transcribed and analysed, {@code jobs} at a time, on one shared engine. */
    private static AnalyzeRun analyzeAll(CallIntelEngine engine, List<MacroCorpus.Call> calls, int jobs, int workers)
            throws InterruptedException {
        List<AnalyzeFile> files = new ArrayList<>();
        long cpu0 = BenchFiles.processCpuNanos();
        long wall0 = System.nanoTime();
        int[] done = {0};
        {
            ExecutorService pool = Executors.newFixedThreadPool(jobs);
            try {
                List<Future<AnalyzeFile>> futures = new ArrayList<>();
                for (MacroCorpus.Call call : calls) {
                    futures.add(pool.submit(() -> {
                        AnalyzeFile result = analyzeOne(engine, call);
                        synchronized (done) {
                            done[0]++;
                            System.err.printf(
                                    Locale.ROOT,
                                    "macro: analyze %2d/%d %-26s %6.1f s audio: transcribe %5.2f s, "
                                            + "analyze %.3f s; %s%n",
                                    done[0],
                                    calls.size(),
                                    result.file(),
                                    result.audioSeconds(),
                                    result.transcribeSeconds(),
                                    result.analyzeSeconds(),
                                    result.error() != null ? "ERROR " + result.error() : result.bucket());
                        }
                        return result;
                    }));
                }
                for (Future<AnalyzeFile> future : futures) {
                    try {
                        files.add(future.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException(e.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (BenchFiles.processCpuNanos() - cpu0) / 1e9;
        double audio = files.stream()
                .filter(f -> f.error() == null)
                .mapToDouble(AnalyzeFile::audioSeconds)
                .sum();
        Map<String, Integer> buckets = new TreeMap<>();
        files.stream().filter(f -> f.error() == null).forEach(f -> buckets.merge(f.bucket(), 1, Integer::sum));
        return new AnalyzeRun(
                jobs,
                workers,
                audio,
                wall,
                cpu,
                cpu / wall,
                audio / wall,
                files.stream().mapToDouble(AnalyzeFile::transcribeSeconds).sum(),
                files.stream().mapToDouble(AnalyzeFile::analyzeSeconds).sum(),
                files.stream().mapToLong(AnalyzeFile::words).sum(),
                (int) files.stream().filter(f -> f.error() != null).count(),
                buckets,
                files);
    }

    private static AnalyzeFile analyzeOne(CallIntelEngine engine, MacroCorpus.Call call) {
        String name = call.file().getFileName().toString();
        long t0 = System.nanoTime();
        try {
            Transcript transcript = engine.transcribe(call.file());
            long t1 = System.nanoTime();
            CallAnalytics analytics = engine.analyze(transcript, BenchUseCase.BANK);
            long t2 = System.nanoTime();
            return new AnalyzeFile(
                    name,
                    transcript.duration(),
                    (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9,
                    transcript.words().size(),
                    transcript.speakers().size(),
                    analytics.bucket().name(),
                    analytics.questions().stream().map(q -> q.answer()).toList(),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            return new AnalyzeFile(name, 0, (System.nanoTime() - t0) / 1e9, 0, 0, 0, null, List.of(), e.toString());
        }
    }

    static String markdown(Results r) {
        StringBuilder md = new StringBuilder();
        Machine m = r.machine();
        md.append(String.format(
                Locale.ROOT,
                "Machine: %d cores, %s; JDK %s; %s; MALLOC_ARENA_MAX=%s, max heap %d MB%n",
                m.cores(),
                m.cpu(),
                m.jdk(),
                m.os(),
                m.mallocArenaMax(),
                m.maxHeapMb()));
        md.append(String.format(
                Locale.ROOT,
                "Run %s .. %s; load averages (1/5/15 min): %s%n",
                r.started(),
                r.finished(),
                String.join(
                        "; ",
                        r.load().stream().map(l -> l.when() + " " + l.loadavg()).toList())));
        CorpusSummary c = r.corpus();
        md.append(String.format(
                Locale.ROOT,
                "Corpus: %d calls %s, %.2f h (designed), %s%n",
                c.files(),
                c.filesByFormat(),
                c.designedHours(),
                c.directory()));
        md.append(String.format(
                Locale.ROOT,
                "Models loaded (not in the wall times): Vosk for the plain loop %.1f s, the engine (both models) %.1f s%n%n",
                r.voskLoadSeconds(),
                r.engineLoadSeconds()));
        md.append("| run | threads | audio h | wall s | x real time | process CPU s | cores busy | words |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        PlainRun p = r.plain();
        if (p != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "| plain Vosk loop (decode %.1f s + recognize %.1f s) | 1 | %.3f | %.1f | **%.1fx** | %.1f | %.2f | %d |%n",
                    p.decodeSeconds(),
                    p.recognizeSeconds(),
                    p.audioSeconds() / 3600,
                    p.wallSeconds(),
                    p.timesRealTime(),
                    p.cpuSeconds(),
                    p.coresBusy(),
                    p.words()));
        }
        AnalyzeRun a = r.analyze();
        md.append(String.format(
                Locale.ROOT,
                "| full analyze (transcribe + %d questions, %d buckets) | %d jobs x %d workers | %.3f | %.1f | **%.1fx** | %.1f | %.2f | %d |%n",
                BenchUseCase.BANK.questions().size(),
                BenchUseCase.BANK.buckets().size(),
                a.jobs(),
                a.workers(),
                a.audioSeconds() / 3600,
                a.wallSeconds(),
                a.timesRealTime(),
                a.cpuSeconds(),
                a.coresBusy(),
                a.words()));
        if (p != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "%n**analyze / plain loop = %.2fx** (throughput on the same audio; %.2fx per "
                            + "recognition thread). ",
                    r.ratioAnalyzeToPlain(),
                    r.ratioPerCore()));
        } else {
            md.append("\n");
        }
        md.append(String.format(
                Locale.ROOT,
                "Analysis (questions, bucket, metrics) took %.1f s of the %.1f s summed per-file "
                        + "time (%.1f%%); %d failed; buckets %s%n",
                a.analyzeSecondsSum(),
                a.transcribeSecondsSum() + a.analyzeSecondsSum(),
                100 * a.analyzeSecondsSum() / Math.max(1e-9, a.transcribeSecondsSum() + a.analyzeSecondsSum()),
                a.failed(),
                a.buckets()));
        return md.toString();
    }

    static Machine machine() {
        String cpu = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        String jdk = System.getProperty("java.vm.vendor", "?") + " " + System.getProperty("java.runtime.version", "?")
                + " (" + System.getProperty("java.vm.name", "?") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        String arenas = System.getenv("MALLOC_ARENA_MAX");
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                cpu,
                jdk,
                os,
                arenas == null ? "unset" : arenas,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    static String loadavg() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static Options parse(String[] args) {
        double hours = 1.0;
        String out = "benchmarks/results/macro.json";
        int cores = Runtime.getRuntime().availableProcessors();
        int jobs = cores;
        int workers = cores;
        boolean skipPlain = false;
        boolean corpusOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hours" -> hours = Double.parseDouble(value(args, ++i));
                case "--out" -> out = value(args, ++i);
                case "--jobs" -> jobs = Integer.parseInt(value(args, ++i));
                case "--workers" -> workers = Integer.parseInt(value(args, ++i));
                case "--skip-plain" -> skipPlain = true;
                case "--corpus-only" -> corpusOnly = true;
                default -> usage("unknown option " + args[i]);
            }
        }
        if (hours <= 0 || jobs < 1 || workers < 1) {
            usage("--hours must be positive, --jobs and --workers at least 1");
        }
        return new Options(hours, out, jobs, workers, skipPlain, corpusOnly);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("MacroBenchmark: " + problem);
        System.err.println(
                "usage: MacroBenchmark [--hours 1.0] [--out benchmarks/results/macro.json] [--jobs N] [--workers N] [--skip-plain] [--corpus-only]");
        System.exit(2);
    }
}
