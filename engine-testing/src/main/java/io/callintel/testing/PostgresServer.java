package io.callintel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for tests: a fresh cluster from Debian's {@code postgresql} binaries in a temporary
 * directory, on a free local port, trusting local connections; stopped and deleted on {@link #close}. When run as
 * root it runs as the {@code postgres} user, since PostgreSQL refuses root. Needs only the package installed, not
 * its service running.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Path BINARIES = Path.of("/usr/lib/postgresql");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path bin;
    private final Path dir;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** Creates and starts a cluster with one database, {@code callintel}, owned by the user {@code callintel}. */
    public static PostgresServer start() {
        Path bin = binaries();
        try {
            Path dir = Files.createTempDirectory("callintel-postgres");
            if (ROOT) {
                run(List.of("chown", "postgres:postgres", dir.toString()));
            }
            Path cluster = dir.resolve("cluster");
            int port = freePort();
            PostgresServer server = new PostgresServer(bin, dir, port);
            server.asOwner(List.of(
                    bin.resolve("initdb").toString(),
                    "-D",
                    cluster.toString(),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--no-sync"));
            server.asOwner(List.of(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    cluster.toString(),
                    "-l",
                    dir.resolve("server.log").toString(),
                    "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                    "-w",
                    "start"));
            server.sql("CREATE USER callintel PASSWORD 'callintel' CREATEDB");
            server.sql("CREATE DATABASE callintel OWNER callintel");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its {@code callintel} database, as the server's {@code --db} flag takes it. */
    public String url() {
        return url("callintel");
    }

    /** A new, empty database owned by {@code callintel}: one per test keeps tests apart. */
    public String newDatabase() {
        String name = "callintel_" + databases.incrementAndGet();
        sql("CREATE DATABASE " + name + " OWNER callintel");
        return url(name);
    }

    private String url(String database) {
        return "postgresql://callintel:callintel@127.0.0.1:" + port + "/" + database;
    }

    /** Runs one statement as the superuser, through psql. */
    public void sql(String statement) {
        asOwner(List.of(
                bin.resolve("psql").toString(),
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                statement));
    }

    @Override
    public void close() {
        try {
            asOwner(List.of(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    dir.resolve("cluster").toString(),
                    "-m",
                    "immediate",
                    "stop"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }

    private void asOwner(List<String> command) {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static Path binaries() {
        try (Stream<Path> versions = Files.list(BINARIES)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL's server binaries are needed under " + BINARIES
                            + " (Debian: apt-get install postgresql; its service need not run)",
                    e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (process.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            if (process.isAlive() || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + new String(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
