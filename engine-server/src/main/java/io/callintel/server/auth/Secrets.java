package io.callintel.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's signing secret: from configuration, or else a key file ({@code secret.key} in the data
 * directory), created with 256 random bits (readable by the owner only) on first start. JWTs (HS256)
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

    /** The secret kept in {@code file}, created when absent. */
    public static Secrets inFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(random) + "\n");
            } catch (FileAlreadyExistsException e) {
                // another process created it first: use theirs
            } catch (UnsupportedOperationException e) {
                Files.writeString(file, Base64.getEncoder().encodeToString(random) + "\n"); // not a POSIX file system
            }
        }
        return new Secrets(Base64.getDecoder().decode(Files.readString(file).trim()));
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
