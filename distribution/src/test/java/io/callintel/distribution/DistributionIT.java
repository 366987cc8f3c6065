package io.callintel.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.testing.LibriVox;
import io.callintel.testing.ServeProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball as an operator gets it: unpacked in a folder outside the checkout and run with nothing but a
 * Java runtime (no Maven, no source tree, no CALLINTEL_* settings from the build's environment).
 */
class DistributionIT {

    private static final long MAX_TARBALL_BYTES = 150L * 1024 * 1024;

    @TempDir
    static Path folder;

    private static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("callintel.tarball"));
        assertTrue(Files.isRegularFile(tarball), tarball + " was not built");
        long size = Files.size(tarball);
        System.out.printf("%s: %.1f MB%n", tarball.getFileName(), size / 1e6);
        assertTrue(size < MAX_TARBALL_BYTES, "the tarball is " + size + " bytes, over 150 MB");
        Path unpacked = Files.createDirectories(folder.resolve("opt"));
        assertEquals(
                0,
                run(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()), folder)
                        .exit());
        String name = tarball.getFileName().toString().replace(".tar.gz", "");
        home = unpacked.resolve(name);
        for (String part : List.of(
                "bin/callintel",
                "bin/jdk.sh",
                "conf/callintel.properties",
                "callintel.service",
                "Containerfile",
                "compose.yaml",
                "callintel-worker.service",
                "models/vosk-model-en-us",
                "models/e5-small-v2-q/model.onnx",
                "lib")) {
            assertTrue(Files.exists(home.resolve(part)), part + " is missing from the tarball");
        }
        assertTrue(Files.isExecutable(home.resolve("bin/callintel")));
    }

    @Test
    void probeDecodesARecordingWithTheBundledRuntimeOnly() throws Exception {
        Path clip = LibriVox.clips(Files.createDirectories(folder.resolve("clips")))
                .getFirst()
                .wav();
        Result probe = run(List.of(home.resolve("bin/callintel").toString(), "probe", clip.toString()), folder);
        assertEquals(0, probe.exit(), probe.out());
        assertTrue(
                probe.out().contains("\"codec\":\"pcm_s16le\"") && probe.out().contains("\"duration\":7.1"),
                probe.out());

        Result models = run(List.of(home.resolve("bin/callintel").toString(), "models"), folder);
        assertEquals(0, models.exit(), models.out());
        assertTrue(
                models.out().contains(home.resolve("models/vosk-model-en-us").toString()),
                "models from the tarball: " + models.out());
    }

    @Test
    void serveAnswersHealthAndStopsOnSigterm() throws Exception {
        Path work = Files.createDirectories(folder.resolve("work"));
        String output;
        try (ServeProcess serve = ServeProcess.start(
                command(
                        List.of(
                                home.resolve("bin/callintel").toString(),
                                "serve",
                                "--port",
                                "0",
                                "--host",
                                "127.0.0.1",
                                "--workers",
                                "1"),
                        work),
                Duration.ofMinutes(2))) {
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(serve.base() + "/health"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"ok\""), health.body());
            assertTrue(Files.isRegularFile(work.resolve("data/callintel.db")), "./data under the working directory");
            assertTrue(serve.stop(Duration.ofSeconds(60)), "serve did not stop on SIGTERM:\n" + serve.output());
            output = serve.output();
        }
        System.out.print(output);
        assertTrue(output.contains("GET /health 200"), "an access-log line for the request:\n" + output);
        assertTrue(!output.contains("jdk.incubator.vector"), "no Lucene vector warning:\n" + output);
        assertTrue(!output.contains("SLF4J"), "a logging backend is bound:\n" + output);
    }

    /** A finished command: its exit status and standard output. */
    private record Result(int exit, String out) {}

    private static Result run(List<String> command, Path directory) throws Exception {
        Process process = command(command, directory)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        process.getOutputStream().close();
        // Read while it runs, so that a full pipe never blocks it.
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), command + " did not finish");
        return new Result(process.exitValue(), out.join());
    }

    /** Only a Java runtime: this JVM's, named by JAVA_HOME; nothing of the build's CALLINTEL_* environment. */
    private static ProcessBuilder command(List<String> command, Path directory) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CALLINTEL_") || name.startsWith("MAVEN"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }
}
