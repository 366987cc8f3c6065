package io.callintel.server.auth;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Presigned URLs: the method, path and expiry time signed with HMAC-SHA256. Anyone holding the URL
 * may use it until it expires; changing any part of it breaks the signature.
 */
public final class UrlSigner {

    private final Secrets secrets;
    private final Clock clock;

    public UrlSigner(Secrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A signed URL's query: what to append to {@code path} after {@code ?}. */
    public record Signed(Instant expires, String query) {}

    public Signed sign(String method, String path, Duration validFor) {
        long expires = clock.instant().plus(validFor).getEpochSecond();
        return new Signed(
                Instant.ofEpochSecond(expires),
                "expires=" + expires + "&signature=" + signature(method, path, expires));
    }

    /** What a presented URL turned out to be. */
    public enum Verdict {
        VALID,
        EXPIRED,
        INVALID
    }

    public Verdict verify(String method, String path, String expires, String signature) {
        if (expires == null || signature == null) {
            return Verdict.INVALID;
        }
        long expiry;
        try {
            expiry = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Verdict.INVALID;
        }
        byte[] expected = signature(method, path, expiry).getBytes();
        if (!MessageDigest.isEqual(expected, signature.getBytes())) { // constant time: no timing oracle
            return Verdict.INVALID;
        }
        return clock.instant().getEpochSecond() > expiry ? Verdict.EXPIRED : Verdict.VALID;
    }

    private String signature(String method, String path, long expires) {
        return HexFormat.of().formatHex(secrets.signUrl(method + "\n" + path + "\n" + expires));
    }
}
