package io.callintel.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callintel.testing.PostgresServer;
import io.callintel.testing.S3Server;
import io.callintel.testing.ServeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive analysed by a deployment's workers: {@code analyze --queue} puts it on the shared queue (PostgreSQL, the
 * audio in s3rver), a {@code callintel worker} process drains it, and {@code --out} collects the results in the shape
 * of a local analyze. A re-run queues nothing already collected.
 */
class QueueBatchTest {

    @Test
    void anArchiveQueuedHereIsAnalysedByAWorkerProcessAndCollected(@TempDir Path dir) throws Exception {
        try (PostgresServer postgres = PostgresServer.start();
                S3Server s3 = S3Server.start("calls")) {
            System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
            String url = postgres.newDatabase();
            Path useCase = dir.resolve("loans.json");
            Files.writeString(useCase, """
                    {"org_uuid": "%s", "usecase_name": "Archive",
                     "analysis_config": {"analysis_questions": ["Does the caller greet? (Yes/No)"],
                       "analysis_buckets": [{"objective_bucket_name": "Greeting", "description": "a greeting"},
                                            {"objective_bucket_name": "Other", "description": "anything else"}]}}
                    """.formatted(UUID.randomUUID()));
            Path archive = Files.createDirectories(dir.resolve("archive"));
            Files.copy(Path.of(Cli.fixture("speech.mp3")), archive.resolve("a.mp3"));
            Files.copy(Path.of(Cli.fixture("speech-16k.wav")), archive.resolve("b.wav"));
            Files.writeString(archive.resolve("c.wav"), "not audio");
            Path results = dir.resolve("results.jsonl");
            String[] analyze = {
                "analyze",
                "--usecase",
                useCase.toString(),
                "--queue",
                url,
                "--blobs",
                "s3://calls/archive",
                "--s3-endpoint",
                s3.endpoint(),
                "--out",
                results.toString(),
                archive.toString()
            };

            try (ServeProcess worker = worker(dir, url, s3)) {
                Cli.Run run = Cli.run(analyze);
                assertEquals(1, run.exitCode(), "one file is not audio: " + run.err());
                List<JsonNode> queued = run.json();
                assertEquals(3, queued.size(), run.out());
                assertEquals(
                        "INITIATED",
                        queued.get(0).path("state").asText(),
                        queued.get(0).toString());
                assertEquals(
                        "not_audio",
                        queued.get(2).path("problem").asText(),
                        queued.get(2).toString());

                List<JsonNode> collected = Files.readAllLines(results).stream()
                        .map(line -> Cli.parse(line))
                        .toList();
                assertEquals(2, collected.size());
                for (JsonNode result : collected) {
                    assertTrue(result.path("transcript").path("words").size() > 0, result.toString());
                    assertTrue(result.path("analytics").has("bucket"), result.toString());
                }

                Cli.Run again = Cli.run(analyze);
                assertEquals(
                        List.of("not audio"),
                        again.json().stream()
                                .map(line -> line.path("file").asText().replaceAll(".*/c.wav", "not audio"))
                                .toList(),
                        "only what has no result is queued again: " + again.out());
            }
        }
    }

    private static ServeProcess worker(Path dir, String database, S3Server s3) {
        ProcessBuilder command = ServeProcess.commandLine(
                "768m",
                List.of(
                        "worker",
                        "--db",
                        database,
                        "--blobs",
                        "s3://calls/archive",
                        "--s3-endpoint",
                        s3.endpoint(),
                        "--port",
                        "0",
                        "--host",
                        "127.0.0.1",
                        "--data",
                        dir.resolve("worker").toString(),
                        "--workers",
                        "2",
                        "--threads",
                        "1",
                        "--vosk-model",
                        "../models/vosk-model-en-us",
                        "--embedding-model",
                        "../models/e5-small-v2-q"));
        command.environment().put("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
        command.environment().put("AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        return ServeProcess.start(command, Duration.ofMinutes(3));
    }
}
