package io.callintel.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code callintel analyze}: the real models on a real recording, the JSON contract and exit codes. */
class AnalyzeCommandTest {

    private static final String USE_CASE = """
            {"org_uuid": "33bbb237-6256-4c81-b423-a5bd16af5a32", "usecase_name": "Support", "tags": ["support"],
             "analysis_config": {
               "analysis_questions": ["Did the agent greet the caller? (Yes/No)",
                                      {"question": "Did the agent offer help? (Yes/No)", "keywords": ["help"]}],
               "analysis_buckets": [
                 {"objective_bucket_name": "Greeting", "description": "The agent greets the caller and offers help."},
                 {"objective_bucket_name": "Complaint", "description": "The caller complains about a problem.",
                  "keywords": ["complaint", "broken"], "examples": ["this is unacceptable"]},
                 {"objective_bucket_name": "Not Clear", "description": "If it is not clear what the call is about."}]}}
            """;

    @TempDir
    Path directory;

    @Test
    void aRecordingGetsItsTranscriptAnswersBucketAndMetrics() throws Exception {
        Path useCase = Files.writeString(directory.resolve("usecase.json"), USE_CASE);
        Cli.Run run = Cli.run(
                "analyze",
                "--usecase",
                useCase.toString(),
                "--vosk-model",
                "../models/vosk-model-en-us",
                "--embedding-model",
                "../models/e5-small-v2-q",
                Cli.fixture("speech.mp3"),
                Cli.fixture("video-only.mp4"));
        assertEquals(1, run.exitCode(), run.err());
        List<JsonNode> lines = run.json();
        assertEquals(2, lines.size());

        JsonNode call = lines.get(0);
        assertTrue(call.path("transcript").path("words").size() >= 5, call.toString());
        JsonNode analytics = call.path("analytics");
        JsonNode questions = analytics.path("questions");
        assertEquals(2, questions.size());
        assertEquals(
                "Did the agent greet the caller? (Yes/No)",
                questions.get(0).path("question").asText());
        for (JsonNode question : questions) {
            assertTrue(
                    Set.of("Yes", "No", "Unclear")
                            .contains(question.path("answer").asText()),
                    question.toString());
            double confidence = question.path("confidence").asDouble();
            assertTrue(confidence >= 0 && confidence <= 1);
            assertTrue(question.path("evidence").isArray());
        }
        JsonNode bucket = analytics.path("bucket");
        assertTrue(
                Set.of("Greeting", "Complaint", "Not Clear")
                        .contains(bucket.path("name").asText()),
                bucket.toString());
        assertEquals(List.of("Greeting", "Complaint", "Not Clear"), fieldNames(bucket.path("scores")));
        // Three seconds of greeting and no customer: "not clear" is a fair call, but the topic must still tell
        // a greeting from a complaint.
        assertTrue(
                bucket.path("scores").path("Greeting").asDouble()
                        > bucket.path("scores").path("Complaint").asDouble(),
                bucket.toString());
        JsonNode metrics = analytics.path("metrics");
        for (String field : List.of(
                "duration",
                "talk_time",
                "silence_time",
                "longest_silence",
                "overlap_time",
                "interruptions",
                "turns",
                "words",
                "words_per_minute",
                "mean_confidence",
                "speakers",
                "roles")) {
            assertTrue(metrics.has(field), field + " in " + metrics);
        }
        assertEquals(3.0, metrics.path("duration").asDouble(), 0.01);

        assertEquals("no_audio_stream", lines.get(1).path("problem").asText());
    }

    @Test
    void aBrokenUseCaseIsAUsageError() throws Exception {
        Path useCase = Files.writeString(
                directory.resolve("bad.json"),
                "{\"analysis_config\": {\"analysis_buckets\": [{\"description\": \"no name\"}]}}");
        Cli.Run run = Cli.run("analyze", "--usecase", useCase.toString(), Cli.fixture("speech.mp3"));
        assertEquals(2, run.exitCode());
        assertTrue(
                run.err().contains("analysis_buckets[0].objective_bucket_name must be a non-empty string"), run.err());
        assertEquals("", run.out());

        Path notJson = Files.writeString(directory.resolve("notes.json"), "hello");
        assertEquals(
                2,
                Cli.run("analyze", "--usecase", notJson.toString(), Cli.fixture("speech.mp3"))
                        .exitCode());
        assertEquals(2, Cli.run("analyze", Cli.fixture("speech.mp3")).exitCode(), "--usecase is required");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
