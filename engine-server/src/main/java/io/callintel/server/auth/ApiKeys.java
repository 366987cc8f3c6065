package io.callintel.server.auth;

import io.callintel.server.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API keys ({@code Authorization: Token KEY}), each belonging to one org. Only a SHA-256 hash of a
 * key is stored: a copy of the database does not give away working keys.
 */
public final class ApiKeys {

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates a key for an org; the key itself is shown once, here, and never stored. */
    public String create(String org, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = "ci_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        db.update(
                "INSERT INTO api_key (hash, org, name, created_at) VALUES (?, ?, ?, ?)",
                hash(key),
                org,
                name,
                clock.millis());
        return key;
    }

    /** The org a key belongs to; empty for an unknown key. */
    public Optional<String> org(String key) {
        return db.queryOne("SELECT org FROM api_key WHERE hash = ?", row -> row.getString(1), hash(key));
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
