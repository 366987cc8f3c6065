package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.server.data.DataDirectory;
import io.callintel.server.http.TestServer.Reply;
import io.callintel.server.store.Database;
import io.callintel.testing.ReferenceTurn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A use case that redacts transcript and audio, end to end on a real server: a call in which a card number is read
 * out is stored with {@code [CARD_NUMBER]} tokens in its place (the stored row holds nothing else), its audio URL
 * serves WAV with a tone over the number, the original upload is gone, and DELETE removes the redacted copy too.
 */
class RedactionTest {

    private static final String BASE = ApiServer.BASE;
    private final TestServer server = TestServer.shared();

    @TempDir
    Path directory;

    @Test
    void transcriptAndAudioAreRedacted() throws Exception {
        CardCall call = CardCall.write(directory);
        ReferenceTurn card = call.card();

        String token = server.newOrgToken();
        String org = TestServer.orgOf(token);
        ObjectNode useCase =
                TestServer.JSON.createObjectNode().put("org_uuid", org).put("usecase_name", "Payments");
        ObjectNode config = useCase.putObject("analysis_config").put("redaction", "transcript_and_audio");
        config.putArray("analysis_questions").add("Did the customer pay by card? (Yes/No)");
        ObjectNode unknown = useCase.deepCopy();
        ((ObjectNode) unknown.path("analysis_config")).put("redaction", "everything");
        ApiErrorsTest.assertError(
                server.post(BASE + "/usecase", token, unknown),
                400,
                "analysis_config.redaction",
                "transcript_and_audio");
        Reply created = server.post(BASE + "/usecase", token, useCase);
        assertEquals(201, created.status(), created.body());
        String useCaseUuid = created.json().path("usecase_uuid").asText();
        assertEquals(
                "transcript_and_audio",
                server.get(BASE + "/usecase/" + useCaseUuid, token)
                        .json()
                        .path("analysis_config")
                        .path("redaction")
                        .asText());

        ObjectNode questionsOnly = TestServer.JSON.createObjectNode();
        questionsOnly
                .putObject("analysis_config")
                .putArray("analysis_questions")
                .add("Did the customer pay? (Yes/No)");
        assertEquals(
                "transcript_and_audio",
                server.put(BASE + "/usecase/" + useCaseUuid, token, questionsOnly)
                        .json()
                        .path("analysis_config")
                        .path("redaction")
                        .asText(),
                "an update that does not name the redaction keeps it");

        TestServer.Analysed analysed =
                server.uploadAndAnalyse(token, useCaseUuid, call.audio().file(), "audio/wav");
        String recording = analysed.recording();
        String s3Key = analysed.s3Key();

        JsonNode transcript = server.post(
                        BASE + "/org-usecases/recording/transcript-analytics",
                        token,
                        TestServer.JSON.createObjectNode().put("recording_uuid", recording))
                .json()
                .path("transcript");
        List<String> inCard = call.wordsDuringCard(transcript);
        long tokens = inCard.stream().filter("[CARD_NUMBER]"::equals).count();
        assertTrue(tokens >= 0.8 * inCard.size() && !inCard.isEmpty(), "the card number's words: " + inCard);
        assertTrue(transcript.toString().contains("[CARD_NUMBER]"), "segments read the token");

        try (Database db = Database.open(new DataDirectory(server.data).database())) {
            String stored = db.queryOne(
                            "SELECT transcript FROM result WHERE recording = ?", r -> r.getString(1), recording)
                    .orElseThrow();
            assertFalse(stored.contains("five one four eight"), "the stored transcript holds no card number");
        }

        Path original = server.data.resolve("audio").resolve(s3Key);
        assertFalse(Files.exists(original), "the original upload is deleted");
        byte[] served = server.audio(token, s3Key);
        assertEquals("RIFF", new String(served, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        short[] samples = new short[(served.length - 44) / 2];
        ByteBuffer.wrap(served, 44, served.length - 44)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer()
                .get(samples);
        // two channels, 16 kHz: a 1 kHz tone crosses zero 2,000 times a second in the middle of the card number
        double from = card.start() + 0.3 * (card.end() - card.start());
        double to = card.start() + 0.7 * (card.end() - card.start());
        int crossings = 0;
        for (int frame = (int) (from * 16_000); frame < (int) (to * 16_000) - 1; frame++) {
            int left = samples[2 * frame];
            int next = samples[2 * frame + 2];
            crossings += (left < 0) != (next < 0) ? 1 : 0;
        }
        double perSecond = crossings / (to - from);
        assertTrue(perSecond > 1_900 && perSecond < 2_100, "a 1 kHz tone over the card number: " + perSecond);

        assertEquals(204, server.delete(BASE + "/recording/" + recording, token).status());
        try (var files = Files.walk(server.data.resolve("audio"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(recording)), "no audio left");
        }
    }
}
