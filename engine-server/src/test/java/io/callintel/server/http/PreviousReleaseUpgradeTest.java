package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.server.auth.Authenticator;
import io.callintel.server.data.DataDirectory;
import io.callintel.server.http.TestServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Today's server on a data directory written by the release before schema migrations (see the fixture's README):
 * the database is upgraded in place, and everything in it still works: its API key and secret, its use case, its
 * analysed recording (now filterable by the bucket and answer it got), its audio and its search index.
 */
class PreviousReleaseUpgradeTest {

    private static final String BASE = ApiServer.BASE;
    private static final String ORG = "33bbb237-6256-4c81-b423-a5bd16af5a32";
    private static final String API_KEY = "ci_Zq-mrgtimjDEGAmSupYmMgov8enfYfA9tHRbyDSMsug";
    private static final String USE_CASE = "6543022c-0a16-4064-afc7-ff62d639f803";
    private static final String RECORDING = "25194411-957a-4633-926c-646deba5ce30";

    @Test
    void aDataDirectoryOfThePreviousReleaseUpgradesInPlace(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        copy(
                Path.of(getClass()
                        .getResource("/io/callintel/server/previous-release/data")
                        .toURI()),
                data);
        TestServer server = TestServer.start(data);
        try {
            Reply withKey = server.send(HttpRequest.newBuilder(URI.create(server.base + BASE + "/usecase/" + USE_CASE))
                    .header("Authorization", "Token " + API_KEY)
                    .build());
            assertEquals(200, withKey.status(), "the old API key: " + withKey.body());
            assertEquals("Previous release", withKey.json().path("usecase_name").asText());

            String token = Authenticator.mint(
                    new DataDirectory(data).secrets(), ORG, Duration.ofMinutes(10), Clock.systemUTC());
            ObjectNode useCase = TestServer.JSON.createObjectNode().put("usecase_uuid", USE_CASE);
            assertEquals(
                    List.of(RECORDING), listed(server, token, useCase.deepCopy().put("bucket", "Family story")));
            assertEquals(List.of(), listed(server, token, useCase.deepCopy().put("bucket", "Sales call")));
            assertEquals(
                    List.of(RECORDING),
                    listed(
                            server,
                            token,
                            useCase.deepCopy()
                                    .put("question", "Does the speaker talk about a family? (Yes/No)")
                                    .put("answer", "No")));
            assertEquals(
                    List.of(RECORDING),
                    listed(server, token, TestServer.JSON.createObjectNode().put("tag", "legacy")));

            ObjectNode ids = useCase.deepCopy().put("recording_uuid", RECORDING);
            JsonNode result = server.post(BASE + "/org-usecases/recording/transcript-analytics", token, ids)
                    .json();
            assertEquals(
                    "Family story",
                    result.path("analytics").path("bucket").path("name").asText(),
                    result.toString());
            assertTrue(result.path("transcript").path("words").size() > 10);
            JsonNode summary = server.post(BASE + "/org-usecases/analytics/summary-details", token, useCase)
                    .json();
            assertEquals(1, summary.path("analysed_calls").asInt(), summary.toString());

            JsonNode hits = server.get(BASE + "/search?q=dashwood", token).json();
            assertEquals(
                    RECORDING, hits.path("hits").path(0).path("recording_uuid").asText(), hits.toString());

            String s3Key = "acme/default/recordings/" + RECORDING + ".wav";
            byte[] audio = server.audio(token, s3Key);
            assertArrayEquals(Files.readAllBytes(data.resolve("audio").resolve(s3Key)), audio);
        } finally {
            server.server.close();
        }
        assertEquals(expectedMigrations(), migrations(data));
    }

    private static List<String> listed(TestServer server, String token, ObjectNode filters) {
        Reply reply = server.post(BASE + "/org-usecases/recordings", token, filters);
        assertEquals(200, reply.status(), reply.body());
        List<String> uuids = new ArrayList<>();
        reply.json()
                .path("recordings")
                .forEach(r -> uuids.add(r.path("recording_uuid").asText()));
        return uuids;
    }

    /** The previous release's schema as version 1, then every later migration of this release, in order. */
    private List<String> expectedMigrations() throws Exception {
        List<String> expected = new ArrayList<>(List.of("1 schema before migrations"));
        try (Stream<Path> files =
                Files.list(Path.of(getClass().getResource("/db/sqlite").toURI()))) {
            files.map(file -> file.getFileName().toString())
                    .map(name ->
                            name.replaceFirst("^V(\\d+)__(.*)\\.sql$", "$1 $2").replace('_', ' '))
                    .filter(step -> !step.startsWith("1 "))
                    .sorted(java.util.Comparator.comparingInt(step -> Integer.parseInt(step.split(" ")[0])))
                    .forEach(expected::add);
        }
        return expected;
    }

    /** The schema history Flyway keeps: version and description of each step, in order. */
    private static List<String> migrations(Path data) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("callintel.db"));
                ResultSet rows = db.createStatement()
                        .executeQuery("SELECT version, description FROM flyway_schema_history"
                                + " WHERE success = 1 ORDER BY installed_rank")) {
            List<String> steps = new ArrayList<>();
            while (rows.next()) {
                steps.add(rows.getString(1) + " " + rows.getString(2));
            }
            return steps;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
