package io.callintel.server.http;

import static io.callintel.server.http.ApiServer.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Correcting a recording's bucket and answers over real HTTP, and the next call analysed with them. */
class CorrectionsTest {

    private final TestServer server = TestServer.shared();

    @Test
    void bucketsAndAnswersAreCorrectedCheckedListedAndLaterCallsStillComplete(@TempDir Path dir) throws Exception {
        String token = server.newOrgToken();
        String org = TestServer.orgOf(token);
        String useCase = server.createUseCase(token).path("usecase_uuid").asText();
        String first = upload(token, org, useCase, dir, "a");

        ObjectNode bucket = ids(first).put("bucket", "Warm Lead");
        TestServer.Reply corrected = server.post(BASE + "/org-usecases/recording/correct", token, bucket);
        assertEquals(200, corrected.status(), corrected.body());
        assertEquals("Warm Lead", corrected.json().path("bucket").asText());
        String question = "Is the lead interested in the loan offer? (Yes/No)";
        TestServer.Reply answered = server.post(
                BASE + "/org-usecases/recording/correct",
                token,
                ids(first).put("question", question).put("answer", "unclear"));
        assertEquals(200, answered.status(), answered.body());
        JsonNode listed = server.post(BASE + "/org-usecases/recording/corrections", token, ids(first))
                .json();
        assertEquals("Warm Lead", listed.path("bucket").asText());
        assertEquals(question, listed.path("answers").path(0).path("question").asText());
        assertEquals(
                "Unclear", listed.path("answers").path(0).path("answer").asText(), "answers as the engine writes them");

        // Correcting again replaces the earlier value.
        server.post(BASE + "/org-usecases/recording/correct", token, ids(first).put("bucket", "Hot Lead"));
        assertEquals(
                "Hot Lead",
                server.post(BASE + "/org-usecases/recording/corrections", token, ids(first))
                        .json()
                        .path("bucket")
                        .asText());

        assertRefused(token, ids(first).put("bucket", "Lukewarm"), "bucket");
        assertRefused(token, ids(first).put("question", "Is it raining?").put("answer", "Yes"), "question");
        assertRefused(
                token,
                ids(first).put("bucket", "Hot Lead").put("question", question).put("answer", "No"),
                "bucket");
        assertRefused(token, ids(first).put("question", question), "answer");
        String stranger = server.newOrgToken();
        assertEquals(
                404,
                server.post(
                                BASE + "/org-usecases/recording/correct",
                                stranger,
                                ids(first).put("bucket", "Hot Lead"))
                        .status());

        // The next call of the use case is analysed with the corrected one as an example.
        String second = upload(token, org, useCase, dir, "b");
        JsonNode result = server.post(BASE + "/org-usecases/recording/transcript-analytics", token, ids(second))
                .json();
        assertTrue(result.path("analytics").path("bucket").path("name").isTextual(), result.toString());
    }

    private void assertRefused(String token, ObjectNode body, String field) {
        TestServer.Reply reply = server.post(BASE + "/org-usecases/recording/correct", token, body);
        assertEquals(400, reply.status(), reply.body());
        assertEquals(field, reply.errorField(), reply.body());
    }

    private static ObjectNode ids(String recording) {
        return TestServer.JSON.createObjectNode().put("recording_uuid", recording);
    }

    private String upload(String token, String org, String useCase, Path dir, String name) throws Exception {
        Path call = Dialogues.generate(
                        Dialogues.LOAN_SALES, CallFormat.MONO_16K, Files.createDirectories(dir.resolve(name)))
                .file();
        TestServer.Reply link = server.post(
                BASE + "/acme-corp/sales-team/create-upload-link",
                token,
                TestServer.linkRequest(call, "audio/wav", useCase));
        String recording = link.json().path("recording_uuid").asText();
        assertEquals(
                200,
                server.putFile(link.json().path("upload_url").asText(), call, "audio/wav")
                        .status());
        JsonNode details = server.awaitFinal(token, org, useCase, recording, Duration.ofMinutes(3));
        assertEquals("ANALYSIS_COMPLETED", details.path("state").asText(), details.toString());
        return recording;
    }
}
