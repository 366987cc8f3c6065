package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogues;
import io.callintel.server.auth.Authenticator;
import io.callintel.server.auth.Secrets;
import io.callintel.server.http.TestServer.Reply;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server killed mid-processing (SIGKILL to its own process, as in a crash) and stopped
 * mid-processing (a graceful stop): after a restart on the same data directory, each recording
 * completes on its own.
 */
class RestartTest {

    private static final Pattern SERVING = Pattern.compile("serving http://[^:]+:(\\d+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void recordingsInterruptedByACrashOrAStopCompleteAfterRestart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path call = Dialogues.generate(Dialogues.LOAN_SALES, CallFormat.MONO_16K, dir).file();
        String org = UUID.randomUUID().toString();

        Server first = Server.start(data);
        String token = Authenticator.mint(Secrets.inDataDirectory(data), org, Duration.ofHours(1), Clock.systemUTC());
        String crashed = upload(first, token, call);
        awaitClaimed(first, token, org, crashed);
        first.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs

        Server second = Server.start(data);
        JsonNode done = awaitState(second, token, org, crashed, "ANALYSIS_COMPLETED");
        assertTrue(done.path("attempts").asInt() >= 2, "processed again after the crash: " + done);

        second.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        // A graceful stop (what SIGTERM triggers through the shutdown hook), in process so the test sees it through:
        // the recording in flight goes back to the queue and the next start completes it.
        TestServer third = TestServer.start(data, Duration.ZERO); // no grace: the recording is interrupted
        String stopped;
        try {
            stopped = upload(new Server(null, third.base, new StringBuffer(), null), token, call);
            awaitClaimed(new Server(null, third.base, new StringBuffer(), null), token, org, stopped);
        } finally {
            third.server.close();
        }
        TestServer fourth = TestServer.start(data);
        try {
            Server view = new Server(null, fourth.base, new StringBuffer(), null);
            JsonNode resumed = awaitState(view, token, org, stopped, "ANALYSIS_COMPLETED");
            List<String> states = new ArrayList<>();
            resumed.path("processing_history").forEach(step -> states.add(step.path("state").asText()));
            assertEquals(List.of("AWAITING_UPLOAD", "INITIATED", "TRANSCRIPTION_COMPLETED", "ANALYSIS_COMPLETED"), states);
            assertEquals(2, resumed.path("attempts").asInt(), "interrupted once, then completed: " + resumed);
            assertEquals("ANALYSIS_COMPLETED", details(view, token, org, crashed).path("state").asText(),
                    "completed work stays completed");
        } finally {
            fourth.server.close();
        }
    }

    private String upload(Server server, String token, Path call) throws Exception {
        String body = TestServer.linkRequest(call, "audio/wav", null).toString();
        Reply link = send(server, HttpRequest.newBuilder(URI.create(server.base + ApiServer.BASE + "/acme/default/create-upload-link"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(201, link.status(), link.body());
        Reply put = send(server, HttpRequest.newBuilder(URI.create(link.json().path("upload_url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofFile(call)).build());
        assertEquals(200, put.status(), put.body());
        return link.json().path("recording_uuid").asText();
    }

    /** Waits until a worker has taken the recording (its first attempt started) and is still on it. */
    private void awaitClaimed(Server server, String token, String org, String recording) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode details = details(server, token, org, recording);
            if (details.path("attempts").asInt() >= 1) {
                assertTrue(details.path("state").asText().equals("INITIATED"), "still transcribing: " + details);
                Thread.sleep(500);
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no worker took " + recording);
    }

    private JsonNode awaitState(Server server, String token, String org, String recording, String state) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode details;
        do {
            details = details(server, token, org, recording);
            if (details.path("state").asText().equals(state)) {
                return details;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("not " + state + " in time: " + details + "\n" + server.output());
    }

    private JsonNode details(Server server, String token, String org, String recording) throws Exception {
        String body = TestServer.JSON.createObjectNode().put("org_uuid", org).put("recording_uuid", recording).toString();
        return send(server, HttpRequest.newBuilder(URI.create(server.base + ApiServer.BASE + "/org-usecases/get-recording-details"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build()).json();
    }

    private Reply send(Server server, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), TestServer.JSON.readTree(response.body()), response);
    }

    /** {@code callintel serve} in a child JVM on this test's class path, on a free port. */
    private record Server(Process process, String base, StringBuffer log, Thread reader) {

        static Server start(Path data) throws Exception {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), "io.callintel.server.cli.Main", "serve",
                    "--port", "0", "--host", "127.0.0.1", "--data", data.toString(), "--workers", "1", "--threads", "2",
                    "--shutdown-grace", "1",
                    "--vosk-model", TestServer.models().voskModel().toString(),
                    "--embedding-model", TestServer.models().embeddingModel().toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            StringBuffer log = new StringBuffer();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        log.append(line).append('\n');
                        Matcher serving = SERVING.matcher(line);
                        if (serving.find()) {
                            port.complete(Integer.parseInt(serving.group(1)));
                        }
                    }
                } catch (Exception e) {
                    // the process ended
                }
                port.completeExceptionally(new AssertionError("the server stopped before serving:\n" + log));
            });
            reader.setDaemon(true);
            reader.start();
            return new Server(process, "http://127.0.0.1:" + port.get(2, TimeUnit.MINUTES), log, reader);
        }

        String output() {
            return log.toString();
        }
    }
}
