package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.server.http.TestServer.Reply;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Health, the OpenAPI document and Prometheus metrics, without a token. */
class SystemEndpointsTest {

    private final TestServer server = TestServer.shared();

    @Test
    void healthAndOpenApiAreServed() {
        Reply health = server.get("/health", null);
        assertEquals(200, health.status());
        assertEquals("ok", health.json().path("status").asText());
        Reply openApi = server.get("/openapi.json", null);
        assertEquals(200, openApi.status());
        assertTrue(
                openApi.json().path("openapi").asText().startsWith("3."),
                openApi.body().substring(0, 100));
        assertTrue(openApi.json().path("paths").has(ApiServer.BASE + "/usecase"));
    }

    @Test
    void metricsShowQueueStatesStagesAndRequests() throws Exception {
        String token = server.newOrgToken();
        byte[] mp3 = Files.readAllBytes(Path.of("../engine-audio/src/test/resources/audio/speech.mp3"));
        Multipart form = new Multipart().file("file", "speech.mp3", "audio/mpeg", mp3);
        Reply upload = server.send(server.request(ApiServer.BASE + "/acme/default/direct-upload", token)
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                .build());
        String recording = upload.json().path("recording_uuid").asText();
        assertEquals(
                "ANALYSIS_COMPLETED",
                server.awaitFinal(token, TestServer.orgOf(token), null, recording, Duration.ofMinutes(2))
                        .path("state")
                        .asText());
        Thread.sleep(2_100); // state counts are cached for two seconds

        Reply metrics = server.get("/metrics", null);
        assertEquals(200, metrics.status());
        assertTrue(metrics.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = metrics.body();
        assertTrue(text.contains("callintel_queue_depth"), text);
        assertTrue(value(text, "callintel_recognizer_replacements_total") >= 0, text);
        assertTrue(value(text, "callintel_recordings\\{state=\"ANALYSIS_COMPLETED\"\\}") >= 1, text);
        assertTrue(value(text, "callintel_stage_duration_seconds_count\\{stage=\"transcription\"\\}") >= 1, text);
        assertTrue(value(text, "callintel_stage_duration_seconds_count\\{stage=\"analysis\"\\}") >= 1, text);
        assertTrue(
                value(text, "callintel_stage_realtime_factor_max\\{stage=\"transcription\"\\}") > 1,
                "faster than real time");
        assertTrue(text.contains("callintel_http_requests_seconds_count{method=\"POST\""), text);
        assertTrue(text.contains("jvm_memory_used_bytes"), text);
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
