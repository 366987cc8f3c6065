package io.callintel.bench.load;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Load on the metadata endpoints over N connections, one platform thread each, each thread sending one
 * request, waiting for the whole answer, then sending the next. Thread i starts at endpoint i and then
 * walks round the list, which gives every endpoint the same share of requests. Two ways to pace it:
 *
 * <ul>
 *   <li>closed loop ({@link #run}): each thread sends its next request as soon as the last one is answered,
 *       so exactly N requests are in flight and the server runs flat out. This measures throughput; latency
 *       is then mostly queueing (mean = N / throughput, Little's law).</li>
 *   <li>open loop at a fixed rate ({@link #runAtRate}): each thread follows a schedule of R/N requests per
 *       second (staggered between threads), as independent clients would. Latency is measured from the
 *       <em>scheduled</em> send time, so a request delayed because the previous one on its connection was
 *       slow counts its wait too (no coordinated omission, the method of wrk2).</li>
 * </ul>
 *
 * Latency is client-side (send to last byte of the body), recorded in nanoseconds into per-thread arrays
 * (no locking in the measured path) and sorted afterwards. Only requests scheduled inside the measurement
 * window count.
 */
final class ServerLoadLatency {

    /** One endpoint and the concrete requests to pick from (different use cases and recordings). */
    record Endpoint(String name, String route, List<HttpRequest> requests) {}

    /** Latencies in milliseconds; serverMeanMs is the server's own handling time (see ServerLoadApi#routeTimes). */
    record Result(
            String endpoint,
            long requests,
            double perSecond,
            double meanMs,
            double p50Ms,
            double p90Ms,
            double p99Ms,
            double maxMs,
            long errors,
            Double serverMeanMs) {}

    /** Nanosecond samples of one endpoint on one thread: a growable long[]. */
    private static final class Samples {
        long[] values = new long[1024];
        int size;
        long errors;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }
    }

    private ServerLoadLatency() {}

    /** Closed loop: warm-up then measurement; returns one result per endpoint and an "all endpoints" row last. */
    static List<Result> run(
            ServerLoadApi api, List<Endpoint> endpoints, int connections, Duration warmUp, Duration measure)
            throws Exception {
        return measure(api, endpoints, connections, 0, warmUp, measure);
    }

    /** Open loop at {@code perSecond} requests per second in all, spread evenly over the connections. */
    static List<Result> runAtRate(
            ServerLoadApi api,
            List<Endpoint> endpoints,
            int connections,
            double perSecond,
            Duration warmUp,
            Duration measure)
            throws Exception {
        return measure(api, endpoints, connections, Math.round(connections * 1e9 / perSecond), warmUp, measure);
    }

    /** @param interval nanoseconds between one thread's scheduled sends; 0 for a closed loop */
    private static List<Result> measure(
            ServerLoadApi api,
            List<Endpoint> endpoints,
            int connections,
            long interval,
            Duration warmUp,
            Duration measure)
            throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        Samples[][] samples = new Samples[connections][endpoints.size()];
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            Samples[] mine = samples[t];
            for (int e = 0; e < endpoints.size(); e++) {
                mine[e] = new Samples();
            }
            int first = t;
            long firstSend = start + interval * t / connections;
            threads.add(Thread.ofPlatform()
                    .name("load-" + t)
                    .start(() -> loop(api, endpoints, first, mine, firstSend, interval, measureFrom, end, firstError)));
        }
        Thread.sleep(Duration.ofNanos(measureFrom - System.nanoTime()).plusMillis(100));
        Map<String, double[]> serverBefore = ServerLoadApi.routeTimes(api.metrics());
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, double[]> serverAfter = ServerLoadApi.routeTimes(api.metrics());
        if (firstError.get() != null) {
            System.err.println("  first error: " + firstError.get());
        }

        double seconds = measure.toNanos() / 1e9;
        List<Result> results = new ArrayList<>();
        List<long[]> all = new ArrayList<>();
        long allErrors = 0;
        for (int e = 0; e < endpoints.size(); e++) {
            long errors = 0;
            List<long[]> parts = new ArrayList<>();
            for (Samples[] thread : samples) {
                parts.add(Arrays.copyOf(thread[e].values, thread[e].size));
                errors += thread[e].errors;
            }
            long[] merged = concat(parts);
            all.add(merged);
            allErrors += errors;
            double[] before = serverBefore.getOrDefault(endpoints.get(e).route(), new double[2]);
            double[] after = serverAfter.getOrDefault(endpoints.get(e).route(), new double[2]);
            Double serverMean = after[0] > before[0] ? (after[1] - before[1]) / (after[0] - before[0]) * 1e3 : null;
            results.add(summarise(endpoints.get(e).name(), merged, seconds, errors, serverMean));
        }
        results.add(summarise("all endpoints", concat(all), seconds, allErrors, null));
        return results;
    }

    private static void loop(
            ServerLoadApi api,
            List<Endpoint> endpoints,
            int first,
            Samples[] samples,
            long firstSend,
            long interval,
            long measureFrom,
            long end,
            AtomicReference<String> firstError) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (long n = first, k = 0; ; n++, k++) {
            long scheduled = interval == 0 ? System.nanoTime() : firstSend + k * interval;
            if (scheduled >= end) {
                return;
            }
            waitUntil(scheduled);
            int e = (int) (n % endpoints.size());
            List<HttpRequest> choices = endpoints.get(e).requests();
            HttpRequest request = choices.get(random.nextInt(choices.size()));
            String error = null;
            try {
                HttpResponse<byte[]> response = api.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    error = request.uri().getPath() + " answered " + response.statusCode();
                }
            } catch (IOException ex) {
                error = request.uri().getPath() + ": " + ex;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            long took = System.nanoTime() - scheduled;
            if (scheduled < measureFrom) {
                continue; // warm-up: JIT, connection set-up, SQLite caches
            }
            if (error == null) {
                samples[e].add(took);
            } else {
                samples[e].errors++;
                firstError.compareAndSet(null, error);
            }
        }
    }

    private static void waitUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static Result summarise(String name, long[] nanos, double seconds, long errors, Double serverMeanMs) {
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
        return new Result(
                name,
                nanos.length,
                nanos.length / seconds,
                mean,
                percentile(nanos, 0.50),
                percentile(nanos, 0.90),
                percentile(nanos, 0.99),
                nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6,
                errors,
                serverMeanMs);
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static long[] concat(List<long[]> parts) {
        long[] out = new long[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
