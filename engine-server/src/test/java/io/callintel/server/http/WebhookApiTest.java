package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.callintel.server.http.TestServer.Reply;
import io.callintel.server.service.WebhookDispatcher;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Webhooks through the API of a real server: one registered for a use case's recordings gets {@code
 * recording.transcribed} and {@code recording.analyzed} for an uploaded call, signed, and its delivery log says so;
 * bad requests are 400; another organization's webhook is 404.
 */
class WebhookApiTest {

    private static final String BASE = ApiServer.BASE;
    private static final Path MP3 = Path.of("../engine-audio/src/test/resources/audio/speech.mp3");
    private final TestServer server = TestServer.shared();

    @Test
    void aRegisteredWebhookHearsOfEachStepOfItsRecordings() throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String[] {
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("Callintel-Signature")
            });
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String token = server.newOrgToken();
            String org = TestServer.orgOf(token);
            String useCase = server.createUseCase(token).path("usecase_uuid").asText();
            ObjectNode body = TestServer.JSON
                    .createObjectNode()
                    .put("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                    .put("usecase_uuid", useCase);
            body.putArray("events").add("recording.transcribed").add("recording.analyzed");
            Reply created = server.post(BASE + "/webhooks", token, body);
            assertEquals(201, created.status(), created.body());
            String id = created.json().path("id").asText();
            String secret = created.json().path("secret").asText();
            assertTrue(secret.startsWith("whsec_"));
            JsonNode listed = server.get(BASE + "/webhooks", token)
                    .json()
                    .path("webhooks")
                    .path(0);
            assertEquals(id, listed.path("id").asText());
            assertTrue(listed.path("secret").isMissingNode(), "the secret is shown once: " + listed);

            Reply link = server.post(
                    BASE + "/acme/default/create-upload-link",
                    token,
                    TestServer.linkRequest(MP3, "audio/mpeg", useCase));
            String recording = link.json().path("recording_uuid").asText();
            server.putFile(link.json().path("upload_url").asText(), MP3, "audio/mpeg");
            server.awaitFinal(token, org, useCase, recording, Duration.ofMinutes(3));

            Instant deadline = Instant.now().plusSeconds(30);
            while (received.size() < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertEquals(2, received.size(), "transcribed and analyzed");
            List<String> types = new java.util.ArrayList<>();
            for (String[] delivery : received) {
                types.add(TestServer.JSON.readTree(delivery[0]).path("type").asText());
            }
            assertEquals(List.of("recording.transcribed", "recording.analyzed"), types);
            for (String[] delivery : received) {
                String t = delivery[1].replaceAll("t=(\\d+),v1=.*", "$1");
                assertEquals(
                        "t=" + t + ",v1=" + WebhookDispatcher.sign(secret, Long.parseLong(t), delivery[0]),
                        delivery[1]);
            }
            JsonNode deliveries =
                    server.get(BASE + "/webhooks/" + id + "/deliveries", token).json();
            assertEquals(2, deliveries.path("deliveries").size(), deliveries.toString());
            JsonNode first = deliveries.path("deliveries").path(0);
            assertEquals("delivered", first.path("status").asText());
            assertEquals(204, first.path("last_status").asInt());
            assertEquals(
                    recording,
                    first.path("payload").path("data").path("recording_uuid").asText());

            Reply again = server.post(
                    BASE + "/webhooks/" + id + "/deliveries/" + first.path("id").asText() + "/redeliver", token, "{}");
            assertEquals(200, again.status(), again.body());
            deadline = Instant.now().plusSeconds(30);
            while (received.size() < 3 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertEquals(3, received.size(), "redelivered");

            String otherToken = server.newOrgToken();
            assertEquals(
                    404,
                    server.get(BASE + "/webhooks/" + id + "/deliveries", otherToken)
                            .status());
            assertEquals(
                    404, server.delete(BASE + "/webhooks/" + id, otherToken).status());
            assertEquals(204, server.delete(BASE + "/webhooks/" + id, token).status());
            assertEquals(
                    0,
                    server.get(BASE + "/webhooks", token)
                            .json()
                            .path("webhooks")
                            .size());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void badWebhooksAre400() {
        String token = server.newOrgToken();
        ApiErrorsTest.assertError(
                server.post(BASE + "/webhooks", token, "{\"url\": \"ftp://x\", \"events\": [\"recording.failed\"]}"),
                400,
                "url",
                "http");
        ApiErrorsTest.assertError(
                server.post(BASE + "/webhooks", token, "{\"url\": \"https://x.example\", \"events\": []}"),
                400,
                "events",
                "non-empty");
        ApiErrorsTest.assertError(
                server.post(BASE + "/webhooks", token, "{\"url\": \"https://x.example\", \"events\": [\"call.done\"]}"),
                400,
                "events",
                "call.done");
    }
}
