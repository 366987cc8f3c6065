package io.callintel.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogues;
import io.callintel.testing.LabelledCalls;
import io.callintel.testing.PiiCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code callintel transcribe}: the real model on real recordings, JSON shape and exit codes. */
class TranscribeCommandTest {

    private static final String MODEL = "../models/vosk-model-en-us";

    @Test
    void aRecordingBecomesOneJsonLineWithWordsAndSegments() {
        Cli.Run run = Cli.run(
                "transcribe",
                "--vosk-model",
                MODEL,
                "--embedding-model",
                "../models/e5-small-v2-q",
                Cli.fixture("speech.mp3"),
                Cli.fixture("video-only.mp4"));
        assertEquals(1, run.exitCode(), run.err());
        List<JsonNode> lines = run.json();
        assertEquals(2, lines.size(), run.out());

        JsonNode transcript = lines.get(0);
        assertEquals(Cli.fixture("speech.mp3"), transcript.path("file").asText());
        assertEquals(3.0, transcript.path("duration").asDouble(), 0.01);
        JsonNode words = transcript.path("words");
        assertTrue(words.size() >= 5, transcript.toString());
        for (JsonNode word : words) {
            for (String field : List.of("word", "start", "end", "conf", "speaker")) {
                assertTrue(word.has(field), field + " in " + word);
            }
            assertTrue(word.path("start").asDouble() <= word.path("end").asDouble());
            assertEquals("SPEAKER_1", word.path("speaker").asText());
        }
        String text = transcript.path("segments").findValuesAsText("text").toString();
        assertTrue(text.contains("thank you for calling"), text);
        JsonNode segment = transcript.path("segments").get(0);
        for (String field : List.of("speaker", "role", "start", "end", "text", "confidence")) {
            assertTrue(segment.has(field), field + " in " + segment);
        }
        assertEquals("agent", segment.path("role").asText(), "the caller is greeted by the agent");

        JsonNode failure = lines.get(1);
        assertTrue(failure.path("error").asText().contains("no audio stream"), failure.toString());
        assertEquals("no_audio_stream", failure.path("problem").asText());
        assertFalse(failure.has("words"));
    }

    @Test
    void stereoOnAMonoFileIsAnErrorForThatFileOnly() {
        Cli.Run run = Cli.run(
                "transcribe",
                "--vosk-model",
                MODEL,
                "--embedding-model",
                "../models/e5-small-v2-q",
                "--channels",
                "stereo",
                Cli.fixture("speech.flac"));
        assertEquals(1, run.exitCode());
        assertTrue(run.json().get(0).path("error").asText().contains("1 channel"), run.out());
    }

    @Test
    void badOptionsAreUsageErrors() {
        Cli.Run run = Cli.run("transcribe", "--channels", "quad", Cli.fixture("speech.mp3"));
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--channels must be auto, mono or stereo"), run.err());
        assertEquals("", run.out());
        assertEquals(
                2,
                Cli.run("transcribe", "--agent-channel", "3", Cli.fixture("speech.mp3"))
                        .exitCode());
        Cli.Run never = Cli.run("transcribe", "--replace-recognizer-after", "0", Cli.fixture("speech.mp3"));
        assertEquals(2, never.exitCode());
        assertTrue(
                never.err()
                        .contains(
                                "--replace-recognizer-after: recognizers must be replaced after a positive number of audio seconds"),
                never.err());
        Cli.Run serve = Cli.run("serve", "--port", "0", "--replace-recognizer-after", "NaN");
        assertEquals(2, serve.exitCode());
        assertTrue(
                serve.err()
                        .contains(
                                "--replace-recognizer-after: recognizers must be replaced after a positive number of audio seconds"),
                serve.err());
    }

    @Test
    void redactionReplacesTheCardNumberAndWritesATonedCopy(@TempDir Path directory) throws Exception {
        PiiCalls.Call call = PiiCalls.of(LabelledCalls.Split.TUNING).stream()
                .filter(c -> c.dialogue().name().equals("pii-tuning-10"))
                .findFirst()
                .orElseThrow();
        Path wav = Dialogues.generate(call.dialogue(), CallFormat.STEREO_16K, directory)
                .file();
        Path out = directory.resolve("redacted");
        Cli.Run run = Cli.run(
                "transcribe",
                "--vosk-model",
                MODEL,
                "--embedding-model",
                "../models/e5-small-v2-q",
                "--redact",
                "transcript_and_audio",
                "--redacted-audio",
                out.toString(),
                wav.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode line = run.json().get(0);
        assertTrue(line.path("segments").toString().contains("[CARD_NUMBER]"), run.out());
        Path copy = Path.of(line.path("redacted_audio").asText());
        assertEquals(out.resolve(wav.getFileName().toString().replace(".wav", ".redacted.wav")), copy);
        assertTrue(Files.size(copy) > 44, "a WAV with samples");
        assertTrue(Files.exists(wav), "the recording itself is untouched");

        Cli.Run bad = Cli.run("transcribe", "--redact", "everything", Cli.fixture("speech.mp3"));
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--redact must be one of off, transcript, transcript_and_audio"), bad.err());
        Cli.Run nowhere = Cli.run("transcribe", "--redact", "transcript_and_audio", Cli.fixture("speech.mp3"));
        assertEquals(2, nowhere.exitCode());
        assertTrue(nowhere.err().contains("needs --redacted-audio DIR"), nowhere.err());
    }
}
