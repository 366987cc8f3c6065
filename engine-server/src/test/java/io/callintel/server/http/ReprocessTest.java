package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.transcript.NumberWords;
import io.callintel.server.data.DataDirectory;
import io.callintel.server.http.TestServer.Reply;
import io.callintel.server.store.Database;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redaction switched on after a call was analysed reaches that call once it is processed again: its transcript, the
 * stored row and search then hold tokens where the card number was. Only a finished recording of an existing use
 * case can be processed again.
 */
class ReprocessTest {

    private static final String BASE = ApiServer.BASE;
    private final TestServer server = TestServer.shared();

    @TempDir
    Path directory;

    @Test
    void aRedactionSwitchedOnLaterReachesAReprocessedCall() throws Exception {
        CardCall call = CardCall.write(directory);

        String token = server.newOrgToken();
        ObjectNode useCase = TestServer.JSON
                .createObjectNode()
                .put("org_uuid", TestServer.orgOf(token))
                .put("usecase_name", "Payments");
        useCase.putObject("analysis_config").putArray("analysis_questions").add("Did the customer pay? (Yes/No)");
        Reply created = server.post(BASE + "/usecase", token, useCase);
        assertEquals(201, created.status(), created.body());
        String useCaseUuid = created.json().path("usecase_uuid").asText();
        String recording = server.uploadAndAnalyse(
                        token, useCaseUuid, call.audio().file(), "audio/wav")
                .recording();

        List<String> heard = call.wordsDuringCard(transcript(token, recording));
        List<String> digits = heard.stream().filter(NumberWords::isNumberWord).toList();
        assertTrue(digits.size() >= 6, "unredacted, the card number is in the transcript: " + heard);
        String phrase = "\"" + String.join(" ", digits.subList(0, 4)) + "\"";
        assertTrue(hits(token, phrase) > 0, "and in search: " + phrase);

        ObjectNode redact = useCase.deepCopy();
        ((ObjectNode) redact.path("analysis_config")).put("redaction", "transcript");
        assertEquals(
                200, server.put(BASE + "/usecase/" + useCaseUuid, token, redact).status());
        Reply reprocessed = reprocess(token, recording);
        assertEquals(200, reprocessed.status(), reprocessed.body());
        assertEquals("INITIATED", reprocessed.json().path("state").asText());
        JsonNode history = reprocessed.json().path("processing_history");
        assertEquals(
                "reprocessed", history.path(history.size() - 1).path("message").asText());
        assertEquals(0, hits(token, phrase), "what it had is gone at once, search included");
        ApiErrorsTest.assertError(reprocess(token, recording), 409, "recording_uuid", "INITIATED");
        ApiErrorsTest.assertError(reprocess(server.newOrgToken(), recording), 404, null, "Recording");

        JsonNode done = server.awaitFinal(token, TestServer.orgOf(token), null, recording, Duration.ofMinutes(3));
        assertEquals("ANALYSIS_COMPLETED", done.path("state").asText(), done.toString());
        JsonNode result = server.post(
                        BASE + "/org-usecases/recording/transcript-analytics",
                        token,
                        TestServer.JSON.createObjectNode().put("recording_uuid", recording))
                .json();
        List<String> after = call.wordsDuringCard(result.path("transcript"));
        long tokens = after.stream().filter("[CARD_NUMBER]"::equals).count();
        assertTrue(tokens >= 0.8 * after.size() && !after.isEmpty(), "redacted now: " + after);
        assertEquals(1, result.path("analytics").path("questions").size(), result.toString());
        assertEquals(0, hits(token, phrase), "search holds the redacted transcript");
        try (Database db = Database.open(new DataDirectory(server.data).database())) {
            String stored = db.queryOne(
                            "SELECT transcript FROM result WHERE recording = ?", r -> r.getString(1), recording)
                    .orElseThrow();
            assertFalse(stored.contains(phrase.replace("\"", "")), "the stored row holds no card number");
        }

        // The whole use case at once: its one finished recording goes back in the queue.
        assertEquals(
                404,
                server.post(BASE + "/usecase/" + useCaseUuid + "/reprocess", server.newOrgToken(), "")
                        .status());
        Reply all = server.post(BASE + "/usecase/" + useCaseUuid + "/reprocess", token, "");
        assertEquals(202, all.status(), all.body());
        assertEquals(1, all.json().path("queued").asInt(), all.body());
        done = server.awaitFinal(token, TestServer.orgOf(token), null, recording, Duration.ofMinutes(3));
        assertEquals("ANALYSIS_COMPLETED", done.path("state").asText(), done.toString());

        assertEquals(200, server.delete(BASE + "/usecase/" + useCaseUuid, token).status());
        ApiErrorsTest.assertError(reprocess(token, recording), 409, "recording_uuid", "use case was deleted");
    }

    private JsonNode transcript(String token, String recording) {
        return server.post(
                        BASE + "/org-usecases/recording/transcript-analytics",
                        token,
                        TestServer.JSON.createObjectNode().put("recording_uuid", recording))
                .json()
                .path("transcript");
    }

    private Reply reprocess(String token, String recording) {
        return server.post(
                BASE + "/org-usecases/recording/reprocess",
                token,
                TestServer.JSON.createObjectNode().put("recording_uuid", recording));
    }

    private int hits(String token, String query) {
        return server.get(BASE + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), token)
                .json()
                .path("total_hits")
                .asInt();
    }
}
