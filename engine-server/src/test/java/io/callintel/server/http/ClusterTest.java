package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.server.auth.Authenticator;
import io.callintel.server.auth.Secrets;
import io.callintel.server.store.Database;
import io.callintel.testing.PostgresServer;
import io.callintel.testing.S3Server;
import io.callintel.testing.ServeProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment the README describes, as processes: one API node and three worker nodes of {@code callintel serve}
 * on one PostgreSQL database and one S3-protocol store. Sixty recordings go in; one worker is killed (SIGKILL) while
 * it holds a recording. Every recording completes, each exactly once, and the killed worker's recording is taken over
 * once its lease runs out.
 */
class ClusterTest {

    private static final String BASE = ApiServer.BASE;
    private static final Path CALL = Path.of(
            "../engine-testing/src/main/resources/io/callintel/testing/librivox/sense_and_sensibility_01_austen_64kb-0870.wav");
    private static final int RECORDINGS = 60;

    @Test
    void sixtyRecordingsCompleteExactlyOnceThroughAWorkerKilledMidJob(@TempDir Path dir) throws Exception {
        List<ServeProcess> nodes = new ArrayList<>();
        try (PostgresServer postgres = PostgresServer.start();
                S3Server s3 = S3Server.start("calls")) {
            String url = postgres.newDatabase();
            ServeProcess api = serve(dir, "api", "api", url, s3);
            nodes.add(api);
            List<ServeProcess> workers = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                workers.add(serve(dir, "worker", "worker-" + i, url, s3));
            }
            nodes.addAll(workers);

            try (Database db = Database.connect(url, 2)) {
                String org = UUID.randomUUID().toString();
                String token = Authenticator.mint(Secrets.inDatabase(db), org, Duration.ofHours(1), Clock.systemUTC());
                TestServer client = TestServer.client(api.base());
                String useCase =
                        client.createUseCase(token).path("usecase_uuid").asText();
                for (int i = 0; i < RECORDINGS; i++) {
                    TestServer.Reply link = client.post(
                            BASE + "/acme/default/create-upload-link",
                            token,
                            TestServer.linkRequest(CALL, "audio/wav", useCase));
                    assertEquals(201, link.status(), link.body());
                    TestServer.Reply put =
                            client.putFile(link.json().path("upload_url").asText(), CALL, "audio/wav");
                    assertEquals(200, put.status(), put.body());
                }

                // SIGKILL the first worker while it holds a recording: no shutdown hook, no hand-back.
                String held = await(
                        () -> db
                                .query(
                                        "SELECT uuid FROM recording WHERE claimed = 1 AND claimed_by = 'worker-1'",
                                        row -> row.getString(1))
                                .stream()
                                .findFirst()
                                .orElse(null),
                        Duration.ofMinutes(3),
                        "worker-1 never held a recording");
                workers.get(0).kill(Duration.ofSeconds(30));
                List<String> orphaned = db.query(
                        "SELECT uuid FROM recording WHERE claimed = 1 AND claimed_by = 'worker-1'"
                                + " AND state IN ('INITIATED', 'TRANSCRIPTION_COMPLETED')",
                        row -> row.getString(1));
                assertFalse(orphaned.isEmpty(), "killed while holding " + held);

                await(
                        () -> db.count("SELECT COUNT(*) FROM recording WHERE state IN ('ANALYSIS_COMPLETED', 'FAILED')")
                                        == RECORDINGS
                                ? "done"
                                : null,
                        Duration.ofMinutes(10),
                        "not every recording finished");

                assertEquals(
                        RECORDINGS,
                        db.count("SELECT COUNT(*) FROM recording WHERE state = 'ANALYSIS_COMPLETED'"),
                        "every recording analysed: "
                                + db.query(
                                        "SELECT error FROM recording WHERE state = 'FAILED'", row -> row.getString(1)));
                assertEquals(
                        List.of(),
                        db.query(
                                "SELECT recording FROM recording_history WHERE state = 'ANALYSIS_COMPLETED'"
                                        + " GROUP BY recording HAVING COUNT(*) <> 1",
                                row -> row.getString(1)),
                        "each completed exactly once");
                for (String uuid : orphaned) {
                    long attempts = db.count("SELECT attempts FROM recording WHERE uuid = ?", uuid);
                    assertTrue(attempts >= 2, uuid + " was taken over after the kill: attempts " + attempts);
                }
                assertTrue(db.count("SELECT COUNT(*) FROM recording WHERE claimed_by IN ('worker-2', 'worker-3')") > 0);
            } finally {
                for (ServeProcess node : nodes) {
                    node.close();
                }
            }
        }
    }

    private static ServeProcess serve(Path dir, String role, String name, String database, S3Server s3) {
        ProcessBuilder command = ServeProcess.commandLine(
                "768m",
                List.of(
                        "serve",
                        "--role",
                        role,
                        "--node-id",
                        name,
                        "--db",
                        database,
                        "--blobs",
                        "s3://calls/cluster",
                        "--s3-endpoint",
                        s3.endpoint(),
                        "--lease-seconds",
                        "6",
                        "--port",
                        "0",
                        "--host",
                        "127.0.0.1",
                        "--data",
                        dir.resolve(name).toString(),
                        "--workers",
                        "1",
                        "--threads",
                        "1",
                        "--shutdown-grace",
                        "1",
                        "--log-level",
                        "warn",
                        "--vosk-model",
                        TestServer.models().voskModel().toString(),
                        "--embedding-model",
                        TestServer.models().embeddingModel().toString()));
        command.environment().put("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
        command.environment().put("AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        return ServeProcess.start(command, Duration.ofMinutes(3));
    }

    /** Polls until {@code check} gives a value. */
    private static <T> T await(java.util.function.Supplier<T> check, Duration timeout, String failure)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            T value = check.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(failure + " within " + timeout);
    }
}
