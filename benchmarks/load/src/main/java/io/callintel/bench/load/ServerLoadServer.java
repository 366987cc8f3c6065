package io.callintel.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server, started through the repository's {@code ./callintel} launcher as a child process,
 * exactly as an operator would start it; {@code --workers 0} so that uploads are accepted and stored but
 * never transcribed, leaving the CPU to HTTP.
 */
final class ServerLoadServer implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("callintel: serving http://([^:\\s]+):(\\d+)");
    /** The launcher builds the distribution on first use (Maven, minutes on a cold machine). */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(20);

    private final Process process;
    private final CompletableFuture<Integer> ready = new CompletableFuture<>();
    /** The server's last stderr lines, shown when it fails. */
    private final Deque<String> tail = new ArrayDeque<>();

    final String host;
    final int port;
    final long javaPid;

    private ServerLoadServer(Path launcher, Path data, String host, Path log, List<String> args)
            throws IOException, InterruptedException {
        this.host = host;
        List<String> command = new ArrayList<>(List.of(
                launcher.toString(),
                "serve",
                "--port",
                "0",
                "--host",
                host,
                "--data",
                data.toString(),
                // The load is the measurement: the per-key and per-organization rate limits would cap it.
                "--rate-per-key",
                "0",
                "--rate-per-org",
                "0"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(log.resolveSibling("server-stdout.log").toFile());
        this.process = builder.start();
        Thread pump = new Thread(() -> pump(log), "server-stderr");
        pump.setDaemon(true);
        pump.start();
        try {
            this.port = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("the server did not start: " + e.getMessage() + "\n" + tail(), e);
        }
        this.javaPid = findJava(process.toHandle());
    }

    /** Starts {@code LAUNCHER serve --workers 0} on a free port and waits until it says it is serving. */
    static ServerLoadServer start(Path launcher, Path data, Path log) throws IOException, InterruptedException {
        return start(launcher, data, log, List.of("--workers", "0"));
    }

    /** Starts {@code LAUNCHER serve ARGS...} on a free port and waits until it says it is serving. */
    static ServerLoadServer start(Path launcher, Path data, Path log, List<String> args)
            throws IOException, InterruptedException {
        return new ServerLoadServer(launcher, data, "127.0.0.1", log, args);
    }

    /** {@code LAUNCHER token --org ORG --data DIR [ARGS...]}: a JWT for the server on that data directory. */
    static String token(Path launcher, Path data, String org) throws IOException, InterruptedException {
        return token(launcher, data, org, List.of());
    }

    static String token(Path launcher, Path data, String org, List<String> args)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(launcher.toString(), "token", "--org", org, "--data", data.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT) // the first run's build progress shows up
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0 || out.chars().filter(c -> c == '.').count() != 2) {
            throw new IllegalStateException("callintel token failed (exit " + p.exitValue() + "): " + out);
        }
        return out;
    }

    /** The server's java executable, for the report. */
    String javaCommand() {
        return ProcessHandle.of(javaPid).flatMap(h -> h.info().command()).orElse("unknown");
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Copies stderr to the log file, remembers the tail, and completes {@link #ready} on the "serving" line. */
    private void pump(Path log) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.removeFirst();
                    }
                }
                if (!ready.isDone()) {
                    System.err.println("  [server] " + line); // build progress and start-up messages only
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        ready.complete(Integer.parseInt(m.group(2)));
                    }
                }
            }
        } catch (IOException e) {
            // the stream closes when the process ends; nothing more to copy
        }
        ready.completeExceptionally(new IllegalStateException(
                "the server exited with status " + process.onExit().join().exitValue()));
    }

    String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    /**
     * The launcher execs java, so normally the child is the JVM itself; should a launcher keep a shell
     * in between, the JVM is its java descendant.
     */
    private static long findJava(ProcessHandle child) {
        if (isJava(child)) {
            return child.pid();
        }
        return child.descendants()
                .filter(ServerLoadServer::isJava)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no java process under the launcher " + child.pid()))
                .pid();
    }

    private static boolean isJava(ProcessHandle h) {
        return h.info().command().map(c -> c.endsWith("/java")).orElse(false);
    }

    /** SIGTERM (the server stops gracefully), then SIGKILL after 40 s; descendants too, should a build be running. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
