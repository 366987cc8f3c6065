package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.server.data.DataDirectory;
import io.callintel.server.http.TestServer.Reply;
import io.callintel.server.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DELETE of a recording leaves nothing of it: no row in any table, no audio file, no search entry; another
 * organization's recording is a 404. And the organization's retention setting, read and written through the API.
 */
class DeletionTest {

    private static final String BASE = ApiServer.BASE;
    private static final Path MP3 = Path.of("../engine-audio/src/test/resources/audio/speech.mp3");
    private final TestServer server = TestServer.shared();

    @Test
    void aDeletedRecordingLeavesNothingBehind() throws Exception {
        String token = server.newOrgToken();
        String org = TestServer.orgOf(token);
        String useCase = server.createUseCase(token).path("usecase_uuid").asText();
        // A webhook nobody answers: its deliveries about the recording wait in the outbox when it is deleted.
        assertEquals(
                201,
                server.post(
                                BASE + "/webhooks",
                                token,
                                "{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"recording.analyzed\"]}")
                        .status());
        Reply link = server.post(
                BASE + "/acme/default/create-upload-link", token, TestServer.linkRequest(MP3, "audio/mpeg", useCase));
        String recording = link.json().path("recording_uuid").asText();
        String s3Key = link.json().path("s3_key").asText();
        assertEquals(
                200,
                server.putFile(link.json().path("upload_url").asText(), MP3, "audio/mpeg")
                        .status());
        JsonNode done = server.awaitFinal(token, org, useCase, recording, Duration.ofMinutes(3));
        assertEquals("ANALYSIS_COMPLETED", done.path("state").asText(), done.toString());
        ObjectNode ids = TestServer.JSON.createObjectNode().put("recording_uuid", recording);
        assertEquals(
                200,
                server.post(
                                BASE + "/org-usecases/recording/correct",
                                token,
                                ids.deepCopy().put("bucket", "Hot Lead"))
                        .status());
        String word = server.post(BASE + "/org-usecases/recording/transcript-analytics", token, ids)
                .json()
                .path("transcript")
                .path("words")
                .path(0)
                .path("word")
                .asText();
        assertTrue(hits(token, word) > 0, "searchable before: " + word);
        Path audio = server.data.resolve("audio").resolve(s3Key);
        assertTrue(Files.exists(audio));

        assertEquals(
                404,
                server.delete(BASE + "/recording/" + recording, server.newOrgToken())
                        .status(),
                "not theirs");
        assertEquals(204, server.delete(BASE + "/recording/" + recording, token).status());

        assertEquals(404, server.delete(BASE + "/recording/" + recording, token).status(), "gone");
        assertEquals(
                404,
                server.post(BASE + "/org-usecases/get-recording-details", token, ids)
                        .status());
        assertEquals(0, hits(token, word), "no search entry");
        assertFalse(Files.exists(audio), "no audio file");
        try (Database db = Database.open(new DataDirectory(server.data).database())) {
            for (String query : List.of(
                    "SELECT COUNT(*) FROM recording WHERE uuid = ?",
                    "SELECT COUNT(*) FROM recording_history WHERE recording = ?",
                    "SELECT COUNT(*) FROM result WHERE recording = ?",
                    "SELECT COUNT(*) FROM recording_outcome WHERE recording = ?",
                    "SELECT COUNT(*) FROM correction WHERE recording = ?",
                    "SELECT COUNT(*) FROM webhook_delivery WHERE recording = ?")) {
                assertEquals(0, db.count(query, recording), query);
            }
        }
        JsonNode counts = server.post(
                        BASE + "/org-usecases/analytics/summary-counts",
                        token,
                        TestServer.JSON.createObjectNode().put("usecase_uuid", useCase))
                .json();
        assertEquals(0, counts.path("total_calls").asInt(), "the summaries forget it: " + counts);
        ApiErrorsTest.assertError(
                server.delete(BASE + "/recording/not-a-uuid", token), 400, "recording_uuid", "Invalid UUID");
    }

    @Test
    void theRetentionPeriodIsTheOrganizations() {
        String token = server.newOrgToken();
        assertTrue(server.get(BASE + "/org-settings", token)
                .json()
                .path("retention_days")
                .isNull());
        Reply set = server.put(
                BASE + "/org-settings",
                token,
                TestServer.JSON.createObjectNode().put("retention_days", 30));
        assertEquals(200, set.status(), set.body());
        assertEquals(
                30,
                server.get(BASE + "/org-settings", token)
                        .json()
                        .path("retention_days")
                        .asInt());
        assertTrue(
                server.get(BASE + "/org-settings", server.newOrgToken())
                        .json()
                        .path("retention_days")
                        .isNull(),
                "another organization's is its own");
        for (String bad : List.of("0", "3651", "1.5", "\"30\"")) {
            ApiErrorsTest.assertError(
                    server.put(BASE + "/org-settings", token, "{\"retention_days\": " + bad + "}"),
                    400,
                    "retention_days",
                    "from 1 to 3650");
        }
        assertEquals(
                200,
                server.put(
                                BASE + "/org-settings",
                                token,
                                TestServer.JSON.createObjectNode().putNull("retention_days"))
                        .status());
        assertTrue(server.get(BASE + "/org-settings", token)
                .json()
                .path("retention_days")
                .isNull());
    }

    private int hits(String token, String word) {
        return server.get(BASE + "/search?q=" + word, token)
                .json()
                .path("total_hits")
                .asInt();
    }
}
