package io.callintel.bench.load;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

/**
 * Upload phases: single large presigned PUTs for throughput, and many concurrent ones while the
 * server's resident memory and heap are sampled. Uploads are streamed to disk by the server, so
 * neither should grow with the number or size of uploads in flight.
 */
final class ServerLoadUploads {

    private static final double MB = 1e6; // throughput in decimal MB/s (10^6 bytes)
    private static final long SAMPLE_MILLIS = 100;

    private ServerLoadUploads() {}

    /** One PUT: bytes / time from sending the request to the server's 200 (stored, fsynced, probed). */
    record UploadRun(int run, long bytes, double seconds, double mbPerSecond) {}

    static List<UploadRun> throughput(ServerLoadApi api, String useCase, Path file, int runs) throws Exception {
        long size = Files.size(file);
        List<UploadRun> results = new ArrayList<>();
        for (int run = 0; run <= runs; run++) { // run 0 warms up the upload path (JIT) and is not counted
            ServerLoadApi.UploadLink link = api.createUploadLink(useCase, "throughput-" + run + ".wav", size);
            long start = System.nanoTime();
            HttpResponse<String> response = api.upload(link, file).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            check(response);
            System.err.printf(
                    "  upload %d%s: %.2f s, %.0f MB/s%n",
                    run, run == 0 ? " (warm-up)" : "", seconds, size / MB / seconds);
            if (run > 0) {
                results.add(new UploadRun(run, size, seconds, size / MB / seconds));
            }
        }
        return results;
    }

    /**
     * The disk's own speed for what the server does with an upload, as a yardstick: copy the file (read
     * from the page cache) into a new file in the same directory tree and fsync it. Median MB/s of {@code runs}.
     */
    static double diskBaseline(Path file, Path dir, int runs) throws IOException {
        double[] rates = new double[runs];
        Path copy = dir.resolve("disk-baseline.wav");
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            try (FileChannel in = FileChannel.open(file);
                    FileChannel out = FileChannel.open(
                            copy,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                for (long at = 0, size = in.size(); at < size; ) {
                    at += in.transferTo(at, size - at, out);
                }
                out.force(true);
            }
            rates[i] = Files.size(file) / MB / ((System.nanoTime() - start) / 1e9);
            Files.delete(copy);
        }
        return ServerLoadBenchmark.median(rates);
    }

    /** Server memory around one batch of concurrent uploads; memory in MiB (2^20 bytes), throughput in MB/s (10^6). */
    record MemoryRound(
            int round,
            int uploads,
            long bytesEach,
            double wallSeconds,
            double aggregateMbPerSecond,
            double rssBeforeMib,
            double rssPeakMib,
            double vmHwmMib,
            boolean vmHwmResetForRound,
            double rssAfterMib,
            double heapBeforeMib,
            double heapPeakMib,
            double heapAfterMib,
            double heapCommittedBeforeMib,
            double heapCommittedAfterMib,
            double liveHeapAfterGcMib,
            int rssSamples,
            int heapSamples) {}

    static MemoryRound memoryRound(
            ServerLoadApi api, long pid, String java, String useCase, Path file, int uploads, int round)
            throws Exception {
        long size = Files.size(file);
        List<ServerLoadApi.UploadLink> links = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            links.add(api.createUploadLink(useCase, "memory-" + round + "-" + i + ".wav", size));
        }
        // Every round starts from a full GC, so that "before" is the live heap and the rounds are comparable.
        boolean gc = ServerLoadProc.fullGc(pid, java);
        Thread.sleep(1000);
        double rssBefore = ServerLoadProc.statusMib(pid, "VmRSS");
        String metricsBefore = api.metrics();
        double heapBefore = ServerLoadApi.heapUsedMib(metricsBefore);
        boolean reset = ServerLoadProc.resetPeakRss(pid);

        double wall;
        Sampler rss = new Sampler("rss", () -> ServerLoadProc.statusMib(pid, "VmRSS"));
        Sampler heap = new Sampler("heap", () -> heapUsed(api));
        try (rss;
                heap) {
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> puts = new ArrayList<>();
            for (ServerLoadApi.UploadLink link : links) {
                puts.add(api.upload(link, file)); // all at once: one connection each
            }
            for (CompletableFuture<HttpResponse<String>> put : puts) {
                check(put.join());
            }
            wall = (System.nanoTime() - start) / 1e9;
            Thread.sleep(500); // catch the peak of anything freed lazily just after the last answer
        }
        double hwm = ServerLoadProc.statusMib(pid, "VmHWM");
        Thread.sleep(2000);
        double rssAfter = ServerLoadProc.statusMib(pid, "VmRSS");
        String metricsAfter = api.metrics();
        double heapAfter = ServerLoadApi.heapUsedMib(metricsAfter);
        // Last, as it disturbs the server: what the heap still holds once the garbage is gone.
        double live = gc && ServerLoadProc.fullGc(pid, java) ? ServerLoadApi.heapUsedMib(api.metrics()) : Double.NaN;
        double peak = Math.max(rss.max(), reset ? hwm : 0);
        System.err.printf(
                "  round %d: %d x %.0f MB in %.1f s; RSS %.0f -> peak %.0f -> %.0f MiB; heap %.0f -> %.0f -> %.0f MiB, live %.0f MiB%n",
                round, uploads, size / MB, wall, rssBefore, peak, rssAfter, heapBefore, heap.max(), heapAfter, live);
        return new MemoryRound(
                round,
                uploads,
                size,
                wall,
                uploads * size / MB / wall,
                rssBefore,
                peak,
                hwm,
                reset,
                rssAfter,
                heapBefore,
                Math.max(heapBefore, heap.max()),
                heapAfter,
                ServerLoadApi.heapCommittedMib(metricsBefore),
                ServerLoadApi.heapCommittedMib(metricsAfter),
                live,
                rss.count(),
                heap.count());
    }

    private static double heapUsed(ServerLoadApi api) {
        try {
            return ServerLoadApi.heapUsedMib(api.metrics());
        } catch (Exception e) {
            return Double.NaN; // a slow scrape under load is skipped, not fatal
        }
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Polls a value every 100 ms on its own thread and keeps the maximum. */
    private static final class Sampler implements AutoCloseable {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile double max = Double.NEGATIVE_INFINITY;
        private volatile int count;

        Sampler(String name, DoubleSupplier value) {
            thread = Thread.ofPlatform().daemon().name("sample-" + name).start(() -> {
                while (running) {
                    long next = System.nanoTime() + SAMPLE_MILLIS * 1_000_000;
                    double v = value.getAsDouble();
                    if (!Double.isNaN(v)) {
                        max = Math.max(max, v);
                        count++;
                    }
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        try {
                            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
        }

        double max() {
            return max;
        }

        int count() {
            return count;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
