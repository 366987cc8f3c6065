package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.server.auth.ApiKeys;
import io.callintel.server.auth.Authenticator;
import io.callintel.server.auth.Secrets;
import io.callintel.server.data.DataDirectory;
import io.callintel.server.http.TestServer.Reply;
import io.callintel.server.store.Database;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error the issue names, with its status, message and field, over real HTTP. */
class ApiErrorsTest {

    private static final String BASE = ApiServer.BASE;
    private static final long LIMIT = Limits.DEFAULTS.maxUploadBytes();
    private final TestServer server = TestServer.shared();
    private final String token = server.newOrgToken();
    private final String org = TestServer.orgOf(token);

    @Test
    void missingBadOrExpiredCredentialsAre401() throws Exception {
        String path = BASE + "/org-usecases/" + org;
        assertUnauthorized(server.get(path, null));
        assertUnauthorized(server.send(server.request(path, null)
                .header("Authorization", "Bearer not.a.jwt")
                .GET()
                .build()));
        assertUnauthorized(server.send(server.request(path, null)
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .GET()
                .build()));
        String expired = Authenticator.mint(
                new DataDirectory(server.data).secrets(),
                org,
                Duration.ofMinutes(5),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)));
        assertUnauthorized(server.get(path, expired));
        String foreign = Authenticator.mint(Secrets.of("x".repeat(40)), org, Duration.ofHours(1), Clock.systemUTC());
        assertUnauthorized(server.get(path, foreign));
        assertUnauthorized(server.send(server.request(path, null)
                .header("Authorization", "Token nope")
                .GET()
                .build()));
        assertEquals(200, server.get(path, token).status());
    }

    @Test
    void apiKeysAuthenticateAsTheirOrg() {
        String key;
        try (Database db = Database.open(server.data.resolve("callintel.db"))) {
            key = new ApiKeys(db, Clock.systemUTC()).create(org, "test");
        }
        Reply reply = server.send(server.request(BASE + "/org-usecases/" + org, null)
                .header("Authorization", "Token " + key)
                .GET()
                .build());
        assertEquals(200, reply.status(), reply.body());
        Reply other = server.send(server.request(BASE + "/org-usecases/" + UUID.randomUUID(), null)
                .header("Authorization", "Token " + key)
                .GET()
                .build());
        assertEquals(404, other.status());
    }

    @Test
    void malformedBodiesAndWrongTypesAre400NamingTheField() {
        assertError(server.post(BASE + "/usecase", token, "{\"org_uuid\": "), 400, null, "Malformed JSON");
        assertError(server.post(BASE + "/usecase", token, "[1, 2]"), 400, null, "JSON object");
        assertError(
                server.post(BASE + "/usecase", token, useCase().put("usecase_name", 5)), 400, "usecase_name", "string");
        ObjectNode tags = useCase();
        tags.put("tags", "sales");
        assertError(server.post(BASE + "/usecase", token, tags), 400, "tags", "array");
        ObjectNode buckets = useCase();
        buckets.putObject("analysis_config").putArray("analysis_buckets").add("Hot Lead");
        assertError(
                server.post(BASE + "/usecase", token, buckets), 400, "analysis_config.analysis_buckets[0]", "object");
        ObjectNode tooMany = useCase();
        var questions = tooMany.putObject("analysis_config").putArray("analysis_questions");
        for (int i = 0; i <= UseCaseHandlers.MAX_QUESTIONS; i++) {
            questions.add("Question " + i + "? (Yes/No)");
        }
        assertError(
                server.post(BASE + "/usecase", token, tooMany),
                400,
                "analysis_config.analysis_questions",
                "at most 50 questions per use case");
        ObjectNode manyBuckets = useCase();
        var names = manyBuckets.putArray("buckets");
        for (int i = 0; i <= UseCaseHandlers.MAX_BUCKETS; i++) {
            names.add("Bucket " + i);
        }
        assertError(server.post(BASE + "/usecase", token, manyBuckets), 400, "buckets", "at most 50 buckets");
        ObjectNode missing = useCase();
        missing.remove("usecase_name");
        assertError(server.post(BASE + "/usecase", token, missing), 400, "usecase_name", "required");
        assertError(
                server.post(BASE + "/org-usecases/recordings", token, "{\"usecase_uuid\": \"x\", \"page\": \"one\"}"),
                400,
                "usecase_uuid",
                "Invalid UUID");
        String useCase = server.createUseCase(token).path("usecase_uuid").asText();
        assertError(
                server.post(
                        BASE + "/org-usecases/recordings",
                        token,
                        "{\"usecase_uuid\": \"" + useCase + "\", \"page\": \"one\"}"),
                400,
                "page",
                "integer");
        ObjectNode link = TestServer.JSON
                .createObjectNode()
                .put("file_name", "call.wav")
                .put("file_size", 100)
                .put("content_type", "audio/wav");
        link.putObject("metadata").put("agent_channel", 2);
        assertError(
                server.post(BASE + "/acme/default/create-upload-link", token, link),
                400,
                "metadata.agent_channel",
                "0 (left) or 1 (right)");
        link.putObject("metadata").put("speakers", 0);
        assertError(
                server.post(BASE + "/acme/default/create-upload-link", token, link), 400, "metadata.speakers", "1..10");
        link.putObject("metadata").put("noise_reduction", "loud");
        assertError(
                server.post(BASE + "/acme/default/create-upload-link", token, link),
                400,
                "metadata.noise_reduction",
                "auto, on or off");
    }

    @Test
    void badUuidsAndDatesAre400() {
        assertError(server.get(BASE + "/usecase/not-a-uuid", token), 400, "usecase_uuid", "Invalid UUID");
        assertError(server.get(BASE + "/org-usecases/1234", token), 400, "org_uuid", "Invalid UUID");
        String useCase = server.createUseCase(token).path("usecase_uuid").asText();
        ObjectNode body =
                TestServer.JSON.createObjectNode().put("usecase_uuid", useCase).put("start_date", "2025/12/01");
        assertError(
                server.post(BASE + "/org-usecases/recordings", token, body), 400, "start_date", "Invalid date format");
        body.put("start_date", "2025-02-30");
        assertError(
                server.post(BASE + "/org-usecases/recordings", token, body), 400, "start_date", "Invalid date format");
        ObjectNode link = TestServer.JSON
                .createObjectNode()
                .put("file_name", "a.wav")
                .put("file_size", 1000)
                .put("content_type", "audio/wav");
        link.putObject("metadata").put("call_date", "04-12-2025");
        assertError(
                server.post(BASE + "/acme/default/create-upload-link", token, link),
                400,
                "metadata.call_date",
                "Invalid date format");
        ObjectNode details =
                TestServer.JSON.createObjectNode().put("org_uuid", org).put("recording_uuid", "123");
        assertError(
                server.post(BASE + "/org-usecases/get-recording-details", token, details),
                400,
                "recording_uuid",
                "Invalid UUID");
    }

    @Test
    void badListingFiltersAndSummaryRangesAre400() {
        String useCase = server.createUseCase(token).path("usecase_uuid").asText();
        String recordings = BASE + "/org-usecases/recordings";
        ObjectNode body = TestServer.JSON.createObjectNode().put("usecase_uuid", useCase);
        assertError(
                server.post(recordings, token, body.deepCopy().put("sort_by", "size")), 400, "sort_by", "file_name");
        assertError(server.post(recordings, token, body.deepCopy().put("sort_order", "up")), 400, "sort_order", "asc");
        assertError(server.post(recordings, token, body.deepCopy().put("question", "Q?")), 400, "answer", "missing");
        assertError(server.post(recordings, token, body.deepCopy().put("bucket", "Nope")), 400, "bucket", "Nope");
        assertError(
                server.post(
                        recordings, token, body.deepCopy().put("question", "Q?").put("answer", "Yes")),
                400,
                "question",
                "does not ask");
        ObjectNode range = body.deepCopy().put("start_date", "2026-02-01").put("end_date", "2026-01-01");
        assertError(
                server.post(BASE + "/org-usecases/analytics/summary-details", token, range),
                400,
                "start_date",
                "after end_date");
        assertError(server.post(recordings, token, range), 400, "start_date", "after end_date");
    }

    @Test
    void pagingOutOfRangeIs400() {
        String useCase = server.createUseCase(token).path("usecase_uuid").asText();
        assertError(server.get(BASE + "/org-usecases/" + org + "?page=0", token), 400, "page", "page");
        assertError(server.get(BASE + "/org-usecases/" + org + "?limit=101", token), 400, "limit", "1 and 100");
        assertError(server.get(BASE + "/org-usecases/" + org + "?limit=0", token), 400, "limit", "1 and 100");
        ObjectNode body =
                TestServer.JSON.createObjectNode().put("usecase_uuid", useCase).put("limit", 500);
        assertError(server.post(BASE + "/org-usecases/recordings", token, body), 400, "limit", "1 and 100");
        body.put("limit", 10).put("page", -1);
        assertError(server.post(BASE + "/org-usecases/recordings", token, body), 400, "page", "page");
    }

    @Test
    void unknownUseCasesRecordingsAndEndpointsAre404() {
        String absent = UUID.randomUUID().toString();
        assertError(server.get(BASE + "/usecase/" + absent, token), 404, null, "Use case not found");
        assertError(server.put(BASE + "/usecase/" + absent, token, useCase()), 404, null, "Use case not found");
        assertError(server.delete(BASE + "/usecase/" + absent, token), 404, null, "Use case not found");
        ObjectNode ids = TestServer.JSON.createObjectNode().put("org_uuid", org).put("recording_uuid", absent);
        assertError(
                server.post(BASE + "/org-usecases/get-recording-details", token, ids),
                404,
                null,
                "Recording not found");
        assertError(
                server.post(BASE + "/org-usecases/recording/transcript-analytics", token, ids), 404, null, "not found");
        ObjectNode summary =
                TestServer.JSON.createObjectNode().put("org_uuid", org).put("usecase_uuid", absent);
        assertError(
                server.post(BASE + "/org-usecases/analytics/summary-counts", token, summary), 404, null, "not found");
        ObjectNode link = TestServer.JSON
                .createObjectNode()
                .put("file_name", "a.wav")
                .put("file_size", 1000)
                .put("content_type", "audio/wav");
        link.putObject("metadata").put("usecase_uuid", absent);
        assertError(
                server.post(BASE + "/acme/default/create-upload-link", token, link), 404, null, "Use case not found");
        assertError(
                server.post(
                        BASE + "/org-usecases/recording/get-audio-presigned-url",
                        token,
                        TestServer.JSON.createObjectNode().put("s3_key", "acme/default/recordings/" + absent + ".wav")),
                404,
                null,
                "not found");
        assertError(server.get(BASE + "/no-such-endpoint", token), 404, null, "not found");
    }

    @Test
    void tooLargeIs413() throws Exception {
        ObjectNode link = TestServer.JSON
                .createObjectNode()
                .put("file_name", "big.wav")
                .put("file_size", LIMIT + 1)
                .put("content_type", "audio/wav");
        assertError(server.post(BASE + "/acme/default/create-upload-link", token, link), 413, "file_size", "104857600");
        link.put("file_size", LIMIT);
        assertEquals(
                201,
                server.post(BASE + "/acme/default/create-upload-link", token, link)
                        .status(),
                "exactly 100 MB is allowed");

        // Direct uploads one byte over the limit (inside the multipart slack) and far over it (refused on
        // Content-Length).
        for (long size : new long[] {LIMIT + 1, LIMIT + 5_000_000}) {
            Reply reply = directUpload("big.wav", "audio/wav", new ZeroStream(size), size);
            assertError(reply, 413, "file", "too large");
        }
        String huge = "{\"org_uuid\": \"" + org + "\", \"usecase_name\": \"" + "x".repeat(1_100_000) + "\"}";
        assertEquals(413, server.post(BASE + "/usecase", token, huge).status(), "JSON bodies are capped");
    }

    @Test
    void unsupportedAudioIs415(@TempDir Path dir) throws Exception {
        ObjectNode link = TestServer.JSON
                .createObjectNode()
                .put("file_name", "notes.txt")
                .put("file_size", 10)
                .put("content_type", "audio/wav");
        assertError(
                server.post(BASE + "/acme/default/create-upload-link", token, link),
                415,
                "file_name",
                "Unsupported audio format");
        link.put("file_name", "call.wav").put("content_type", "text/plain");
        assertError(
                server.post(BASE + "/acme/default/create-upload-link", token, link),
                415,
                "content_type",
                "content type");

        Path text = Files.writeString(dir.resolve("call.wav"), "this is not audio at all, just some text\n".repeat(50));
        Reply created = server.post(
                BASE + "/acme/default/create-upload-link", token, TestServer.linkRequest(text, "audio/wav", null));
        Reply put = server.putFile(created.json().path("upload_url").asText(), text, "audio/wav");
        assertError(put, 415, "file", "Unsupported or unreadable audio");
        ObjectNode ids = TestServer.JSON
                .createObjectNode()
                .put("org_uuid", org)
                .put("recording_uuid", created.json().path("recording_uuid").asText());
        assertEquals(
                "AWAITING_UPLOAD",
                server.post(BASE + "/org-usecases/get-recording-details", token, ids)
                        .json()
                        .path("state")
                        .asText(),
                "a refused upload can be retried with the right file");

        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        Reply direct =
                directUpload("noise.mp3", "audio/mpeg", new java.io.ByteArrayInputStream(garbage), garbage.length);
        assertError(direct, 415, "file", "Unsupported or unreadable audio");

        // A real WAV whose sample-rate field says 1 Hz: 845 KB that would decode into days of audio.
        byte[] forged = Files.readAllBytes(Path.of("../engine-audio/src/test/resources/audio/speech-16k.wav"));
        java.nio.ByteBuffer.wrap(forged).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(24, 1);
        Reply bomb = directUpload("bomb.wav", "audio/wav", new java.io.ByteArrayInputStream(forged), forged.length);
        assertError(bomb, 415, "file", "sample rate of 1 Hz");
    }

    @Test
    void directUploadMetadataMustBeAJsonString() throws Exception {
        byte[] mp3 = Files.readAllBytes(Path.of("../engine-audio/src/test/resources/audio/speech.mp3"));
        for (String metadata : new String[] {"not json", "[1,2]", "{\"call_type\": "}) {
            Multipart form = new Multipart()
                    .file("file", "speech.mp3", "audio/mpeg", mp3)
                    .field("metadata", metadata);
            Reply reply = server.send(server.request(BASE + "/acme/default/direct-upload", token)
                    .header("Content-Type", form.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                    .build());
            assertError(reply, 400, "metadata", "Metadata must be a valid JSON string");
        }
        Multipart noFile =
                new Multipart().field("usecase_uuid", UUID.randomUUID().toString());
        Reply reply = server.send(server.request(BASE + "/acme/default/direct-upload", token)
                .header("Content-Type", noFile.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(noFile.bytes()))
                .build());
        assertError(reply, 400, "file", "file is required");
    }

    @Test
    void pathNamesCannotEscapeTheDataDirectory() {
        ObjectNode link = TestServer.JSON
                .createObjectNode()
                .put("file_name", "a.wav")
                .put("file_size", 1000)
                .put("content_type", "audio/wav");
        assertError(
                server.post(BASE + "/..%2F..%2Fetc/default/create-upload-link", token, link),
                400,
                "client_name",
                "letters");
        assertError(
                server.post(BASE + "/acme/.hidden/create-upload-link", token, link), 400, "client_profile", "letters");
        link.put("file_name", "../../../../etc/passwd.wav");
        Reply reply = server.post(BASE + "/acme/default/create-upload-link", token, link);
        assertEquals(201, reply.status(), "the file name is kept as metadata only");
        assertTrue(reply.json().path("s3_key").asText().matches("acme/default/recordings/[0-9a-f-]{36}\\.wav"));
    }

    private Reply directUpload(String name, String type, InputStream content, long size) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        InputStream body = new java.io.SequenceInputStream(java.util.Collections.enumeration(java.util.List.of(
                new java.io.ByteArrayInputStream(head), content, new java.io.ByteArrayInputStream(tail))));
        long length = head.length + size + tail.length;
        try {
            // Expect: 100-continue, as curl sends for large bodies: a refusal arrives before the body is sent,
            // instead of the server closing the connection on a client that is still sending 100 MB.
            return server.send(server.request(BASE + "/acme/default/direct-upload", token)
                    .expectContinue(true)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> body), length))
                    .build());
        } catch (java.io.UncheckedIOException e) {
            throw new AssertionError("the server dropped the connection instead of answering", e);
        }
    }

    /** {@code size} zero bytes, generated: no 100 MB array in the test. */
    private static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }

    private ObjectNode useCase() {
        return TestServer.JSON.createObjectNode().put("org_uuid", org).put("usecase_name", "Support");
    }

    private static void assertUnauthorized(Reply reply) {
        assertError(reply, 401, null, "Invalid or expired authentication token");
    }

    static void assertError(Reply reply, int status, String field, String messagePart) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.json() != null && reply.json().path("error").isObject(), "JSON error body: " + reply.body());
        String message = reply.error();
        assertTrue(
                message != null && message.contains(messagePart),
                "message '" + message + "' should contain '" + messagePart + "'");
        assertEquals(field, reply.errorField(), reply.body());
    }
}
