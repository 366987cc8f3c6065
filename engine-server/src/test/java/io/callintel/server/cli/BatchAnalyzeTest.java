package io.callintel.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code callintel analyze} as a batch: directories and globs, the results file, resuming, exports, a kill. */
class BatchAnalyzeTest {

    private static final String USE_CASE = """
            {"org_uuid": "33bbb237-6256-4c81-b423-a5bd16af5a32", "usecase_name": "Support",
             "analysis_config": {
               "analysis_questions": ["Did the agent greet the caller? (Yes/No)"],
               "analysis_buckets": [
                 {"objective_bucket_name": "Greeting", "description": "The agent greets the caller and offers help."},
                 {"objective_bucket_name": "Not Clear", "description": "If it is not clear what the call is about."}]}}
            """;
    private static final String[] MODELS = {
        "--vosk-model", "../models/vosk-model-en-us", "--embedding-model", "../models/e5-small-v2-q"
    };

    @TempDir
    Path dir;

    Path useCase;
    Path archive;

    @BeforeEach
    void archiveWithTwoCallsAndABrokenFile() throws Exception {
        useCase = Files.writeString(dir.resolve("usecase.json"), USE_CASE);
        archive = Files.createDirectories(dir.resolve("archive/2025-12"));
        Files.copy(Path.of(Cli.fixture("speech.mp3")), archive.resolve("a.mp3"));
        Files.copy(Path.of(Cli.fixture("speech-16k.wav")), archive.resolve("b.wav"));
        Files.writeString(archive.resolve("broken.wav"), "not audio at all");
        Files.writeString(archive.resolve("notes.txt"), "not a recording: a directory scan skips it");
    }

    @Test
    void aBatchWritesResultsResumesAndSummarises() throws Exception {
        Path results = dir.resolve("out/results.jsonl");
        Cli.Run first = run(
                "analyze",
                "--usecase",
                useCase.toString(),
                dir.resolve("archive").toString(),
                "--out",
                results.toString(),
                "--jobs",
                "2");
        assertEquals(1, first.exitCode(), first.err());
        List<JsonNode> lines = read(results);
        assertEquals(3, lines.size(), lines.toString());
        assertEquals(2, lines.stream().filter(line -> line.has("analytics")).count());
        assertTrue(lines.stream()
                .anyMatch(line -> line.path("file").asText().endsWith("broken.wav") && line.has("error")));
        assertTrue(first.err().contains("| files analysed | 2 |"), first.err());
        assertTrue(first.err().contains("| files failed | 1 |"), first.err());
        assertTrue(first.err().contains("| bucket | calls |"), first.err());
        assertTrue(first.err().contains("Did the agent greet the caller? (Yes/No)"), first.err());
        assertTrue(first.err().contains("broken.wav"), first.err());
        assertTrue(
                first.err().contains("progress: [########################] 3/3 files"),
                "plain progress lines off a terminal");

        // A kill can cut the last line short; the re-run ignores it, skips what is done and retries the failure.
        Files.writeString(results, "{\"file\": \"cut sho", java.nio.file.StandardOpenOption.APPEND);
        Cli.Run second = run(
                "analyze",
                "--usecase",
                useCase.toString(),
                dir.resolve("archive").toString(),
                "--out",
                results.toString());
        assertEquals(1, second.exitCode());
        assertTrue(second.err().contains("| files skipped (already in the output) | 2 |"), second.err());
        List<String> text = Files.readAllLines(results);
        assertEquals(5, text.size(), "3 + the cut line + the retried failure: " + text);
        assertTrue(text.get(4).contains("broken.wav"));
    }

    @Test
    void globsExportsAndUsageErrors() throws Exception {
        Path subtitles = dir.resolve("subtitles");
        Cli.Run srt = run(
                "analyze",
                "--usecase",
                useCase.toString(),
                dir.resolve("archive") + "/*/*.{mp3,wav}",
                "--format",
                "srt",
                "--out",
                subtitles.toString());
        assertEquals(1, srt.exitCode(), srt.err()); // broken.wav matches the glob and fails
        String a = Files.readString(subtitles.resolve("a.srt"));
        assertTrue(a.startsWith("1\n") && a.contains(" --> ") && a.contains("[SPEAKER_1 (agent)]"), a);
        assertTrue(Files.exists(subtitles.resolve("b.srt")));
        Cli.Run vtt = run(
                "analyze",
                "--usecase",
                useCase.toString(),
                archive.resolve("a.mp3").toString(),
                "--format",
                "vtt");
        assertEquals(0, vtt.exitCode(), vtt.err());
        assertTrue(vtt.out().startsWith("WEBVTT"), vtt.out());

        assertEquals(
                2,
                run(
                                "analyze",
                                "--usecase",
                                useCase.toString(),
                                dir.resolve("missing.wav").toString())
                        .exitCode());
        assertEquals(
                2,
                run("analyze", "--usecase", useCase.toString(), dir + "/*.flac").exitCode(),
                "a glob matching nothing");
        assertEquals(
                2,
                run("analyze", "--usecase", useCase.toString(), "--format", "xml", archive.toString())
                        .exitCode());
        Cli.Run several = run("analyze", "--usecase", useCase.toString(), "--format", "txt", archive.toString());
        assertEquals(2, several.exitCode());
        assertTrue(several.err().contains("needs --out DIR"), several.err());
    }

    /** A real process, killed (SIGKILL) after its first result: every finished result is in the file, and a re-run completes the rest. */
    @Test
    void aKilledBatchLosesNoFinishedResult() throws Exception {
        Path many = Files.createDirectories(dir.resolve("many"));
        for (int i = 0; i < 6; i++) {
            Files.copy(Path.of(Cli.fixture("speech-16k.wav")), many.resolve("call-" + i + ".wav"));
        }
        Path results = dir.resolve("many.jsonl");
        Process batch = start(
                "analyze",
                "--usecase",
                useCase.toString(),
                many.toString(),
                "--out",
                results.toString(),
                "--jobs",
                "1",
                "--workers",
                "1");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!(Files.exists(results) && Files.readString(results).contains("\n"))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        batch.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        List<JsonNode> survived = read(results);
        assertTrue(survived.size() >= 1 && survived.size() < 6, "killed mid-way: " + survived.size());

        Process rerun = start("analyze", "--usecase", useCase.toString(), many.toString(), "--out", results.toString());
        String log = new String(rerun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(rerun.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, rerun.exitValue(), log);
        Set<String> files = new HashSet<>();
        for (JsonNode line : read(results)) {
            assertTrue(files.add(line.path("file").asText()), "each recording once: " + line.path("file"));
        }
        assertEquals(6, files.size());
        assertTrue(log.contains("| files skipped (already in the output) | " + survived.size() + " |"), log);
    }

    private Cli.Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(MODELS));
        return Cli.run(all.toArray(String[]::new));
    }

    private Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of(MODELS));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static List<JsonNode> read(Path results) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(results), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    lines.add(Cli.JSON.readTree(line));
                }
            }
        }
        return lines;
    }
}
