package io.callintel.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhooks ({@code webhook}) and their outbox of deliveries ({@code webhook_delivery}). Deliveries are written by
 * {@link #enqueue} inside the transaction of the state change they report, so an acknowledged change never loses its
 * event; a dispatcher takes the due ones ({@link #due}) and records each attempt.
 */
public final class JdbcWebhooks {

    /** A webhook as listed; its secret only when it was just created. */
    public record Webhook(
            String id, String org, String url, List<String> events, Optional<String> useCase, Instant createdAt) {}

    /** One event for one webhook, and how its delivery went. */
    public record Delivery(
            String id,
            String webhook,
            String event,
            String payload,
            String status,
            int attempts,
            Instant nextAttemptAt,
            Optional<Integer> lastStatus,
            Optional<String> lastError,
            Instant createdAt,
            Optional<Instant> deliveredAt) {}

    /** A new webhook and its signing secret, shown once. */
    public record Created(Webhook webhook, String secret) {}

    /** A due delivery with what sending it needs. */
    public record Due(Delivery delivery, String url, String secret) {}

    private final Database db;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JdbcWebhooks(Database db, ObjectMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public Created create(String org, String url, List<String> events, Optional<String> useCase) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        Webhook webhook =
                new Webhook(UUID.randomUUID().toString(), org, url, List.copyOf(events), useCase, clock.instant());
        db.update(
                "INSERT INTO webhook (id, org, url, events, usecase, secret, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                webhook.id(),
                org,
                url,
                write(events),
                useCase.orElse(null),
                secret,
                webhook.createdAt().toEpochMilli());
        return new Created(webhook, secret);
    }

    public List<Webhook> list(String org) {
        return db.query(
                "SELECT id, org, url, events, usecase, created_at FROM webhook WHERE org = ? ORDER BY created_at, id",
                this::webhook,
                org);
    }

    public Optional<Webhook> find(String org, String id) {
        return db.queryOne(
                "SELECT id, org, url, events, usecase, created_at FROM webhook WHERE org = ? AND id = ?",
                this::webhook,
                org,
                id);
    }

    /** Deletes the webhook and its delivery log. @return false when the org has none of that id */
    public boolean delete(String org, String id) {
        return db.inTransaction(connection -> {
            int deleted = Database.update(connection, "DELETE FROM webhook WHERE org = ? AND id = ?", org, id);
            if (deleted > 0) {
                Database.update(connection, "DELETE FROM webhook_delivery WHERE webhook = ?", id);
            }
            return deleted > 0;
        });
    }

    /**
     * Queues an event for every webhook of the org that wants it (and, when it names one, is for this use case), in
     * the caller's transaction.
     */
    static void enqueue(
            Connection connection,
            Dialect dialect,
            String org,
            Optional<String> useCase,
            String recording,
            String event,
            String payload,
            long now)
            throws SQLException {
        Database.update(
                connection,
                "INSERT INTO webhook_delivery (id, webhook, recording, event, payload, status, attempts,"
                        + " next_attempt_at, created_at) SELECT CAST(? AS TEXT) || ':' || id, id, ?, ?, ?, 'pending',"
                        + " 0, ?, ? FROM webhook WHERE org = ? AND (usecase IS NULL OR usecase = ?) AND "
                        + dialect.jsonArrayContains("webhook.events"),
                UUID.randomUUID().toString(),
                recording,
                event,
                payload,
                now,
                now,
                org,
                useCase.orElse(""),
                event);
    }

    /**
     * Takes up to {@code limit} deliveries that are due, and holds each for {@code hold} (no other dispatcher takes
     * it meanwhile), oldest first.
     */
    public List<Due> due(int limit, long holdMillis) {
        long now = clock.millis();
        return db.inTransaction(connection -> {
            List<Due> due = Database.query(
                    connection,
                    "SELECT d.id, d.webhook, d.event, d.payload, d.status, d.attempts, d.next_attempt_at,"
                            + " d.last_status, d.last_error, d.created_at, d.delivered_at, w.url, w.secret"
                            + " FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook"
                            + " WHERE d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at"
                            + " LIMIT ?" + db.dialect().skipLocked(),
                    row -> new Due(delivery(row), row.getString(12), row.getString(13)),
                    now,
                    limit);
            for (Due d : due) {
                Database.update(
                        connection,
                        "UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ?",
                        now + holdMillis,
                        d.delivery().id());
            }
            return due;
        });
    }

    /** The receiver took it (2xx). */
    public void delivered(String id, int status) {
        db.update(
                "UPDATE webhook_delivery SET status = 'delivered', attempts = attempts + 1, last_status = ?,"
                        + " last_error = NULL, delivered_at = ? WHERE id = ?",
                status,
                clock.millis(),
                id);
    }

    /** An attempt failed; the next is due at {@code next}, or none ({@code gaveUp}: the delivery is failed). */
    public void attemptFailed(String id, Optional<Integer> status, String error, Instant next, boolean gaveUp) {
        db.update(
                "UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, last_status = ?, last_error = ?,"
                        + " next_attempt_at = ? WHERE id = ?",
                gaveUp ? "failed" : "pending",
                status.orElse(null),
                error,
                next.toEpochMilli(),
                id);
    }

    /** The webhook's deliveries, newest first. */
    public List<Delivery> deliveries(String webhook, int limit) {
        return db.query(
                "SELECT id, webhook, event, payload, status, attempts, next_attempt_at, last_status, last_error,"
                        + " created_at, delivered_at FROM webhook_delivery WHERE webhook = ?"
                        + " ORDER BY created_at DESC, id LIMIT ?",
                JdbcWebhooks::delivery,
                webhook,
                limit);
    }

    /** Sends a delivery again now, whatever became of it. @return false when the webhook has no such delivery */
    public boolean redeliver(String webhook, String id) {
        return db.update(
                        "UPDATE webhook_delivery SET status = 'pending', next_attempt_at = ? WHERE webhook = ? AND id = ?",
                        clock.millis(),
                        webhook,
                        id)
                == 1;
    }

    private Webhook webhook(ResultSet row) throws SQLException {
        List<String> events = new ArrayList<>();
        try {
            json.readTree(row.getString(4)).forEach(e -> events.add(e.asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("damaged JSON in the webhook table", e);
        }
        return new Webhook(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                events,
                Optional.ofNullable(row.getString(5)),
                Instant.ofEpochMilli(row.getLong(6)));
    }

    private static Delivery delivery(ResultSet row) throws SQLException {
        int lastStatus = row.getInt(8);
        Optional<Integer> status = row.wasNull() ? Optional.empty() : Optional.of(lastStatus);
        long deliveredAt = row.getLong(11);
        Optional<Instant> delivered = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(deliveredAt));
        return new Delivery(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getInt(6),
                Instant.ofEpochMilli(row.getLong(7)),
                status,
                Optional.ofNullable(row.getString(9)),
                Instant.ofEpochMilli(row.getLong(10)),
                delivered);
    }

    private String write(List<String> events) {
        try {
            return json.writeValueAsString(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
