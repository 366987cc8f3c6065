package io.callintel.server.auth;

import io.callintel.server.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's signing secret: from configuration, or else a key file ({@code secret.key} in the data
 * directory), created with 256 random bits (readable by the owner only) on first start; with a shared
 * database, kept in it for all nodes. JWTs (HS256)
 * are verified with it; presigned URLs are signed with a key derived from it, so a leaked URL
 * signature says nothing about the JWT key.
 */
public final class Secrets {

    private final byte[] jwtKey;
    private final byte[] urlKey;

    private Secrets(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the JWT secret must be at least 32 bytes (256 bits) for HS256");
        }
        this.jwtKey = secret.clone();
        this.urlKey = hmac(secret, "callintel presigned urls".getBytes(StandardCharsets.UTF_8));
    }

    /** A configured secret (UTF-8 text, at least 32 bytes). */
    public static Secrets of(String secret) {
        return new Secrets(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The secret kept in {@code file}, created when absent. The new key is written in full to a private temporary
     * file and then linked into place, so no process ever reads a half-written key, and of two processes creating
     * it at once, one wins and both use its key.
     *
     * @param attributes of a new key file (its permissions)
     */
    public static Secrets inFile(Path file, FileAttribute<?>... attributes) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".secret", ".tmp", attributes);
            try {
                Files.writeString(temporary, Base64.getEncoder().encodeToString(random) + "\n");
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                // another process created it first: use theirs
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        return new Secrets(Base64.getDecoder().decode(Files.readString(file).trim()));
    }

    /**
     * The secret kept in the shared database, so that every node signs and verifies with the same key: created with
     * 256 random bits by the first node that asks; of two creating it at once, one wins and both use its key.
     */
    public static Secrets inDatabase(Database db) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        db.update(
                "INSERT INTO secret (name, value) VALUES ('jwt', ?) ON CONFLICT (name) DO NOTHING",
                Base64.getEncoder().encodeToString(random));
        String kept = db.queryOne("SELECT value FROM secret WHERE name = 'jwt'", row -> row.getString(1))
                .orElseThrow();
        return new Secrets(Base64.getDecoder().decode(kept));
    }

    byte[] jwtKey() {
        return jwtKey.clone();
    }

    /** HMAC-SHA256 of {@code message} under the URL-signing key. */
    byte[] signUrl(String message) {
        return hmac(urlKey, message.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
