package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callintel.server.auth.Authenticator;
import io.callintel.server.data.DataDirectory;
import io.callintel.server.http.TestServer.Reply;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogues;
import io.callintel.testing.ServeProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server killed mid-processing (SIGKILL to its own process, as in a crash) and stopped
 * mid-processing (a graceful stop): after a restart on the same data directory, each recording
 * completes on its own.
 */
class RestartTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void recordingsInterruptedByACrashOrAStopCompleteAfterRestart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path call = Dialogues.generate(Dialogues.LOAN_SALES, CallFormat.MONO_16K, dir)
                .file();
        String org = UUID.randomUUID().toString();

        ServeProcess first = serve(data);
        String token =
                Authenticator.mint(new DataDirectory(data).secrets(), org, Duration.ofHours(1), Clock.systemUTC());
        String crashed = upload(first.base(), token, call);
        awaitClaimed(first.base(), token, org, crashed);
        first.kill(Duration.ofSeconds(30)); // SIGKILL: no shutdown hook runs

        ServeProcess second = serve(data);
        JsonNode done = awaitState(second.base(), second::output, token, org, crashed, "ANALYSIS_COMPLETED");
        assertTrue(done.path("attempts").asInt() >= 2, "processed again after the crash: " + done);

        second.kill(Duration.ofSeconds(30));

        // A graceful stop (what SIGTERM triggers through the shutdown hook), in process so the test sees it through:
        // the recording in flight goes back to the queue and the next start completes it.
        TestServer third = TestServer.start(data, Duration.ZERO); // no grace: the recording is interrupted
        String stopped;
        try {
            stopped = upload(third.base, token, call);
            awaitClaimed(third.base, token, org, stopped);
        } finally {
            third.server.close();
        }
        TestServer fourth = TestServer.start(data);
        try {
            String view = fourth.base;
            JsonNode resumed = awaitState(view, () -> "", token, org, stopped, "ANALYSIS_COMPLETED");
            List<String> states = new ArrayList<>();
            resumed.path("processing_history")
                    .forEach(step -> states.add(step.path("state").asText()));
            assertEquals(
                    List.of("AWAITING_UPLOAD", "INITIATED", "TRANSCRIPTION_COMPLETED", "ANALYSIS_COMPLETED"), states);
            assertEquals(
                    1,
                    resumed.path("attempts").asInt(),
                    "interrupted by a stop (not counted: not the recording's fault), then completed: " + resumed);
            assertEquals(
                    "ANALYSIS_COMPLETED",
                    details(view, token, org, crashed).path("state").asText(),
                    "completed work stays completed");
        } finally {
            fourth.server.close();
        }
    }

    private String upload(String server, String token, Path call) throws Exception {
        String body = TestServer.linkRequest(call, "audio/wav", null).toString();
        Reply link =
                send(HttpRequest.newBuilder(URI.create(server + ApiServer.BASE + "/acme/default/create-upload-link"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        assertEquals(201, link.status(), link.body());
        Reply put = send(
                HttpRequest.newBuilder(URI.create(link.json().path("upload_url").asText()))
                        .PUT(HttpRequest.BodyPublishers.ofFile(call))
                        .build());
        assertEquals(200, put.status(), put.body());
        return link.json().path("recording_uuid").asText();
    }

    /** Waits until a worker has taken the recording (its first attempt started) and is still on it. */
    private void awaitClaimed(String server, String token, String org, String recording) throws Exception {
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

    /** @param log what the server printed, for the failure message */
    private JsonNode awaitState(
            String server, Supplier<String> log, String token, String org, String recording, String state)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode details;
        do {
            details = details(server, token, org, recording);
            if (details.path("state").asText().equals(state)) {
                return details;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("not " + state + " in time: " + details + "\n" + log.get());
    }

    private JsonNode details(String server, String token, String org, String recording) throws Exception {
        String body = TestServer.JSON
                .createObjectNode()
                .put("org_uuid", org)
                .put("recording_uuid", recording)
                .toString();
        return send(HttpRequest.newBuilder(URI.create(server + ApiServer.BASE + "/org-usecases/get-recording-details"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build())
                .json();
    }

    private Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), TestServer.JSON.readTree(response.body()), response);
    }

    /** {@code callintel serve} in a child JVM on this test's class path, on a free port. */
    private static ServeProcess serve(Path data) {
        return ServeProcess.start(
                ServeProcess.commandLine(
                        "1g",
                        List.of(
                                "serve",
                                "--port",
                                "0",
                                "--host",
                                "127.0.0.1",
                                "--data",
                                data.toString(),
                                "--workers",
                                "1",
                                "--threads",
                                "2",
                                "--shutdown-grace",
                                "1",
                                "--vosk-model",
                                TestServer.models().voskModel().toString(),
                                "--embedding-model",
                                TestServer.models().embeddingModel().toString())),
                Duration.ofMinutes(2));
    }
}
