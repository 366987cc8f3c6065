package io.callintel.server.service;

import io.callintel.server.store.JdbcWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends the webhook outbox: each due delivery is POSTed to its webhook's URL with a timestamped HMAC-SHA256 signature
 * ({@code Callintel-Signature: t=UNIX_SECONDS,v1=HEX} of {@code t + "." + body} under the webhook's secret, as the
 * major webhook senders do). A 2xx delivers it; anything else, a timeout or a refused connection is tried again after
 * a backoff that doubles from {@code firstRetry} up to an hour, for 24 hours after the event; then it is failed. Each
 * attempt is logged in the delivery log.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final int BATCH = 20;

    private final JdbcWebhooks webhooks;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration firstRetry;
    private final Clock clock;
    private Periodic sender;

    WebhookDispatcher(JdbcWebhooks webhooks, Duration timeout, Duration firstRetry, Clock clock) {
        this.webhooks = webhooks;
        this.timeout = timeout;
        this.firstRetry = firstRetry;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Sends every second: a 10 s timeout per attempt, retries from 10 s. */
    public static WebhookDispatcher start(JdbcWebhooks webhooks, Clock clock) {
        return start(webhooks, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(1), clock);
    }

    static WebhookDispatcher start(
            JdbcWebhooks webhooks, Duration timeout, Duration firstRetry, Duration every, Clock clock) {
        WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, timeout, firstRetry, clock);
        dispatcher.sender = Periodic.every(every, "callintel-webhooks", dispatcher::sendDue);
        return dispatcher;
    }

    /** One pass: every delivery due now. @return how many were attempted */
    int sendDue() {
        int attempted = 0;
        for (var batch = webhooks.due(BATCH, timeout.multipliedBy(3).toMillis());
                !batch.isEmpty();
                batch = webhooks.due(BATCH, timeout.multipliedBy(3).toMillis())) {
            for (JdbcWebhooks.Due due : batch) {
                send(due);
                attempted++;
            }
        }
        return attempted;
    }

    private void send(JdbcWebhooks.Due due) {
        JdbcWebhooks.Delivery delivery = due.delivery();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Callintel-Event", delivery.event())
                    .header("Callintel-Delivery", delivery.id())
                    .header(
                            "Callintel-Signature",
                            "t=" + timestamp + ",v1=" + sign(due.secret(), timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                    .build();
        } catch (IllegalArgumentException e) {
            failed(delivery, Optional.empty(), "invalid URL: " + e.getMessage());
            return;
        }
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                webhooks.delivered(delivery.id(), response.statusCode());
            } else {
                failed(delivery, Optional.of(response.statusCode()), "HTTP " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            failed(delivery, Optional.empty(), e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(JdbcWebhooks.Delivery delivery, Optional<Integer> status, String error) {
        Duration backoff = firstRetry.multipliedBy(1L << Math.min(20, delivery.attempts()));
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
            backoff = MAX_BACKOFF;
        }
        Instant next = clock.instant().plus(backoff);
        boolean gaveUp = next.isAfter(delivery.createdAt().plus(GIVE_UP_AFTER));
        webhooks.attemptFailed(delivery.id(), status, error, next, gaveUp);
        if (gaveUp) {
            LOG.warning(() -> "webhook delivery " + delivery.id() + " failed for 24 hours; giving up: " + error);
        }
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + body}: what a receiver recomputes to check the sender. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    @Override
    public void close() {
        if (sender != null) {
            sender.close();
        }
    }
}
