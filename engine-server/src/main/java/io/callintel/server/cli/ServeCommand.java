package io.callintel.server.cli;

import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.config.ModelPaths;
import io.callintel.server.app.CallintelServer;
import io.callintel.server.app.Cluster;
import io.callintel.server.app.ServerConfig;
import io.callintel.server.http.Limits;
import io.callintel.server.http.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code callintel serve}: the HTTP API, with processing workers, until stopped (Ctrl-C or SIGTERM). */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the Call Intelligence HTTP API (base path /v1alpha/callintel) with its processing workers.",
            "Everything is kept in the data directory: callintel.db (SQLite), audio/, index/ (Lucene), secret.key.",
            "Stops gracefully on Ctrl-C or SIGTERM: requests in flight finish, recordings in flight finish within",
            "the grace period or are re-queued for the next start.",
            "Any option not given as a flag is taken from the environment variable CALLINTEL_<NAME> (--max-attempts:",
            "CALLINTEL_MAX_ATTEMPTS), else from the config file's key <name> (max-attempts), else its default."
        },
        footerHeading = "%nEnvironment%n",
        footer = {
            "CALLINTEL_JWT_SECRET      HS256 secret (32+ bytes) instead of the data directory's secret.key",
            "CALLINTEL_JWT_PUBLIC_KEY  PEM file of an RSA public key: RS256 tokens signed by its private key are accepted"
        })
final class ServeCommand implements Callable<Integer> {

    private final Supplier<AudioDecoder> decoders;
    private final Supplier<ModelPaths> models;
    private final PrintWriter err;
    private final Optional<Role> only;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "./data",
            description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "A PostgreSQL database shared by many nodes (postgresql://user:password@host:port/database):"
                    + " metadata, queue, API keys and the signing secret live there (default: the data directory's"
                    + " SQLite database).")
    String database;

    @Mixin
    BlobFlags blobs;

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            defaultValue = "all",
            description = "api (requests and uploads, no recognition), worker (processes the queue; answers /health and"
                    + " /metrics only) or all (both; default). Many of each share one --db and --blobs.")
    String role;

    @Option(
            names = "--retention-days",
            paramLabel = "DAYS",
            description = "Recordings older than this are deleted (audio, transcript, analytics, search entries), for"
                    + " organizations that set no retention_days of their own (default: kept for good).")
    Integer retentionDays;

    @Option(
            names = "--node-id",
            paramLabel = "NAME",
            description = "This node's name in claims and /health (default: the machine's name).")
    String nodeId;

    @Option(
            names = "--lease-seconds",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "How long a worker's claim holds without its heartbeat (every third of it); past it, another"
                    + " worker takes the recording over (default: ${DEFAULT-VALUE}).")
    int leaseSeconds;

    @Option(
            names = "--workers",
            paramLabel = "N",
            description =
                    "Recordings processed at once (default: one per core; 0 = accept uploads only, process none).")
    Integer workers;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Recognition threads shared by all recordings (default: one per core).")
    Integer threads;

    @Mixin
    RecognizerFlags recognizers;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description =
                    "How clients reach this server, for presigned URLs (default: http://HOST:PORT of the bind address; the"
                            + " machine's name when bound to all addresses; never a request's Host header).")
    String publicUrl;

    @Option(
            names = "--max-attempts",
            defaultValue = "3",
            description = "Processing attempts per recording before it fails (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(
            names = "--shutdown-grace",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "How long recordings in flight may run on at shutdown (default: ${DEFAULT-VALUE}).")
    int shutdownGrace;

    @Option(
            names = "--max-upload-bytes",
            paramLabel = "BYTES",
            defaultValue = "104857600",
            description = "Largest audio file accepted (default: ${DEFAULT-VALUE}, 100 MB as in the hosted API).")
    long maxUploadBytes;

    @Option(
            names = "--upload-link-ttl",
            paramLabel = "SECONDS",
            defaultValue = "900",
            description = "How long a presigned upload link is valid (default: ${DEFAULT-VALUE}).")
    long uploadLinkSeconds;

    @Option(
            names = "--audio-link-ttl",
            paramLabel = "SECONDS",
            defaultValue = "3600",
            description = "How long a presigned audio URL is valid (default: ${DEFAULT-VALUE}).")
    long audioLinkSeconds;

    @Option(
            names = "--max-call-seconds",
            paramLabel = "SECONDS",
            defaultValue = "14400",
            description = "Longest recording accepted, checked at upload and while decoding; longer ones fail"
                    + " (default: ${DEFAULT-VALUE}, 4 hours).")
    long maxCallSeconds;

    @Option(
            names = "--rate-per-key",
            paramLabel = "N",
            defaultValue = "600",
            description = "API requests one token or API key may make per minute; more get 429 with Retry-After"
                    + " (default: ${DEFAULT-VALUE}; 0: no limit).")
    int ratePerKey;

    @Option(
            names = "--rate-per-org",
            paramLabel = "N",
            defaultValue = "3000",
            description = "API requests all of an organization's credentials may make together per minute"
                    + " (default: ${DEFAULT-VALUE}; 0: no limit).")
    int ratePerOrg;

    @Option(
            names = "--cors-origin",
            paramLabel = "ORIGIN",
            split = ",",
            description = "A web origin (https://host[:port]) whose pages may call the API from a browser; repeat or"
                    + " separate with commas. None by default: the web app at / needs none.")
    java.util.List<String> corsOrigins = new java.util.ArrayList<>();

    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            defaultValue = "info",
            description = "error, warn, info (default: one line per request), debug or trace.")
    String logLevel;

    /** @param only the one role this command runs ({@code callintel worker}); empty: whatever {@code --role} says */
    ServeCommand(Supplier<AudioDecoder> decoders, Supplier<ModelPaths> models, PrintWriter err, Optional<Role> only) {
        this.only = only;
        this.decoders = decoders;
        this.models = models;
        this.err = err;
    }

    private Cluster cluster() {
        try {
            return new Cluster(
                    Optional.ofNullable(database).filter(url -> !url.isBlank()),
                    blobs.location(spec.commandLine()),
                    role(),
                    Optional.ofNullable(nodeId).filter(name -> !name.isBlank()).orElseGet(ServeCommand::hostName),
                    Duration.ofSeconds(leaseSeconds));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The machine's name, made fit for a node name. */
    private static String hostName() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
            return name.isEmpty() ? "local" : name.substring(0, Math.min(64, name.length()));
        } catch (java.net.UnknownHostException e) {
            return "local";
        }
    }

    private Role role() {
        Role chosen;
        try {
            chosen = Role.valueOf(role.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--role must be api, worker or all, got '" + role + "'");
        }
        if (only.isPresent()
                && spec.commandLine().getParseResult().hasMatchedOption("--role")
                && chosen != only.get()) {
            throw new ParameterException(
                    spec.commandLine(), "this command runs --role " + only.get().wireName() + ", not " + role);
        }
        return only.orElse(chosen);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Logging.level(logLevel, spec.commandLine());
        int cores = Runtime.getRuntime().availableProcessors();
        Limits limits;
        try {
            limits = new Limits(
                    maxUploadBytes,
                    Duration.ofSeconds(uploadLinkSeconds),
                    Duration.ofSeconds(audioLinkSeconds),
                    Duration.ofSeconds(maxCallSeconds),
                    ratePerKey,
                    ratePerOrg,
                    corsOrigins);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (retentionDays != null && retentionDays < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--retention-days must be 1 or more, got " + retentionDays);
        }
        ServerConfig config = new ServerConfig(
                data,
                host,
                port,
                workers == null ? cores : workers,
                threads == null ? cores : threads,
                recognizers.replaceAfterSeconds(spec.commandLine()),
                Optional.ofNullable(publicUrl),
                Optional.ofNullable(System.getenv("CALLINTEL_JWT_SECRET")).filter(s -> !s.isBlank()),
                Optional.ofNullable(System.getenv("CALLINTEL_JWT_PUBLIC_KEY"))
                        .filter(s -> !s.isBlank())
                        .map(Path::of),
                models.get(),
                maxAttempts,
                Duration.ofSeconds(2),
                Duration.ofSeconds(shutdownGrace),
                limits,
                Optional.ofNullable(retentionDays),
                cluster());
        CallintelServer server;
        try {
            server = CallintelServer.start(config, decoders.get());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException("cannot start: " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            err.println("callintel: stopping");
                            err.flush();
                            server.close();
                            stopped.countDown();
                        },
                        "callintel-shutdown"));
        err.println("callintel: serving http://" + host + ":" + server.port() + " (data: "
                + data.toAbsolutePath().normalize() + ", " + config.workers() + " workers)");
        err.flush();
        stopped.await();
        return 0;
    }
}
