package io.callintel.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code callintel serve} in a child process: ready once it prints its {@code serving http://HOST:PORT} line,
 * with everything it writes (stdout and stderr together) kept for assertions.
 */
public final class ServeProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("serving http://[^:]+:(\\d+)");

    private final Process process;
    private final StringBuffer output;
    private final Thread reader;
    private final int port;

    private ServeProcess(Process process, StringBuffer output, Thread reader, int port) {
        this.process = process;
        this.output = output;
        this.reader = reader;
        this.port = port;
    }

    /**
     * The command line in a child JVM on this JVM's own class path ({@code java -XmxHEAP -cp ... Main ARGS}): the
     * server as the tests built it, without the distribution.
     */
    public static ProcessBuilder commandLine(String maxHeap, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + maxHeap,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "io.callintel.server.cli.Main"));
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    /** Starts the command and waits until it serves. @throws AssertionError when it ends or times out first */
    public static ServeProcess start(ProcessBuilder command, Duration timeout) {
        Process process;
        try {
            process = command.redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.command(), e);
        }
        StringBuffer output = new StringBuffer();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = lines.readLine()) != null; ) {
                            output.append(line).append('\n');
                            Matcher serving = SERVING.matcher(line);
                            if (serving.find()) {
                                port.complete(Integer.parseInt(serving.group(1)));
                            }
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                    port.completeExceptionally(new AssertionError("serve ended before serving:\n" + output));
                },
                "serve-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServeProcess(process, output, reader, port.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("serve did not serve within " + timeout + ":\n" + output, e);
        } catch (ExecutionException e) {
            throw (AssertionError) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}: the address of a server bound to the loopback interface. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    /** Everything written so far; all of it once {@link #stop} or {@link #kill} has returned. */
    public String output() {
        return output.toString();
    }

    /** SIGTERM, the graceful path. @return whether it ended within the timeout */
    public boolean stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitEnd(timeout);
    }

    /** SIGKILL: no shutdown hook runs. */
    public void kill(Duration timeout) throws InterruptedException {
        process.destroyForcibly();
        awaitEnd(timeout);
    }

    private boolean awaitEnd(Duration timeout) throws InterruptedException {
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        reader.join(5_000);
        return ended;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
