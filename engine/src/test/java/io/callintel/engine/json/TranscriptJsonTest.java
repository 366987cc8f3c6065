package io.callintel.engine.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.audio.SpeechDetector;
import io.callintel.core.transcript.ChannelAudio;
import io.callintel.core.transcript.Overlap;
import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Sentiment;
import io.callintel.core.transcript.Speaker;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Turn;
import io.callintel.core.transcript.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Transcript stereoCall() {
        List<Word> words = List.of(
                new Word("thank", 0.51, 0.72, 0.91, "SPEAKER_1"),
                new Word("you", 0.72, 0.9, 0.88, "SPEAKER_1"),
                new Word("for", 0.9, 1.02, 0.71, "SPEAKER_1"),
                new Word("calling", 1.02, 1.5, 0.97, "SPEAKER_1"),
                new Word("hi", 1.3, 1.55, 0.61, "SPEAKER_2"),
                new Word("yes", 2.8, 3.1, 0.99, "SPEAKER_2"),
                new Word("please", 3.1, 3.6, 0.84, "SPEAKER_2"));
        return new Transcript(
                23.283,
                words,
                List.of(
                        new Segment(
                                "SPEAKER_1",
                                Role.AGENT,
                                0.51,
                                1.5,
                                "thank you for calling",
                                (0.91 + 0.88 + 0.71 + 0.97) / 4),
                        new Segment("SPEAKER_2", Role.CUSTOMER, 1.3, 1.55, "hi", 0.61)
                                .withSentiment(new Sentiment(Sentiment.Label.NEUTRAL, 0.0)),
                        new Segment("SPEAKER_2", Role.CUSTOMER, 2.8, 3.6, "yes please", (0.99 + 0.84) / 2)
                                .withSentiment(new Sentiment(Sentiment.Label.POSITIVE, 0.6124))),
                List.of(new Speaker("SPEAKER_1", Role.AGENT, 0), new Speaker("SPEAKER_2", Role.CUSTOMER, 1)),
                List.of(
                        new Turn("SPEAKER_1", 0.48, 1.52),
                        new Turn("SPEAKER_2", 1.28, 1.6),
                        new Turn("SPEAKER_2", 2.75, 3.65)),
                List.of(
                        new Overlap(1.28, 1.52, "SPEAKER_1", "SPEAKER_2", false),
                        new Overlap(2.75, 2.9, "SPEAKER_1", "SPEAKER_2", true)),
                List.of(
                        new ChannelAudio(0, -62.5, 41.0, false, SpeechDetector.ENERGY),
                        new ChannelAudio(1, -41.2, 23.4, true, SpeechDetector.NEURAL)));
    }

    private static String write(Transcript transcript) {
        ObjectNode node = JSON.createObjectNode();
        TranscriptJson.fill(node, transcript);
        return node.toString();
    }

    @Test
    void readIsTheInverseOfFill() throws Exception {
        Transcript call = stereoCall();
        String json = write(call);
        Transcript back = TranscriptJson.read(JSON.readTree(json));
        assertEquals(json, write(back));
        assertEquals(call, back, "nothing is rounded away, not even a segment's mean confidence");
    }

    @Test
    void theAudioOfEachChannelIsWrittenAndATranscriptStoredWithoutItReadsAsNone() throws Exception {
        JsonNode node = JSON.readTree(write(stereoCall()));
        assertEquals(
                "{\"channel\":1,\"noise_floor_dbfs\":-41.2,\"snr_db\":23.4,\"noise_reduction\":true,"
                        + "\"speech_detection\":\"neural\"}",
                node.path("audio").get(1).toString());
        ((ObjectNode) node.path("audio").get(1)).remove("speech_detection");
        assertEquals(
                SpeechDetector.ENERGY,
                TranscriptJson.read(node).audio().get(1).speechDetector(),
                "stored before the neural detector: found by loudness");
        ((ObjectNode) node.path("audio").get(1)).put("speech_detection", "magic");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> TranscriptJson.read(node));
        assertEquals("audio[1].speech_detection must be energy or neural, got 'magic'", bad.getMessage());
        ((ObjectNode) node).remove("audio");
        assertEquals(List.of(), TranscriptJson.read(node).audio());
    }

    @Test
    void aMonoSpeakerHasNoChannel() throws Exception {
        Transcript mono = new Transcript(
                4.0,
                List.of(new Word("hello", 0.2, 0.6, 1.0, "SPEAKER_1")),
                List.of(new Segment("SPEAKER_1", Role.AGENT, 0.2, 0.6, "hello", 1.0)),
                List.of(new Speaker("SPEAKER_1", Role.AGENT, -1)),
                List.of(new Turn("SPEAKER_1", 0.2, 0.6)),
                List.of());
        String json = write(mono);
        assertEquals(false, JSON.readTree(json).path("speakers").get(0).has("channel"));
        assertEquals(mono, TranscriptJson.read(JSON.readTree(json)));
    }

    @Test
    void aMalformedDocumentNamesTheField() throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(write(stereoCall()));
        ((ObjectNode) node.path("words").get(2)).put("start", "0.9");
        assertEquals("words[2].start must be a number", error(node));

        node = (ObjectNode) JSON.readTree(write(stereoCall()));
        ((ObjectNode) node.path("segments").get(1)).put("role", "supervisor");
        assertEquals("segments[1].role must be \"agent\" or \"customer\"", error(node));

        node = (ObjectNode) JSON.readTree(write(stereoCall()));
        ((ObjectNode) node.path("speakers").get(0)).put("channel", 0.5);
        assertEquals("speakers[0].channel must be an integer", error(node));

        node = (ObjectNode) JSON.readTree(write(stereoCall()));
        ((ObjectNode) node.path("overlaps").get(1)).remove("interruption");
        assertEquals("overlaps[1].interruption must be true or false", error(node));

        node = (ObjectNode) JSON.readTree(write(stereoCall()));
        node.remove("turns");
        assertEquals("turns must be an array", error(node));

        assertEquals("transcript must be an object", error(JSON.readTree("[]")));
    }

    private static String error(JsonNode node) {
        return assertThrows(IllegalArgumentException.class, () -> TranscriptJson.read(node))
                .getMessage();
    }
}
