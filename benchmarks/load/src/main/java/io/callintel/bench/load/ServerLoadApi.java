package io.callintel.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few API calls the benchmark makes, over one JDK {@link HttpClient} on HTTP/1.1 (keep-alive; the
 * client opens a connection per concurrent request and pools it). See openapi.json for the shapes.
 */
final class ServerLoadApi {

    static final String BASE = "/v1alpha/callintel";
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // the default (HTTP/2) would try an h2c upgrade first
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final String org;
    private final String root;
    private final String bearer;
    private final ObjectMapper json = new ObjectMapper();

    ServerLoadApi(String host, int port, String token, String org) {
        this.root = "http://" + host + ":" + port;
        this.bearer = "Bearer " + token;
        this.org = org;
    }

    /** A request with the token, ready for GET or for a JSON body. */
    HttpRequest get(String path) {
        return authorized(path).GET().build();
    }

    HttpRequest post(String path, ObjectNode body) {
        return authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    /** Sends and insists on the expected status; returns the JSON body. */
    JsonNode call(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + " (expected " + expected + "): " + response.body());
        }
        return json.readTree(response.body());
    }

    /** A use case with a small, realistic analysis configuration; returns its uuid. */
    String createUseCase(String name) throws IOException, InterruptedException {
        ObjectNode body = object().put("org_uuid", org)
                .put("usecase_name", name)
                .put("usecase_desc", "Load test: qualify leads called about the loan offer");
        body.putArray("tags").add("sales").add("load-test");
        ObjectNode config = body.putObject("analysis_config");
        config.putArray("analysis_questions")
                .add("Is the lead interested in the loan offer? (Yes/No)")
                .add("Did the agent mention the interest rate? (Yes/No)");
        var buckets = config.putArray("analysis_buckets");
        buckets.addObject().put("objective_bucket_name", "Hot Lead").put("description", "Wants to go ahead.");
        buckets.addObject().put("objective_bucket_name", "Cold Lead").put("description", "Not interested.");
        buckets.addObject().put("objective_bucket_name", "Not Clear").put("description", "Cannot tell.");
        return call(post(BASE + "/usecase", body), 201).path("usecase_uuid").asText();
    }

    record UploadLink(String recordingUuid, URI url, String contentType) {}

    /** Step 1 of the presigned flow: the recording is created (AWAITING_UPLOAD) and a signed PUT URL returned. */
    UploadLink createUploadLink(String useCase, String fileName, long size) throws IOException, InterruptedException {
        ObjectNode body =
                object().put("file_name", fileName).put("file_size", size).put("content_type", "audio/wav");
        body.putObject("metadata").put("usecase_uuid", useCase).put("call_type", "sales");
        JsonNode link = call(post(BASE + "/load-test/bench/create-upload-link", body), 201);
        return new UploadLink(
                link.path("recording_uuid").asText(),
                URI.create(link.path("upload_url").asText()),
                link.path("headers").path("Content-Type").asText());
    }

    /** Step 2: PUT the file, streamed from disk by the client; answered once stored, fsynced and probed. */
    CompletableFuture<HttpResponse<String>> upload(UploadLink link, Path file) throws IOException {
        HttpRequest put = HttpRequest.newBuilder(link.url())
                .header("Content-Type", link.contentType())
                .timeout(Duration.ofMinutes(10))
                .PUT(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        return http.sendAsync(put, HttpResponse.BodyHandlers.ofString());
    }

    /** GET /metrics (no token): Prometheus text. */
    String metrics() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "/metrics"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Java heap in use: the sum of jvm_memory_used_bytes{area="heap"} over the heap pools, in MiB. */
    static double heapUsedMib(String metrics) {
        return heapMib(metrics, "jvm_memory_used_bytes{");
    }

    /** Java heap reserved from the OS (what the heap adds to RSS at most): jvm_memory_committed_bytes, in MiB. */
    static double heapCommittedMib(String metrics) {
        return heapMib(metrics, "jvm_memory_committed_bytes{");
    }

    private static double heapMib(String metrics, String prefix) {
        double bytes = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(prefix) && line.contains("area=\"heap\"")) {
                bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    /**
     * The server's own view of each route's 200 answers: {count, seconds} from its request timer
     * (callintel_http_requests_seconds, measured by Jetty's request log: handling only, no queueing
     * before the request is read). Differences between two scrapes give the mean handling time.
     */
    static Map<String, double[]> routeTimes(String metrics) {
        Map<String, double[]> routes = new HashMap<>();
        for (String line : metrics.split("\n")) {
            boolean count = line.startsWith("callintel_http_requests_seconds_count{");
            boolean sum = line.startsWith("callintel_http_requests_seconds_sum{");
            if (!count && !sum) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            Matcher m = LABEL.matcher(line.substring(0, line.lastIndexOf('}')));
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
            if (!"200".equals(labels.get("status"))) {
                continue;
            }
            double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            routes.computeIfAbsent(labels.get("method") + " " + labels.get("route"), k -> new double[2])[
                    count ? 0 : 1] += value;
        }
        return routes;
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(root + path))
                .header("Authorization", bearer)
                .timeout(Duration.ofSeconds(30));
    }
}
