package io.callintel.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.callintel.core.recording.ProcessingHints;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.server.store.Database;
import io.callintel.server.store.JdbcRecordingStore;
import io.callintel.server.store.JdbcWebhooks;
import io.callintel.server.store.WebhookEvents;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook deliveries from the outbox to a real local receiver that fails, times out and then recovers: retried with
 * backoff until delivered, signed, logged attempt by attempt, kept across a restart, failed after 24 hours, and sent
 * again on request.
 */
class WebhookDispatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the receiver saw: bodies and signature headers. */
    private record Received(String body, String signature, String event) {}

    @Test
    void aDeliveryIsRetriedThroughFailureAndTimeoutUntilTheReceiverRecovers(@TempDir Path dir) throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        // 1st: 500; 2nd: answers after 2 s (past the 300 ms timeout); then 200.
        HttpServer receiver = receiver(received, n -> n == 1 ? 500 : n == 2 ? -1 : 200);
        try {
            String secret;
            String recording;
            try (Database db = Database.open(dir.resolve("callintel.db"))) {
                JdbcWebhooks webhooks = new JdbcWebhooks(db, JSON, Clock.systemUTC());
                secret = webhooks.create("org", url(receiver), List.of(WebhookEvents.ANALYZED), Optional.empty())
                        .secret();
                recording = analysed(db, "org");
            }
            // A restart between the event and its delivery: the outbox is in the database.
            try (Database db = Database.open(dir.resolve("callintel.db"))) {
                JdbcWebhooks webhooks = new JdbcWebhooks(db, JSON, Clock.systemUTC());
                WebhookDispatcher dispatcher = new WebhookDispatcher(
                        webhooks, Duration.ofMillis(300), Duration.ofMillis(100), Clock.systemUTC());
                String webhook = webhooks.list("org").get(0).id();
                Instant deadline = Instant.now().plusSeconds(20);
                while (!status(webhooks, webhook).equals("delivered")
                        && Instant.now().isBefore(deadline)) {
                    dispatcher.sendDue();
                    Thread.sleep(50);
                }
                JdbcWebhooks.Delivery delivery =
                        webhooks.deliveries(webhook, 10).get(0);
                assertEquals("delivered", delivery.status());
                assertEquals(3, delivery.attempts(), "a 500, a timeout, then 200");
                assertEquals(Optional.of(200), delivery.lastStatus());
                assertEquals(3, received.size());

                Received last = received.get(2);
                JsonNode payload = JSON.readTree(last.body());
                assertEquals(WebhookEvents.ANALYZED, payload.path("type").asText());
                assertEquals(
                        recording, payload.path("data").path("recording_uuid").asText());
                assertEquals(WebhookEvents.ANALYZED, last.event());
                String t = last.signature().replaceAll("t=(\\d+),v1=.*", "$1");
                assertEquals(
                        "t=" + t + ",v1=" + WebhookDispatcher.sign(secret, Long.parseLong(t), last.body()),
                        last.signature(),
                        "signed with the webhook's secret over timestamp.body");

                assertTrue(webhooks.redeliver(webhook, delivery.id()));
                dispatcher.sendDue();
                assertEquals(4, received.size(), "sent again on request");
                assertEquals("delivered", status(webhooks, webhook));
            }
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aDeliveryFailingFor24HoursIsGivenUp(@TempDir Path dir) throws Exception {
        HttpServer receiver = receiver(new CopyOnWriteArrayList<>(), n -> 503);
        try (Database db = Database.open(dir.resolve("callintel.db"))) {
            JdbcWebhooks created = new JdbcWebhooks(db, JSON, Clock.systemUTC());
            created.create("org", url(receiver), WebhookEvents.ALL, Optional.empty());
            analysed(db, "org");
            Clock tomorrow = Clock.offset(Clock.systemUTC(), Duration.ofHours(25));
            JdbcWebhooks webhooks = new JdbcWebhooks(db, JSON, tomorrow);
            new WebhookDispatcher(webhooks, Duration.ofMillis(300), Duration.ofMillis(100), tomorrow).sendDue();
            String webhook = webhooks.list("org").get(0).id();
            JdbcWebhooks.Delivery delivery = webhooks.deliveries(webhook, 10).get(0);
            assertEquals("failed", delivery.status());
            assertEquals(Optional.of(503), delivery.lastStatus());
            assertEquals(Optional.of("HTTP 503"), delivery.lastError());
        } finally {
            receiver.stop(0);
        }
    }

    /** A recording of {@code org} taken through the queue to ANALYSIS_COMPLETED, which raises the event. */
    private static String analysed(Database db, String org) {
        JdbcRecordingStore recordings = new JdbcRecordingStore(db, Clock.systemUTC());
        Instant now = Instant.now();
        recordings.create(Recording.builder("rec-1", org)
                .client("acme", "default")
                .file("call.wav", 3, "audio/wav")
                .storageKey("acme/default/recordings/rec-1.wav")
                .metadata("{}", LocalDate.of(2026, 1, 1), Optional.empty())
                .state(RecordingState.INITIATED, "")
                .times(now, now)
                .hints(ProcessingHints.NONE)
                .build());
        Recording claimed = recordings.claimNext().orElseThrow();
        assertTrue(recordings.advance(claimed, RecordingState.ANALYSIS_COMPLETED, ""));
        return claimed.uuid();
    }

    private static String status(JdbcWebhooks webhooks, String webhook) {
        return webhooks.deliveries(webhook, 1).get(0).status();
    }

    private static String url(HttpServer receiver) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    /** @param answer the status for the n-th request (1-based); -1 answers only after 2 s */
    private static HttpServer receiver(List<Received> received, IntUnaryOperator answer) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    body,
                    exchange.getRequestHeaders().getFirst("Callintel-Signature"),
                    exchange.getRequestHeaders().getFirst("Callintel-Event")));
            int status = answer.applyAsInt(requests.incrementAndGet());
            if (status < 0) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return server;
    }
}
