package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.server.auth.ApiKeys;
import io.callintel.server.auth.Authenticator;
import io.callintel.server.auth.Secrets;
import io.callintel.server.http.TestServer.Reply;
import io.callintel.server.store.BlobLocation;
import io.callintel.server.store.Database;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogues;
import io.callintel.testing.PostgresServer;
import io.callintel.testing.S3Server;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes on one PostgreSQL database and one S3-protocol object store (s3rver), each with its own data directory
 * and no disk in common: two API nodes, which run no recognition, and a worker node, which serves no API. A call
 * uploaded to one API node is processed by the worker, and both API nodes answer for it alike (results, search hits,
 * the audio itself); a token or API key made against the database works on both.
 */
class SharedDatabaseTest {

    private static final String BASE = ApiServer.BASE;

    @Test
    void anApiNodeAndAWorkerNodeShareTheQueueResultsAndCredentials(@TempDir Path dir) throws Exception {
        try (PostgresServer postgres = PostgresServer.start();
                S3Server s3 = S3Server.start("calls")) {
            System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
            String url = postgres.newDatabase();
            BlobLocation audio = BlobLocation.parse("s3://calls/test", Optional.of(s3.endpoint()), "us-east-1");
            TestServer api = TestServer.node(dir.resolve("api"), url, audio, Role.API);
            TestServer other = TestServer.node(dir.resolve("other"), url, audio, Role.API);
            TestServer worker = TestServer.node(dir.resolve("worker"), url, audio, Role.WORKER);
            try (Database db = Database.connect(url, 2)) {
                String org = UUID.randomUUID().toString();
                String token = Authenticator.mint(Secrets.inDatabase(db), org, Duration.ofHours(1), Clock.systemUTC());
                String key = new ApiKeys(db, Clock.systemUTC()).create(org, "shared");

                String useCase =
                        api.createUseCase(token, "sales").path("usecase_uuid").asText();
                Path call = Dialogues.generate(Dialogues.LOAN_SALES, CallFormat.MONO_16K, dir)
                        .file();
                Reply link = api.post(
                        BASE + "/acme/default/create-upload-link",
                        token,
                        TestServer.linkRequest(call, "audio/wav", useCase));
                assertEquals(201, link.status(), link.body());
                assertEquals(
                        200,
                        api.putFile(link.json().path("upload_url").asText(), call, "audio/wav")
                                .status());
                String recording = link.json().path("recording_uuid").asText();

                JsonNode done = api.awaitFinal(token, org, useCase, recording, Duration.ofMinutes(3));
                assertEquals("ANALYSIS_COMPLETED", done.path("state").asText(), done.toString());

                ObjectNode ids = TestServer.JSON.createObjectNode().put("recording_uuid", recording);
                JsonNode fromApi = api.post(BASE + "/org-usecases/recording/transcript-analytics", token, ids)
                        .json();
                JsonNode fromOther = other.post(BASE + "/org-usecases/recording/transcript-analytics", token, ids)
                        .json();
                assertEquals(fromOther, fromApi, "both API nodes answer from the one database");
                assertEquals(
                        404,
                        worker.post(BASE + "/org-usecases/recordings", token, ids)
                                .status(),
                        "no API");
                JsonNode summary = api.post(
                                BASE + "/org-usecases/analytics/summary-details",
                                token,
                                TestServer.JSON.createObjectNode().put("usecase_uuid", useCase))
                        .json();
                assertEquals(1, summary.path("analysed_calls").asInt(), "the API node counts the worker's work");
                JsonNode counts = other.post(
                                BASE + "/org-usecases/analytics/summary-counts",
                                token,
                                TestServer.JSON.createObjectNode().put("usecase_uuid", useCase))
                        .json();
                assertEquals(1, counts.path("completed_analytics").asInt(), counts.toString());
                assertEquals(100.0, counts.path("completion_percentage").asDouble(), counts.toString());

                JsonNode health = worker.get("/health", null).json();
                assertEquals("worker", health.path("role").asText(), health.toString());
                assertEquals("ok", health.path("database").asText(), health.toString());
                assertEquals("ok", health.path("blob_store").asText(), health.toString());
                assertEquals("api", api.get("/health", null).json().path("role").asText());

                String s3Key = link.json().path("s3_key").asText();
                byte[] streamed = other.audio(token, s3Key);
                assertArrayEquals(Files.readAllBytes(call), streamed, "the other API node serves the audio from S3");

                for (TestServer node : new TestServer[] {api, other}) {
                    Reply withKey =
                            node.send(HttpRequest.newBuilder(URI.create(node.base + BASE + "/usecase/" + useCase))
                                    .header("Authorization", "Token " + key)
                                    .build());
                    assertEquals(200, withKey.status(), withKey.body());
                }

                // Deleted through one API node: gone from the other's search, and from the object store.
                assertEquals(
                        204,
                        other.delete(BASE + "/recording/" + recording, token).status());
                assertEquals(
                        0,
                        api.get(BASE + "/search?q=loan", token)
                                .json()
                                .path("total_hits")
                                .asInt());
                assertEquals(
                        404,
                        api.post(BASE + "/org-usecases/get-recording-details", token, ids)
                                .status());
                try (var objects = Files.walk(s3.directory())) {
                    assertEquals(
                            List.of(),
                            objects.filter(path -> path.toString().contains(recording))
                                    .toList(),
                            "no object of it is left");
                }
            } finally {
                api.server.close();
                other.server.close();
                worker.server.close();
            }
        }
    }
}
