package io.callintel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.config.ModelPaths;
import io.callintel.server.app.CallintelServer;
import io.callintel.server.app.Cluster;
import io.callintel.server.app.ServerConfig;
import io.callintel.server.auth.Authenticator;
import io.callintel.server.data.DataDirectory;
import io.callintel.server.store.BlobLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A real server (real models, FFmpeg, SQLite, Jetty) on a free loopback port over a temporary data
 * directory, and a small HTTP client for it. One is shared by all tests of a JVM run (model loading
 * takes seconds); tests create their own orgs, so they never see each other's data.
 */
final class TestServer {

    static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer shared;

    final CallintelServer server;
    final Path data;
    final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestServer(CallintelServer server, Path data) {
        this(server, data, "http://127.0.0.1:" + server.port());
    }

    private TestServer(CallintelServer server, Path data, String base) {
        this.server = server;
        this.data = data;
        this.base = base;
    }

    /** The same requests against a server running elsewhere (another process): no server or data to reach into. */
    static TestServer client(String base) {
        return new TestServer(null, null, base);
    }

    static synchronized TestServer shared() {
        if (shared == null) {
            shared = start(Path.of("target", "api-test-data-" + UUID.randomUUID()));
            Runtime.getRuntime().addShutdownHook(new Thread(shared.server::close));
        }
        return shared;
    }

    static TestServer start(Path data) {
        return start(data, Duration.ofSeconds(5));
    }

    /** @param shutdownGrace how long recordings in flight may run on when it is closed */
    static TestServer start(Path data, Duration shutdownGrace) {
        return start(data, shutdownGrace, Limits.DEFAULTS);
    }

    static TestServer start(Path data, Duration shutdownGrace, Limits limits) {
        return start(data, shutdownGrace, limits, Cluster.SINGLE);
    }

    /** A node of a deployment that shares a PostgreSQL database and an audio directory with others. */
    static TestServer node(Path data, String database, Path blobs, Role role) {
        return node(data, database, new BlobLocation.Directory(blobs), role);
    }

    /** A node of a deployment that shares a PostgreSQL database and an audio store with others. */
    static TestServer node(Path data, String database, BlobLocation blobs, Role role) {
        return start(
                data,
                Duration.ofSeconds(5),
                Limits.DEFAULTS,
                new Cluster(Optional.of(database), Optional.of(blobs), role, role.wireName(), Duration.ofSeconds(10)));
    }

    private static TestServer start(Path data, Duration shutdownGrace, Limits limits, Cluster cluster) {
        try {
            ServerConfig config = new ServerConfig(
                    data.toAbsolutePath(),
                    "127.0.0.1",
                    0,
                    2,
                    2,
                    SpeechRecognizer.DEFAULT_REPLACE_AFTER_SECONDS,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    models(),
                    3,
                    Duration.ofMillis(200),
                    shutdownGrace,
                    limits,
                    Optional.empty(),
                    cluster);
            return new TestServer(CallintelServer.start(config, new FfmpegAudioDecoder()), data.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelPaths models() {
        return new ModelPaths(
                Path.of("../models/vosk-model-en-us").toAbsolutePath(),
                Path.of("../models/e5-small-v2-q").toAbsolutePath());
    }

    /** A token for a fresh org. */
    String newOrgToken() {
        return token(UUID.randomUUID().toString());
    }

    String token(String org) {
        try {
            return Authenticator.mint(new DataDirectory(data).secrets(), org, Duration.ofHours(1), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String orgOf(String token) {
        return com.auth0.jwt.JWT.decode(token).getClaim(Authenticator.ORG_CLAIM).asString();
    }

    /** An answer: status, body text, body as JSON (null when not JSON). */
    record Reply(int status, String body, JsonNode json, HttpResponse<String> raw) {
        String error() {
            return json == null ? null : json.path("error").path("message").asText(null);
        }

        String errorField() {
            return json == null ? null : json.path("error").path("field").asText(null);
        }
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    Reply delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    Reply post(String path, String token, String body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    Reply post(String path, String token, JsonNode body) {
        return post(path, token, body.toString());
    }

    Reply put(String path, String token, JsonNode body) {
        return put(path, token, body.toString());
    }

    Reply put(String path, String token, String body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** The audio under {@code s3Key}, fetched as a player would: a presigned URL from this server, then a GET of it. */
    byte[] audio(String token, String s3Key) throws IOException, InterruptedException {
        String url = post(
                        ApiServer.BASE + "/org-usecases/recording/get-audio-presigned-url",
                        token,
                        JSON.createObjectNode().put("s3_key", s3Key))
                .json()
                .path("url")
                .asText();
        return send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    /** A PUT of a file to a full URL (a presigned upload link). */
    Reply putFile(String url, Path file, String contentType) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofFile(file))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = JSON.readTree(response.body());
            } catch (IOException e) {
                // not JSON
            }
            return new Reply(response.statusCode(), response.body(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return http.send(request, handler);
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofMinutes(2));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** A use case with the seed's loan-offer questions and buckets. */
    JsonNode createUseCase(String token, String... tags) {
        ObjectNode body = JSON.createObjectNode()
                .put("org_uuid", orgOf(token))
                .put("usecase_name", "Lead generation")
                .put("usecase_desc", "Analyze sales calls for quality");
        for (String tag : tags) {
            body.withArray("tags").add(tag);
        }
        body.putArray("buckets").add("bucket1");
        ObjectNode config = body.putObject("analysis_config");
        config.putArray("analysis_questions").add("Is the lead interested in the loan offer? (Yes/No)");
        var buckets = config.putArray("analysis_buckets");
        buckets.addObject()
                .put("objective_bucket_name", "Hot Lead")
                .put("description", "If user is interested in the loan offer.");
        buckets.addObject().put("objective_bucket_name", "Warm Lead").put("description", "if user shows no interest.");
        buckets.addObject()
                .put("objective_bucket_name", "Not Clear")
                .put("description", "if it is not clear that user is not interested in loan offer.");
        Reply reply = post(ApiServer.BASE + "/usecase", token, body);
        if (reply.status() != 201) {
            throw new AssertionError("create use case: " + reply.status() + " " + reply.body());
        }
        return reply.json();
    }

    /** The create-upload-link body for a file. */
    static ObjectNode linkRequest(Path file, String contentType, String useCase) throws IOException {
        ObjectNode body = JSON.createObjectNode()
                .put("file_name", file.getFileName().toString())
                .put("file_size", Files.size(file))
                .put("content_type", contentType);
        ObjectNode metadata =
                body.putObject("metadata").put("call_date", "2025-12-04").put("call_type", "sales");
        if (useCase != null) {
            metadata.put("usecase_uuid", useCase);
        }
        return body;
    }

    /** A recording uploaded through a presigned link and analysed: its uuid and storage key. */
    record Analysed(String recording, String s3Key) {}

    /** Uploads the file to the use case through a presigned link and waits until it is analysed (fails otherwise). */
    Analysed uploadAndAnalyse(String token, String useCase, Path file, String contentType)
            throws IOException, InterruptedException {
        Reply link = post(
                ApiServer.BASE + "/acme/default/create-upload-link", token, linkRequest(file, contentType, useCase));
        String recording = link.json().path("recording_uuid").asText();
        Reply upload = putFile(link.json().path("upload_url").asText(), file, contentType);
        if (upload.status() != 200) {
            throw new AssertionError("upload: " + upload.status() + " " + upload.body());
        }
        JsonNode done = awaitFinal(token, orgOf(token), useCase, recording, Duration.ofMinutes(3));
        if (!done.path("state").asText().equals("ANALYSIS_COMPLETED")) {
            throw new AssertionError("not analysed: " + done);
        }
        return new Analysed(recording, link.json().path("s3_key").asText());
    }

    /** Polls a recording until it reaches a final state or the time runs out. */
    JsonNode awaitFinal(String token, String org, String useCase, String recording, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        ObjectNode body = JSON.createObjectNode().put("org_uuid", org).put("recording_uuid", recording);
        if (useCase != null) {
            body.put("usecase_uuid", useCase);
        }
        while (true) {
            Reply reply = post(ApiServer.BASE + "/org-usecases/get-recording-details", token, body);
            String state = reply.json().path("state").asText();
            if (state.equals("ANALYSIS_COMPLETED")
                    || state.equals("FAILED")
                    || Instant.now().isAfter(deadline)) {
                return reply.json();
            }
            Thread.sleep(250);
        }
    }
}
