package io.callintel.server.cli;

import static io.callintel.server.cli.Cli.fixture;
import static io.callintel.server.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCommandTest {

    @TempDir
    Path temp;

    @Test
    void aDecodedFileIsOneJsonLineWithTheContractFields() {
        Cli.Run run = run("probe", fixture("speech.mp3"));

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertEquals(1, run.lines().size());
        JsonNode line = run.json().getFirst();
        assertEquals(fixture("speech.mp3"), line.get("file").asText());
        assertEquals("mp3", line.get("format").asText());
        assertEquals("mp3", line.get("codec").asText());
        assertTrue(line.get("sample_rate").isInt() && line.get("sample_rate").asInt() > 0, line::toString);
        assertEquals(1, line.get("channels").asInt());
        assertTrue(line.get("duration").isNumber(), line::toString);
        assertEquals(
                line.get("declared_duration").asDouble(), line.get("duration").asDouble(), 0.2, line::toString);
        assertTrue(line.get("bit_rate").asLong() > 0, line::toString);
        assertFalse(
                line.has("error") || line.has("problem") || line.has("warnings") || line.has("damage"), line::toString);
    }

    @Test
    void durationIsWhatWasDecodedInWholeMilliseconds() {
        JsonNode line = run("probe", fixture("tones-stereo.flac")).json().getFirst();

        assertEquals("flac", line.get("format").asText());
        assertEquals("flac", line.get("codec").asText());
        assertEquals(2, line.get("channels").asInt());
        double duration = line.get("duration").asDouble();
        assertEquals(Math.round(duration * 1000) / 1000.0, duration, 1e-9);
        assertTrue(duration > 0, line::toString);
    }

    @Test
    void aFileThatDoesNotDecodeGivesFileErrorAndProblemAndExitCode1() {
        Cli.Run run = run("probe", fixture("video-only.mp4"));

        assertEquals(1, run.exitCode());
        JsonNode line = run.json().getFirst();
        assertEquals(List.of("file", "error", "problem"), fieldNames(line));
        assertEquals(fixture("video-only.mp4"), line.get("file").asText());
        assertEquals("no_audio_stream", line.get("problem").asText());
        assertTrue(line.get("error").asText().contains("no audio stream"), line::toString);
        assertEquals("", run.err(), "failures are reported in the JSON, not on stderr");
    }

    @Test
    void badInputsAreEachNamed() throws IOException {
        Path empty = Files.createFile(temp.resolve("empty.wav"));
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        Path random = Files.write(temp.resolve("noise.mp3"), noise);
        Path missing = temp.resolve("missing.wav");

        Cli.Run run = run("probe", empty.toString(), random.toString(), missing.toString(), temp.toString());

        assertEquals(1, run.exitCode());
        List<JsonNode> lines = run.json();
        assertEquals(4, lines.size());
        assertEquals("empty_file", lines.get(0).get("problem").asText());
        assertTrue(
                Set.of("unrecognised_format", "corrupt")
                        .contains(lines.get(1).get("problem").asText()),
                lines.get(1)::toString);
        assertEquals("not_readable", lines.get(2).get("problem").asText());
        assertEquals("not_readable", lines.get(3).get("problem").asText());
        lines.forEach(line -> assertFalse(line.get("error").asText().isBlank(), line::toString));
    }

    @Test
    void aFileNameWithANewlineStillGivesOneLine() {
        Cli.Run run = run("probe", "odd\nname \"ü\".wav");

        assertEquals(1, run.lines().size(), run::out);
        assertEquals("odd\nname \"ü\".wav", run.json().getFirst().get("file").asText());
    }

    @Test
    void aNameThatDisagreesWithTheContentIsAWarning() throws IOException {
        Path renamed = Files.copy(Cli.FIXTURES.resolve("speech.mp3"), temp.resolve("call.wav"));

        JsonNode line = run("probe", renamed.toString()).json().getFirst();

        assertEquals("mp3", line.get("format").asText());
        assertTrue(line.get("warnings").isArray() && !line.get("warnings").isEmpty(), line::toString);
    }

    @Test
    void aTruncatedFileDecodesWithDamageReported() throws IOException {
        byte[] whole = Files.readAllBytes(Cli.FIXTURES.resolve("speech-16k.wav"));
        Path truncated = Files.write(temp.resolve("truncated.wav"), Arrays.copyOf(whole, whole.length / 2));

        Cli.Run run = run("probe", truncated.toString());

        assertEquals(0, run.exitCode(), run.out());
        JsonNode line = run.json().getFirst();
        assertTrue(line.get("damage").isArray() && !line.get("damage").isEmpty(), line::toString);
        assertTrue(
                line.get("duration").asDouble() < line.get("declared_duration").asDouble() - 0.5, line::toString);
    }

    @Test
    void outputFollowsArgumentOrderWhateverTheParallelism() {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            files.addAll(List.of(
                    fixture("speech-s24-48k.wav"),
                    fixture("video-only.mp4"),
                    fixture("tones-stereo.flac"),
                    fixture("speech-opus.ogg"),
                    fixture("nope-" + i + ".wav")));
        }

        Cli.Run parallel = run(args("probe", "--jobs", "3", files));
        Cli.Run serial = run(args("probe", "-j", "1", files));

        assertEquals(1, parallel.exitCode());
        assertEquals(
                files,
                parallel.json().stream().map(line -> line.get("file").asText()).toList());
        assertEquals(serial.out(), parallel.out());
    }

    @Test
    void modelsAreNotNeededToProbe() {
        assertEquals(
                0,
                run("--vosk-model", "/nonexistent", "probe", fixture("speech.mp3"))
                        .exitCode());
        assertEquals(
                0,
                run("probe", "--embedding-model", "/nonexistent", fixture("speech.mp3"))
                        .exitCode());
    }

    @Test
    void badUsageIsExitCode2WithNothingOnStdout() {
        for (String[] args : List.of(
                new String[] {"probe"},
                new String[] {"probe", "--frobnicate", fixture("speech.mp3")},
                new String[] {"probe", "--jobs", "0", fixture("speech.mp3")},
                new String[] {"probe", "--jobs", "many", fixture("speech.mp3")})) {
            Cli.Run run = run(args);
            assertEquals(2, run.exitCode(), () -> String.join(" ", args) + "\n" + run.err());
            assertEquals("", run.out(), () -> String.join(" ", args));
            assertTrue(run.err().contains("Try 'callintel probe --help'"), run::err);
        }
    }

    private static String[] args(String command, String option, String value, List<String> files) {
        List<String> all = new ArrayList<>(List.of(command, option, value));
        all.addAll(files);
        return all.toArray(String[]::new);
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false)
                .collect(Collectors.toList());
    }
}
