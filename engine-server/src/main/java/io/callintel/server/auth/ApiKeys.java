package io.callintel.server.auth;

import io.callintel.server.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API keys ({@code Authorization: Token KEY}), each belonging to one org, optionally limited to one use case or to
 * reads. Only a SHA-256 hash of a key is stored: a copy of the database does not give away working keys. A key is
 * known by its id (listed, renamed, revoked by it); its last use is recorded to the minute.
 */
public final class ApiKeys {

    /** Last use is written at most this often per key: not a database write per request. */
    private static final long LAST_USE_RESOLUTION_MILLIS = 60_000;

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** A new key: its id, and the key itself, shown once and never stored. */
    public record Created(String id, String key) {}

    /** A key as listed: never the key itself. */
    public record Listed(
            String id,
            String name,
            Instant createdAt,
            Optional<Instant> lastUsedAt,
            Optional<String> useCase,
            boolean readOnly) {}

    public ApiKeys(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates a key for an org, with no limits. */
    public String create(String org, String name) {
        return create(org, name, Optional.empty(), false).key();
    }

    /** Creates a key; {@code useCase} and {@code readOnly} limit what it may do. */
    public Created create(String org, String name, Optional<String> useCase, boolean readOnly) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = "ci_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byte[] id = new byte[8];
        random.nextBytes(id);
        String keyId = HexFormat.of().formatHex(id);
        db.update(
                "INSERT INTO api_key (hash, id, org, name, usecase, read_only, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                hash(key),
                keyId,
                org,
                name,
                useCase.orElse(null),
                readOnly ? 1 : 0,
                clock.millis());
        return new Created(keyId, key);
    }

    /** What a key allows; empty for an unknown or revoked key. Records its use. */
    public Optional<Grant> grant(String key) {
        String hash = hash(key);
        Optional<Grant> grant = db.queryOne(
                "SELECT org, id, usecase, read_only FROM api_key WHERE hash = ? AND revoked_at IS NULL",
                row -> new Grant(
                        row.getString(1),
                        Optional.of(row.getString(2)),
                        Optional.ofNullable(row.getString(3)),
                        row.getInt(4) == 1),
                hash);
        if (grant.isPresent()) {
            long now = clock.millis();
            db.update(
                    "UPDATE api_key SET last_used_at = ? WHERE hash = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                    now,
                    hash,
                    now - LAST_USE_RESOLUTION_MILLIS);
        }
        return grant;
    }

    /** The org's keys that are not revoked, newest first. */
    public List<Listed> list(String org) {
        return db.query(
                "SELECT id, name, created_at, last_used_at, usecase, read_only FROM api_key"
                        + " WHERE org = ? AND revoked_at IS NULL ORDER BY created_at DESC, id",
                ApiKeys::listed,
                org);
    }

    /** @return false when the org has no such key (or it is revoked) */
    public boolean rename(String org, String id, String name) {
        return db.update("UPDATE api_key SET name = ? WHERE org = ? AND id = ? AND revoked_at IS NULL", name, org, id)
                == 1;
    }

    /** The key stops working at once. @return false when the org has no such key (or it is revoked already) */
    public boolean revoke(String org, String id) {
        return db.update(
                        "UPDATE api_key SET revoked_at = ? WHERE org = ? AND id = ? AND revoked_at IS NULL",
                        clock.millis(),
                        org,
                        id)
                == 1;
    }

    private static Listed listed(ResultSet row) throws SQLException {
        long lastUsed = row.getLong(4);
        Optional<Instant> last = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastUsed));
        return new Listed(
                row.getString(1),
                row.getString(2),
                Instant.ofEpochMilli(row.getLong(3)),
                last,
                Optional.ofNullable(row.getString(5)),
                row.getInt(6) == 1);
    }

    private static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
