package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every utterance of an analysed recording has a sentiment, and the metrics have each speaker's over the call. */
class SentimentApiTest {

    private static final String BASE = ApiServer.BASE;
    private static final Path MP3 = Path.of("../engine-audio/src/test/resources/audio/speech.mp3");
    private final TestServer server = TestServer.shared();

    @Test
    void everyUtteranceAndSpeakerIsScored() throws Exception {
        String token = server.newOrgToken();
        String useCase = server.createUseCase(token).path("usecase_uuid").asText();
        String recording =
                server.uploadAndAnalyse(token, useCase, MP3, "audio/mpeg").recording();

        JsonNode result = server.post(
                        BASE + "/org-usecases/recording/transcript-analytics",
                        token,
                        TestServer.JSON.createObjectNode().put("recording_uuid", recording))
                .json();
        JsonNode segments = result.path("transcript").path("segments");
        assertFalse(segments.isEmpty());
        for (JsonNode segment : segments) {
            JsonNode sentiment = segment.path("sentiment");
            assertTrue(
                    Set.of("positive", "neutral", "negative")
                            .contains(sentiment.path("label").asText()),
                    segment.toString());
            assertTrue(sentiment.path("score").isNumber()
                    && Math.abs(sentiment.path("score").asDouble()) <= 1);
        }
        JsonNode speakers = result.path("analytics").path("metrics").path("sentiment");
        assertFalse(speakers.isEmpty(), result.path("analytics").path("metrics").toString());
        for (JsonNode speaker : speakers) {
            assertTrue(speaker.path("start").isNumber() && speaker.path("end").isNumber(), speaker.toString());
            assertFalse(speaker.path("trend").isEmpty(), speaker.toString());
        }
        int counted = 0;
        for (JsonNode speaker : speakers) {
            counted += speaker.path("positive").asInt()
                    + speaker.path("neutral").asInt()
                    + speaker.path("negative").asInt();
        }
        assertEquals(segments.size(), counted, "every utterance counted once");
    }
}
