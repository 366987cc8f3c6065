package io.callintel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A local S3-protocol server for tests: s3rver (installed from the npm registry by the build) on a free port, with
 * one bucket, its objects under a temporary directory. Its credentials are s3rver's fixed ones; stopped on
 * {@link #close}.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "S3RVER";
    public static final String SECRET_KEY = "S3RVER";

    private final Process process;
    private final int port;
    private final Path directory;

    private S3Server(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** Where a module's build installs s3rver (engine-server's does), relative to the module, where its tests run. */
    private static final Path SCRIPT = Path.of("target/s3rver/node_modules/s3rver/bin/s3rver.js");

    /** Starts s3rver as the module's build installed it, with one bucket. */
    public static S3Server start(String bucket) {
        return start(SCRIPT, bucket);
    }

    /** @param script s3rver's {@code bin/s3rver.js} */
    public static S3Server start(Path script, String bucket) {
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException(script + " is missing: the build installs s3rver with npm");
        }
        try {
            Path directory = Files.createTempDirectory("callintel-s3");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder(List.of(
                            "node",
                            script.toString(),
                            "--directory",
                            directory.toString(),
                            "--address",
                            "127.0.0.1",
                            "--port",
                            String.valueOf(port),
                            "--silent",
                            "--configure-bucket",
                            bucket))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("s3rver.log").toFile())
                    .start();
            S3Server server = new S3Server(process, port, directory);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Every object stored, as files under s3rver's directory. */
    public Path directory() {
        return directory;
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3rver exited: " + Files.readString(directory.resolve("s3rver.log")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
        close();
        throw new IllegalStateException("s3rver did not listen on port " + port + " within 30 s");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
