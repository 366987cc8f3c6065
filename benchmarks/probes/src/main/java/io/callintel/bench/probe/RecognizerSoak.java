package io.callintel.bench.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.asr.Transcriber;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.asr.vosk.VoskModel;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.bench.support.AsrCorpus;
import io.callintel.bench.support.BenchFiles;
import io.callintel.bench.support.BenchModels;
import io.callintel.core.transcript.Transcript;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory soak: transcribes {@code --files} short recordings (1-3 s clips, see {@link AsrCorpus#soakClips})
 * one after another in one process with one {@link Transcriber}, and samples the process's resident set
 * ({@code VmRSS}, and its anonymous part {@code RssAnon}, from {@code /proc/self/status}) and the Java
 * heap (used, and live after a full GC) every {@code --every} files. Asserts nothing: it prints the curve and
 * how much RSS grew between the first sample (after warm-up) and the last, for a person to judge.
 *
 * <p>{@code --callers N} (default 2) submits from N threads at once, each one file after another, so
 * that both of the Transcriber's workers are busy on a 2-core machine (a 1-3 s clip is one chunk: one
 * worker at a time); with {@code --callers 1} the 1,000 files take about twice as long (~12 min here).
 *
 * <pre>java -Xmx512m --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar io.callintel.bench.RecognizerSoak \
 *     [--files 1000] [--every 100] [--workers 2] [--callers 2] [--replace-after 300] [--out benchmarks/target/soak.json]</pre>
 */
public final class RecognizerSoak {

    private static final double MB = 1024.0 * 1024.0;

    private RecognizerSoak() {}

    public static void main(String[] args) throws Exception {
        int files = 1000;
        int every = 100;
        int workers = 2;
        int callers = 2;
        double replaceAfter = SpeechRecognizer.DEFAULT_REPLACE_AFTER_SECONDS;
        Path out = Path.of("benchmarks/target/soak.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--files" -> files = Integer.parseInt(args[++i]);
                case "--every" -> every = Integer.parseInt(args[++i]);
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--callers" -> callers = Integer.parseInt(args[++i]);
                case "--replace-after" -> replaceAfter = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: RecognizerSoak [--files N] [--every N] [--workers N] [--callers N]"
                            + " [--replace-after SECONDS (default 300; Infinity: never)] [--out FILE.json]");
                    System.exit(2);
                }
            }
        }
        long t0 = System.nanoTime();
        List<Path> clips = AsrCorpus.standard().soakClips(files);
        System.out.printf(
                Locale.ROOT,
                "%d clips in %s (ready in %.1f s)%n",
                clips.size(),
                clips.get(0).getParent(),
                (System.nanoTime() - t0) / 1e9);

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("files", files);
        root.put("workers", workers);
        root.put("callers", callers);
        root.put("replaceRecognizersAfterSeconds", replaceAfter);
        root.put("jvm", System.getProperty("java.vm.name") + " " + Runtime.version());
        root.put("maxHeapMb", round(Runtime.getRuntime().maxMemory() / MB));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("clips", clips.get(0).getParent().toString());
        ArrayNode curve = root.putArray("samples");

        ExecutorService submitters = Executors.newFixedThreadPool(callers);
        AtomicLong words = new AtomicLong();
        AtomicLong audioMillis = new AtomicLong();
        try (VoskModel model = VoskModel.load(BenchModels.voskModel());
                Transcriber transcriber = new Transcriber(new FfmpegAudioDecoder(), model, workers, replaceAfter)) {
            sample(curve, 0, 0, words.get(), audioMillis.get(), "model loaded, nothing transcribed");
            long start = System.nanoTime();
            for (int done = 0; done < files; ) {
                int batchEnd = Math.min(files, done + every);
                List<Future<?>> lanes = new ArrayList<>();
                int from = done;
                int lanesCount = callers;
                for (int lane = 0; lane < callers; lane++) {
                    int first = from + lane;
                    lanes.add(submitters.submit(() -> {
                        for (int k = first; k < batchEnd; k += lanesCount) {
                            Transcript t = transcriber.transcribe(clips.get(k), TranscriptionOptions.defaults());
                            words.addAndGet(t.words().size());
                            audioMillis.addAndGet(Math.round(t.duration() * 1000));
                        }
                        return null;
                    }));
                }
                for (Future<?> lane : lanes) {
                    lane.get();
                }
                done = batchEnd;
                sample(curve, done, (System.nanoTime() - start) / 1e9, words.get(), audioMillis.get(), null);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            root.put("wallSeconds", round(wall));
            root.put("audioSeconds", round(audioMillis.get() / 1000.0));
            root.put("words", words.get());
        } finally {
            submitters.shutdown();
        }

        // Summary: growth from the first sample after warm-up (file `every`) to the last.
        ObjectNode first = (ObjectNode) curve.get(1);
        ObjectNode last = (ObjectNode) curve.get(curve.size() - 1);
        double rssGrowth = last.path("rssMb").asDouble() - first.path("rssMb").asDouble();
        double anonGrowth =
                last.path("rssAnonMb").asDouble() - first.path("rssAnonMb").asDouble();
        double liveGrowth =
                last.path("heapLiveMb").asDouble() - first.path("heapLiveMb").asDouble();
        int spanFiles = last.path("files").asInt() - first.path("files").asInt();
        double maxRss = 0;
        double minRss = Double.MAX_VALUE;
        for (int i = 1; i < curve.size(); i++) {
            maxRss = Math.max(maxRss, curve.get(i).path("rssMb").asDouble());
            minRss = Math.min(minRss, curve.get(i).path("rssMb").asDouble());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("fromFiles", first.path("files").asInt());
        summary.put("toFiles", last.path("files").asInt());
        summary.put("rssGrowthMb", round(rssGrowth));
        summary.put("rssAnonGrowthMb", round(anonGrowth));
        summary.put("rssMinMb", round(minRss));
        summary.put("rssMaxMb", round(maxRss));
        summary.put("rssGrowthMbPer100Files", round(spanFiles == 0 ? 0 : 100 * rssGrowth / spanFiles));
        summary.put("heapLiveGrowthMb", round(liveGrowth));
        System.out.printf(
                Locale.ROOT,
                "%n%d files (%.0f s of audio, %d words) in %.1f s wall, %d worker(s), %d caller(s)%n"
                        + "RSS from file %d to file %d: %+.1f MB (RssAnon %+.1f MB; %+.2f MB per 100 files; min %.1f, max %.1f MB); "
                        + "live heap %+.2f MB%n",
                files,
                root.path("audioSeconds").asDouble(),
                root.path("words").asLong(),
                root.path("wallSeconds").asDouble(),
                workers,
                callers,
                first.path("files").asInt(),
                last.path("files").asInt(),
                rssGrowth,
                anonGrowth,
                summary.path("rssGrowthMbPer100Files").asDouble(),
                minRss,
                maxRss,
                liveGrowth);
        Files.createDirectories(out.toAbsolutePath().getParent());
        json.writeValue(out.toFile(), root);
        System.out.println("wrote " + out);
    }

    private static void sample(ArrayNode curve, int files, double seconds, long words, long audioMillis, String note)
            throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long heapUsed = memory.getHeapMemoryUsage().getUsed();
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(50);
        }
        long heapLive = memory.getHeapMemoryUsage().getUsed();
        ObjectNode s = curve.addObject();
        s.put("files", files);
        s.put("seconds", round(seconds));
        s.put("rssMb", round(BenchFiles.procStatus("VmRSS") / MB));
        s.put("rssAnonMb", round(BenchFiles.procStatus("RssAnon") / MB));
        s.put("heapUsedMb", round(heapUsed / MB));
        s.put("heapLiveMb", round(heapLive / MB));
        s.put("heapCommittedMb", round(memory.getHeapMemoryUsage().getCommitted() / MB));
        s.put("nonHeapMb", round(memory.getNonHeapMemoryUsage().getUsed() / MB));
        s.put("threads", Thread.activeCount());
        s.put("words", words);
        if (note != null) {
            s.put("note", note);
        }
        System.out.printf(
                Locale.ROOT,
                "%5d files %7.1f s  RSS %7.1f MB (anon %7.1f)  heap used %6.1f MB, live %6.1f MB, "
                        + "committed %6.1f MB  non-heap %5.1f MB  %d words, %.0f s of audio%n",
                files,
                seconds,
                s.path("rssMb").asDouble(),
                s.path("rssAnonMb").asDouble(),
                heapUsed / MB,
                heapLive / MB,
                s.path("heapCommittedMb").asDouble(),
                s.path("nonHeapMb").asDouble(),
                words,
                audioMillis / 1000.0);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
