package io.callintel.bench.load;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The multi-node mode measured from outside (issue 18), with {@code ./callintel serve} processes on one PostgreSQL
 * database and one shared audio directory:
 * <ol>
 *   <li>scaling: the same short calls through one worker process, then through two, each with one worker thread
 *       and one recognition thread (target: two process at least 1.8 times the recordings per hour of one);</li>
 *   <li>claim overhead: one worker takes recordings off a queue of {@code --queued} (target: under 5 ms a claim),
 *       read from the worker's own {@code callintel_stage_duration_seconds{stage="claim"}}.</li>
 * </ol>
 * API latency on the PostgreSQL store is {@link ServerLoadBenchmark} with {@code --db}.
 *
 * <pre>$JAVA_HOME/bin/java -cp benchmarks/load/target/benchmarks-load.jar io.callintel.bench.load.ClusterBenchmark \
 *     --db postgresql://USER:PASSWORD@127.0.0.1:5432/EMPTY_DATABASE [--callintel ./callintel] [--calls 48]
 *     [--warmup 8 (calls per worker, untimed)] [--call FILE.wav] [--queued 1000] [--claims 200]</pre>
 */
public final class ClusterBenchmark {

    private static final Pattern CLAIM = Pattern.compile(
            "callintel_stage_duration_seconds\\{(?=[^}]*stage=\"claim\")[^}]*quantile=\"([0-9.]+)\"[^}]*}\\s+(\\S+)");
    private static final Pattern CLAIMS =
            Pattern.compile("callintel_stage_duration_seconds_(count|sum)\\{stage=\"claim\",?}\\s+(\\S+)");

    record Options(String database, Path launcher, int calls, int warmup, Path call, int queued, int claims) {}

    private ClusterBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Path temp = Files.createTempDirectory("callintel-cluster-");
        Path blobs = Files.createDirectories(temp.resolve("shared-audio"));
        String org = UUID.randomUUID().toString();
        List<String> shared = List.of("--db", o.database(), "--blobs", blobs.toString());
        String token = ServerLoadServer.token(o.launcher(), temp.resolve("api"), org, List.of("--db", o.database()));
        List<String> apiArgs = new ArrayList<>(shared);
        apiArgs.addAll(List.of("--role", "api", "--node-id", "api"));
        try (ServerLoadServer api =
                ServerLoadServer.start(o.launcher(), temp.resolve("api"), temp.resolve("api.log"), apiArgs)) {
            ServerLoadApi client = new ServerLoadApi(api.host, api.port, token, org);
            double one = throughput(o, temp, shared, client, 1);
            double two = throughput(o, temp, shared, client, 2);
            System.out.printf(
                    Locale.ROOT, "| workers | recordings/hour |%n|---|---|%n| 1 | %.0f |%n| 2 | %.0f |%n", one, two);
            System.out.printf(Locale.ROOT, "two workers / one: %.2f (target >= 1.8)%n%n", two / one);
            claimOverhead(o, temp, shared, client);
        }
    }

    /** {@code workers} worker processes take {@code calls} recordings: recordings per hour, from upload to the last. */
    private static double throughput(Options o, Path temp, List<String> shared, ServerLoadApi api, int workers)
            throws Exception {
        List<ServerLoadServer> nodes = startWorkers(o, temp, shared, "scale" + workers, workers);
        try {
            // Warm-up: the JIT compiles the hot paths on the first calls, on the other core; steady state is measured.
            String warmUp = api.createUseCase("Warm-up of " + workers + " worker(s)");
            upload(api, warmUp, o.call(), o.warmup() * workers);
            awaitAnalysed(api, warmUp, o.warmup() * workers);
            String useCase = api.createUseCase("Scaling with " + workers + " worker(s)");
            long start = System.nanoTime();
            upload(api, useCase, o.call(), o.calls());
            awaitAnalysed(api, useCase, o.calls());
            double hours = (System.nanoTime() - start) / 3.6e12;
            System.err.printf(Locale.ROOT, "%d worker(s): %d calls in %.1f s%n", workers, o.calls(), hours * 3600);
            return o.calls() / hours;
        } finally {
            nodes.forEach(ServerLoadServer::close);
        }
    }

    /** One worker against a queue of {@code queued} one-second recordings: its claim times. */
    private static void claimOverhead(Options o, Path temp, List<String> shared, ServerLoadApi api) throws Exception {
        Path second = temp.resolve("one-second.wav");
        ServerLoadWav.write(second, 32_000);
        String useCase = api.createUseCase("Claim overhead");
        System.err.printf("queueing %d one-second recordings%n", o.queued());
        upload(api, useCase, second, o.queued());
        List<ServerLoadServer> worker = startWorkers(o, temp, shared, "claims", 1);
        try {
            ServerLoadApi metrics = new ServerLoadApi(worker.get(0).host, worker.get(0).port, "", "");
            double[] claims;
            do {
                Thread.sleep(1000);
                claims = claims(metrics.metrics());
            } while (claims[0] < o.claims());
            String text = metrics.metrics();
            Matcher quantiles = CLAIM.matcher(text);
            System.out.printf(
                    Locale.ROOT,
                    "claims with %d queued: %.0f taken, mean %.2f ms",
                    o.queued(),
                    claims[0],
                    1000 * claims[1] / claims[0]);
            while (quantiles.find()) {
                System.out.printf(
                        Locale.ROOT,
                        ", p%.0f %.2f ms",
                        100 * Double.parseDouble(quantiles.group(1)),
                        1000 * Double.parseDouble(quantiles.group(2)));
            }
            System.out.printf(" (target < 5 ms)%n");
        } finally {
            worker.forEach(ServerLoadServer::close);
        }
    }

    /** count and sum of the claim timer. */
    private static double[] claims(String metrics) {
        double[] result = new double[2];
        Matcher m = CLAIMS.matcher(metrics);
        while (m.find()) {
            result[m.group(1).equals("count") ? 0 : 1] = Double.parseDouble(m.group(2));
        }
        return result;
    }

    private static List<ServerLoadServer> startWorkers(Options o, Path temp, List<String> shared, String name, int n)
            throws IOException, InterruptedException {
        List<ServerLoadServer> nodes = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            List<String> args = new ArrayList<>(shared);
            args.addAll(List.of("--role", "worker", "--node-id", name + "-" + i, "--workers", "1", "--threads", "1"));
            Path data = temp.resolve(name + "-" + i);
            nodes.add(ServerLoadServer.start(o.launcher(), data, temp.resolve(name + "-" + i + ".log"), args));
        }
        return nodes;
    }

    private static void upload(ServerLoadApi api, String useCase, Path file, int count) throws Exception {
        long size = Files.size(file);
        List<CompletableFuture<HttpResponse<String>>> puts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            puts.add(api.upload(api.createUploadLink(useCase, "call-" + i + ".wav", size), file));
            if (puts.size() == 16) { // a few at a time: the API node's disk, not the client, sets the pace
                drain(puts);
            }
        }
        drain(puts);
    }

    private static void drain(List<CompletableFuture<HttpResponse<String>>> puts) {
        for (var put : puts) {
            HttpResponse<String> response = put.join();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
            }
        }
        puts.clear();
    }

    private static void awaitAnalysed(ServerLoadApi api, String useCase, int count) throws Exception {
        HttpRequest done = api.post(
                ServerLoadApi.BASE + "/org-usecases/recordings",
                api.object()
                        .put("usecase_uuid", useCase)
                        .put("state", "ANALYSIS_COMPLETED")
                        .put("limit", 1));
        HttpRequest failed = api.post(
                ServerLoadApi.BASE + "/org-usecases/recordings",
                api.object().put("usecase_uuid", useCase).put("state", "FAILED").put("limit", 1));
        while (api.call(done, 200).path("total").asInt() < count) {
            if (api.call(failed, 200).path("total").asInt() > 0) {
                throw new IllegalStateException("a recording failed: " + api.call(failed, 200));
            }
            Thread.sleep(200);
        }
    }

    private static Options parse(String[] args) {
        String database = null;
        Path launcher = Path.of("./callintel");
        int calls = 48, warmup = 8, queued = 1000, claims = 200;
        Path call = Path.of(
                "engine-testing/src/main/resources/io/callintel/testing/librivox/sense_and_sensibility_01_austen_64kb-0870.wav");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> database = args[++i];
                case "--callintel" -> launcher = Path.of(args[++i]);
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--call" -> call = Path.of(args[++i]);
                case "--queued" -> queued = Integer.parseInt(args[++i]);
                case "--claims" -> claims = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (database == null) {
            throw new IllegalArgumentException("--db postgresql://... (an empty database) is required");
        }
        return new Options(database, launcher.toAbsolutePath(), calls, warmup, call, queued, claims);
    }
}
