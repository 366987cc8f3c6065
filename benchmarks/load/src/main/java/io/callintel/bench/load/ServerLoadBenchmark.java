package io.callintel.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load generator for the HTTP server (issue 5): starts the real server ({@code ./callintel serve
 * --workers 0}) as a child process on loopback, then measures
 * <ol>
 *   <li>metadata endpoint latency under 64 concurrent connections (target p99 &lt; 10 ms): flat out (closed
 *       loop: the throughput, and the latency of a saturated server) and at fixed request rates (open loop:
 *       the latency clients see at that load),</li>
 *   <li>presigned upload throughput of a 100 MB WAV (target median &ge; 300 MB/s),</li>
 *   <li>server resident memory and heap during 32 concurrent 50 MB uploads, in rounds (target peak RSS &lt; 1 GB),</li>
 * </ol>
 * prints Markdown tables and writes everything as JSON. Not a JMH benchmark: a server under load is
 * measured from outside, by a client sharing the machine, so the report also says how the cores were split.
 *
 * <pre>$JAVA_HOME/bin/java -cp benchmarks/target/benchmarks.jar io.callintel.bench.ServerLoadBenchmark \
 *     [--out benchmarks/target/server-load.json] [--callintel ./callintel] [--connections 64] [--warmup-s 5]
 *     [--duration-s 20] [--rates 500,1000,2000,3000] [--upload-mb 100] [--upload-runs 9] [--memory-uploads 32] [--memory-mb 50] [--memory-rounds 3]
 *     [--db postgresql://... (an empty database: the metadata endpoints on the PostgreSQL store)]</pre>
 */
public final class ServerLoadBenchmark {

    record Options(
            String out,
            String launcher,
            int connections,
            int warmupSeconds,
            int durationSeconds,
            List<Integer> rates,
            int uploadMb,
            int uploadRuns,
            int memoryUploads,
            int memoryMb,
            int memoryRounds,
            String database) {}

    /** Everything measured, as written to the JSON file. */
    record Results(
            String started,
            Options options,
            ServerLoadProc.Machine machine,
            List<ServerLoadLatency.Result> latency,
            ServerLoadProc.CpuShare latencyCpu,
            List<RateRun> openLoop,
            List<ServerLoadUploads.UploadRun> uploads,
            double uploadMedianMbPerSecond,
            ServerLoadProc.CpuShare uploadCpu,
            double diskWriteFsyncMbPerSecond,
            List<ServerLoadUploads.MemoryRound> memory,
            ServerLoadProc.CpuShare memoryCpu,
            double idleRssMib) {}

    /** The metadata endpoints at one fixed offered rate (open loop). */
    record RateRun(int offeredPerSecond, List<ServerLoadLatency.Result> latency, ServerLoadProc.CpuShare cpu) {}

    private ServerLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        Path temp = Files.createTempDirectory("callintel-server-load-");
        AtomicBoolean cleaned = new AtomicBoolean();
        ServerLoadServer[] server = new ServerLoadServer[1];
        // Ctrl-C or a failure must not leave a server running or gigabytes of uploads behind.
        Runnable cleanup = () -> {
            if (cleaned.compareAndSet(false, true)) {
                if (server[0] != null) {
                    server[0].close();
                }
                delete(temp);
            }
        };
        Thread hook = new Thread(cleanup, "cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Results results = run(options, temp, server);
            System.out.println(ServerLoadReport.markdown(results));
            Path out = Path.of(options.out()).toAbsolutePath();
            Files.createDirectories(out.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
            System.err.println("wrote " + options.out());
        } catch (Exception e) {
            if (server[0] != null) {
                System.err.println("server log tail:\n" + server[0].tail());
            }
            throw e;
        } finally {
            cleanup.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down (Ctrl-C): the hook has run or is running
            }
        }
    }

    private static Results run(Options o, Path temp, ServerLoadServer[] server) throws Exception {
        String started = Instant.now().toString();
        Path data = temp.resolve("data");
        String org = UUID.randomUUID().toString();
        System.err.println("temp dir " + temp + "; minting a token (the launcher builds the server on first use)");
        Path launcher = Path.of(o.launcher());
        // With --db the stores are PostgreSQL's, as on the API nodes of a deployment of many.
        List<String> database = o.database().isEmpty() ? List.of() : List.of("--db", o.database());
        String token = ServerLoadServer.token(launcher, data, org, database); // creates the signing secret first
        List<String> serve = new ArrayList<>(List.of("--workers", "0"));
        serve.addAll(database);
        server[0] = ServerLoadServer.start(launcher, data, temp.resolve("server.log"), serve);
        ServerLoadServer s = server[0];
        long pid = s.javaPid;
        ServerLoadApi api = new ServerLoadApi(s.host, s.port, token, org);
        ServerLoadProc.Machine machine = ServerLoadProc.machine(s.javaCommand());
        double idleRss = ServerLoadProc.statusMib(pid, "VmRSS");
        System.err.printf("server pid %d on port %d, RSS %.0f MiB; %s%n", pid, s.port, idleRss, machine);

        System.err.println("writing the test WAVs");
        Path big = temp.resolve("upload-" + o.uploadMb() + "mb.wav");
        Path medium = temp.resolve("upload-" + o.memoryMb() + "mb.wav");
        ServerLoadWav.write(big, o.uploadMb() * 1_000_000L);
        ServerLoadWav.write(medium, o.memoryMb() * 1_000_000L);

        System.err.println("creating use cases and upload links");
        List<ServerLoadLatency.Endpoint> endpoints = endpoints(api, 3, 20);
        System.err.printf(
                "latency: %d connections, %d s warm-up + %d s%n",
                o.connections(), o.warmupSeconds(), o.durationSeconds());
        var before = ServerLoadProc.cpu(pid);
        List<ServerLoadLatency.Result> latency = ServerLoadLatency.run(
                api,
                endpoints,
                o.connections(),
                Duration.ofSeconds(o.warmupSeconds()),
                Duration.ofSeconds(o.durationSeconds()));
        var latencyCpu = ServerLoadProc.between(before, ServerLoadProc.cpu(pid));
        requireAlive(s);
        List<RateRun> openLoop = new ArrayList<>();
        for (int rate : o.rates()) {
            System.err.printf(
                    "latency: %d connections at %d requests/s, %d s warm-up + %d s%n",
                    o.connections(), rate, o.warmupSeconds(), o.durationSeconds());
            before = ServerLoadProc.cpu(pid);
            List<ServerLoadLatency.Result> atRate = ServerLoadLatency.runAtRate(
                    api,
                    endpoints,
                    o.connections(),
                    rate,
                    Duration.ofSeconds(o.warmupSeconds()),
                    Duration.ofSeconds(o.durationSeconds()));
            openLoop.add(new RateRun(rate, atRate, ServerLoadProc.between(before, ServerLoadProc.cpu(pid))));
            requireAlive(s);
        }

        String useCase = api.createUseCase("Upload test");
        System.err.printf("upload throughput: %d x %d MB%n", o.uploadRuns(), o.uploadMb());
        before = ServerLoadProc.cpu(pid);
        List<ServerLoadUploads.UploadRun> uploads = ServerLoadUploads.throughput(api, useCase, big, o.uploadRuns());
        var uploadCpu = ServerLoadProc.between(before, ServerLoadProc.cpu(pid));
        double median = median(uploads.stream()
                .mapToDouble(ServerLoadUploads.UploadRun::mbPerSecond)
                .toArray());
        double disk = ServerLoadUploads.diskBaseline(big, temp, 3);
        System.err.printf("  disk yardstick (copy + fsync in the temp dir): %.0f MB/s%n", disk);
        requireAlive(s);

        System.err.printf(
                "memory: %d rounds of %d concurrent %d MB uploads%n",
                o.memoryRounds(), o.memoryUploads(), o.memoryMb());
        before = ServerLoadProc.cpu(pid);
        List<ServerLoadUploads.MemoryRound> memory = new ArrayList<>();
        for (int round = 1; round <= o.memoryRounds(); round++) {
            memory.add(ServerLoadUploads.memoryRound(
                    api, pid, s.javaCommand(), useCase, medium, o.memoryUploads(), round));
        }
        var memoryCpu = ServerLoadProc.between(before, ServerLoadProc.cpu(pid));
        requireAlive(s);
        return new Results(
                started,
                o,
                machine,
                latency,
                latencyCpu,
                openLoop,
                uploads,
                median,
                uploadCpu,
                disk,
                memory,
                memoryCpu,
                idleRss);
    }

    /**
     * The five metadata endpoints, each with its concrete requests: {@code useCases} use cases with
     * {@code recordingsEach} recordings (upload links; the files are never sent) so that lists and
     * counts have something to read.
     */
    private static List<ServerLoadLatency.Endpoint> endpoints(ServerLoadApi api, int useCases, int recordingsEach)
            throws Exception {
        String base = ServerLoadApi.BASE;
        List<HttpRequest> getUseCase = new ArrayList<>(),
                list = new ArrayList<>(),
                details = new ArrayList<>(),
                counts = new ArrayList<>();
        for (int u = 0; u < useCases; u++) {
            String useCase = api.createUseCase("Loan offer outreach " + (u + 1));
            getUseCase.add(api.get(base + "/usecase/" + useCase));
            list.add(api.post(
                    base + "/org-usecases/recordings",
                    api.object().put("usecase_uuid", useCase).put("page", 1).put("limit", 10)));
            counts.add(api.post(
                    base + "/org-usecases/analytics/summary-counts",
                    api.object().put("org_uuid", api.org).put("usecase_uuid", useCase)));
            for (int r = 0; r < recordingsEach; r++) {
                String recording = api.createUploadLink(useCase, "call-" + u + "-" + r + ".wav", 480_044)
                        .recordingUuid();
                details.add(api.post(
                        base + "/org-usecases/get-recording-details",
                        api.object()
                                .put("org_uuid", api.org)
                                .put("usecase_uuid", useCase)
                                .put("recording_uuid", recording)));
            }
        }
        List<ServerLoadLatency.Endpoint> endpoints = List.of(
                new ServerLoadLatency.Endpoint(
                        "GET /usecase/{id}", "GET " + base + "/usecase/{usecase_uuid}", getUseCase),
                new ServerLoadLatency.Endpoint(
                        "GET /org-usecases/{org}",
                        "GET " + base + "/org-usecases/{org_uuid}",
                        List.of(api.get(base + "/org-usecases/" + api.org))),
                new ServerLoadLatency.Endpoint(
                        "POST /org-usecases/recordings", "POST " + base + "/org-usecases/recordings", list),
                new ServerLoadLatency.Endpoint(
                        "POST /org-usecases/get-recording-details",
                        "POST " + base + "/org-usecases/get-recording-details",
                        details),
                new ServerLoadLatency.Endpoint(
                        "POST /org-usecases/analytics/summary-counts",
                        "POST " + base + "/org-usecases/analytics/summary-counts",
                        counts));
        for (ServerLoadLatency.Endpoint endpoint : endpoints) {
            api.call(endpoint.requests().get(0), 200); // fail now, not 20 s later, if a request is wrong
        }
        return endpoints;
    }

    private static void requireAlive(ServerLoadServer server) {
        if (!server.alive()) {
            throw new IllegalStateException("the server exited during the benchmark");
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Options parse(String[] args) {
        String out = "benchmarks/target/server-load.json";
        String launcher = "./callintel";
        List<Integer> rates = List.of(500, 1000, 2000, 3000);
        int connections = 64,
                warmup = 5,
                duration = 20,
                uploadMb = 100,
                uploadRuns = 9,
                memoryUploads = 32,
                memoryMb = 50,
                memoryRounds = 3;
        String database = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = args[++i];
                case "--callintel" -> launcher = args[++i];
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--warmup-s" -> warmup = Integer.parseInt(args[++i]);
                case "--duration-s" -> duration = Integer.parseInt(args[++i]);
                case "--rates" -> rates = rates(args[++i]);
                case "--upload-mb" -> uploadMb = Integer.parseInt(args[++i]);
                case "--upload-runs" -> uploadRuns = Integer.parseInt(args[++i]);
                case "--memory-uploads" -> memoryUploads = Integer.parseInt(args[++i]);
                case "--memory-mb" -> memoryMb = Integer.parseInt(args[++i]);
                case "--memory-rounds" -> memoryRounds = Integer.parseInt(args[++i]);
                case "--db" -> database = args[++i];
                default -> {
                    System.err.println("unknown option " + args[i] + "\nusage: ServerLoadBenchmark"
                            + " [--out FILE.json] [--callintel PATH] [--connections 64] [--warmup-s 5] [--duration-s 20]"
                            + " [--rates 500,1000,2000,3000 (open-loop request rates; empty for none)]"
                            + " [--upload-mb 100] [--upload-runs 9] [--memory-uploads 32] [--memory-mb 50] [--memory-rounds 3]"
                            + " [--db postgresql://... (an empty database: the PostgreSQL store)]");
                    System.exit(2);
                }
            }
        }
        if (uploadMb > 104 || memoryMb > 104) {
            throw new IllegalArgumentException(
                    "the server accepts files up to 104857600 bytes: use --upload-mb/--memory-mb <= 104");
        }
        if (rates.stream().anyMatch(rate -> rate <= 0)) {
            throw new IllegalArgumentException("--rates: request rates must be positive, got " + rates);
        }
        return new Options(
                out,
                Path.of(launcher).toAbsolutePath().toString(),
                connections,
                warmup,
                duration,
                rates,
                uploadMb,
                uploadRuns,
                memoryUploads,
                memoryMb,
                memoryRounds,
                database);
    }

    /** "500,1000" -> [500, 1000]; "" -> none. */
    private static List<Integer> rates(String list) {
        return list.isBlank()
                ? List.of()
                : Arrays.stream(list.split(","))
                        .map(String::trim)
                        .map(Integer::valueOf)
                        .toList();
    }

    private static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
