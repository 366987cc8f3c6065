package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.callintel.core.recording.RecordingState;
import io.callintel.server.data.DataDirectory;
import io.callintel.server.store.Database;
import io.callintel.server.store.JdbcRecordingStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A failed recording can be put back in the queue through the API, and is then processed from the start. */
class RetryTest {

    private final TestServer server = TestServer.shared();
    private final String token = server.newOrgToken();
    private final Path mp3 = Path.of("../engine-audio/src/test/resources/audio/speech.mp3");

    @Test
    void aFailedRecordingIsRetriedFromTheStartAndOnlyAFailedOne() throws Exception {
        TestServer.Reply link = server.post(
                ApiServer.BASE + "/acme/default/create-upload-link",
                token,
                TestServer.linkRequest(mp3, "audio/mpeg", null));
        String recording = link.json().path("recording_uuid").asText();
        assertEquals(
                200,
                server.putFile(link.json().path("upload_url").asText(), mp3, "audio/mpeg")
                        .status());
        await(recording, "ANALYSIS_COMPLETED");

        TestServer.Reply notFailed = retry(recording);
        assertEquals(409, notFailed.status(), notFailed.body());
        assertEquals(
                "recording_uuid", notFailed.json().path("error").path("field").asText());

        // As a worker would leave it after its last attempt.
        try (Database db = Database.open(new DataDirectory(server.data).database())) {
            new JdbcRecordingStore(db, Clock.systemUTC())
                    .transition(recording, RecordingState.FAILED, "failed after 3 attempts: disk hiccup");
        }
        TestServer.Reply retried = retry(recording);
        assertEquals(200, retried.status(), retried.body());
        assertEquals(0, retried.json().path("attempts").asInt());
        assertEquals("retried", lastMessage(retried.json()));
        JsonNode done = await(recording, "ANALYSIS_COMPLETED");
        assertEquals(1, done.path("attempts").asInt(), done.toString());
    }

    private TestServer.Reply retry(String recording) {
        return server.post(
                ApiServer.BASE + "/org-usecases/recording/retry",
                token,
                TestServer.JSON.createObjectNode().put("recording_uuid", recording));
    }

    private static String lastMessage(JsonNode details) {
        JsonNode history = details.path("processing_history");
        return history.path(history.size() - 1).path("message").asText();
    }

    private JsonNode await(String recording, String state) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            JsonNode details = server.post(
                            ApiServer.BASE + "/org-usecases/get-recording-details",
                            token,
                            TestServer.JSON.createObjectNode().put("recording_uuid", recording))
                    .json();
            if (details.path("state").asText().equals(state)) {
                return details;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(recording + " did not reach " + state);
    }
}
