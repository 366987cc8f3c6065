package io.callintel.bench.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.bench.support.BenchFiles;
import io.callintel.bench.support.Corpus;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeReport;
import io.callintel.core.audio.PcmStream;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak Java heap while decoding one ~100 MB recording (the target: under 64 MB above idle),
 * with decode wall time and times-real-time. Not a JMH benchmark: one long decode, measured once.
 *
 * <p>Idle is the heap used after a full GC with the decoder loaded and warmed up on a short file. During
 * the decode a daemon thread samples {@link MemoryMXBean#getHeapMemoryUsage()} every millisecond; the heap
 * pools' peak usage is also reset before and read after (their sum is an upper bound, as the pools peak at
 * different moments). Also reported: bytes the decoding thread allocated, GCs during the decode, the live
 * heap after a GC with the stream still open, and the process RSS high-water mark (native memory included).
 *
 * <pre>java -Xmx256m --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     io.callintel.bench.DecodeHeapProbe [--size-mb 100] [--formats mp3,wav] [--out benchmarks/target/decode-heap.json]</pre>
 */
public final class DecodeHeapProbe {

    private static final double MB = 1024.0 * 1024.0;

    private DecodeHeapProbe() {}

    public static void main(String[] args) throws Exception {
        long sizeMb = 100;
        List<String> formats = List.of("mp3", "wav");
        Path out = Path.of("benchmarks/target/decode-heap.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size-mb" -> sizeMb = Long.parseLong(args[++i]);
                case "--formats" -> formats = List.of(args[++i].split(","));
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println(
                            "usage: DecodeHeapProbe [--size-mb N] [--formats mp3,wav,...] [--out FILE.json]");
                    System.exit(2);
                }
            }
        }
        Corpus corpus = Corpus.standard();
        List<Path> files = new ArrayList<>();
        for (String format : formats) {
            long t0 = System.nanoTime();
            Path file = corpus.large(Corpus.Format.of(format), sizeMb * 1024 * 1024);
            System.out.printf(
                    Locale.ROOT,
                    "corpus: %s (%.1f MB, ready in %.1f s)%n",
                    file,
                    Files.size(file) / MB,
                    (System.nanoTime() - t0) / 1e9);
            files.add(file);
        }

        AudioDecoder decoder = new FfmpegAudioDecoder();
        short[] buffer = new short[4096];
        for (String format : formats) { // warm up: load classes and natives, let the JIT see the read loop
            for (int i = 0; i < 3; i++) {
                decodeAll(decoder, corpus.file(Corpus.Format.of(format)), buffer);
            }
        }

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("jvm", System.getProperty("java.vm.name") + " " + Runtime.version());
        root.put("maxHeapMb", round(Runtime.getRuntime().maxMemory() / MB));
        root.put(
                "gc",
                String.join(
                        "+",
                        ManagementFactory.getGarbageCollectorMXBeans().stream()
                                .map(GarbageCollectorMXBean::getName)
                                .toList()));
        root.put("cpu", cpuModel());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        ArrayNode runs = root.putArray("runs");

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int f = 0; f < formats.size(); f++) {
            Path file = files.get(f);
            fullGc();
            long idle = memory.getHeapMemoryUsage().getUsed();
            long rssBefore = BenchFiles.procStatus("VmRSS");
            boolean hwmReset = resetRssHighWaterMark();
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
                    .toList();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long gcsBefore = gcCount();

            AtomicLong peak = new AtomicLong(idle);
            Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long used = memory.getHeapMemoryUsage().getUsed();
                    peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });

            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long samples = 0;
            DecodeReport report;
            long liveDuring;
            try (PcmStream stream = decoder.open(file)) {
                int n;
                while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
                    samples += n;
                }
                long wall = System.nanoTime() - start;
                long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
                long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
                sampler.interrupt();
                sampler.join();
                long gcs = gcCount() - gcsBefore;
                long poolPeaks = pools.stream()
                        .mapToLong(p -> p.getPeakUsage().getUsed())
                        .sum();
                report = stream.report();
                fullGc(); // the stream is still open: what the decoder itself retains
                liveDuring = memory.getHeapMemoryUsage().getUsed();

                double seconds = samples / (double) AudioDecoder.SAMPLE_RATE;
                ObjectNode run = runs.addObject();
                run.put("file", file.getFileName().toString());
                run.put("format", formats.get(f));
                run.put("description", Corpus.Format.of(formats.get(f)).description());
                run.put("fileMb", round(Files.size(file) / MB));
                run.put("audioSeconds", round(seconds));
                run.put("damaged", report.damaged());
                run.put("decodeWallSeconds", round(wall / 1e9));
                run.put("decodeCpuSeconds", round(cpu / 1e9));
                run.put("xRealTime", round(seconds / (wall / 1e9)));
                run.put("idleHeapMb", round(idle / MB));
                run.put("peakHeapAboveIdleMb", round((peak.get() - idle) / MB));
                run.put("poolPeaksAboveIdleMb", round((poolPeaks - idle) / MB));
                run.put("liveHeapAboveIdleMb", round((liveDuring - idle) / MB));
                run.put("allocatedMb", round(allocated / MB));
                run.put("allocatedBytesPerAudioSecond", Math.round(allocated / seconds));
                run.put("gcsDuringDecode", gcs);
                run.put("rssBeforeMb", round(rssBefore / MB));
                if (hwmReset) {
                    run.put("rssPeakMb", round(BenchFiles.procStatus("VmHWM") / MB));
                }
                System.out.printf(
                        Locale.ROOT,
                        "%s: %.1f MB, %.0f s of audio (damaged=%s) decoded in %.2f s wall "
                                + "(%.2f s CPU) = %.0fx real time%n"
                                + "  heap: idle %.1f MB, peak %.1f MB above idle (sampled; pool peaks sum %.1f MB above idle), "
                                + "live with the stream open %.1f MB above idle%n"
                                + "  allocated %.1f MB (%d B per audio second), %d GC(s) during the decode; RSS %.0f MB before%s%n",
                        file.getFileName(),
                        Files.size(file) / MB,
                        seconds,
                        report.damaged(),
                        wall / 1e9,
                        cpu / 1e9,
                        seconds / (wall / 1e9),
                        idle / MB,
                        (peak.get() - idle) / MB,
                        (poolPeaks - idle) / MB,
                        (liveDuring - idle) / MB,
                        allocated / MB,
                        Math.round(allocated / seconds),
                        gcs,
                        rssBefore / MB,
                        hwmReset
                                ? String.format(
                                        Locale.ROOT, ", peak %.0f MB during", BenchFiles.procStatus("VmHWM") / MB)
                                : "");
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        json.writeValue(out.toFile(), root);
        System.out.println("wrote " + out);
    }

    private static long decodeAll(AudioDecoder decoder, Path file, short[] buffer) {
        long total = 0;
        try (PcmStream stream = decoder.open(file)) {
            int n;
            while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
                total += n;
            }
        }
        return total;
    }

    private static void fullGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .filter(c -> c > 0)
                .sum();
    }

    /** Linux: writing 5 to clear_refs resets VmHWM to the current RSS. */
    private static boolean resetRssHighWaterMark() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
