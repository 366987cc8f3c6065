package io.callintel.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Browser sessions for the web app: an API key or token is exchanged once for a session token (an HS256 JWT for
 * the same organization, valid {@link #LIFETIME}), which the browser keeps in an HttpOnly cookie, so no script
 * can read it. Writes also need the session's CSRF token in a header: an HMAC of the session token under the
 * server's secret, so it is bound to the session and needs no storage. Another site can make the browser send
 * the cookie (were it not SameSite=Strict already), never read or compute the token.
 */
public final class Sessions {

    public static final Duration LIFETIME = Duration.ofHours(8);

    private final Authenticator authenticator;
    private final Secrets secrets;
    private final Clock clock;

    public Sessions(Authenticator authenticator, Secrets secrets, Clock clock) {
        this.authenticator = authenticator;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A session: its token (for the HttpOnly cookie), its CSRF token, its org and when it ends. */
    public record Opened(String token, String csrf, String org, Instant expires) {}

    /** A session for whoever holds {@code credential} (an API key or a JWT, with or without its scheme). */
    public Optional<Opened> open(String credential) {
        if (credential == null || credential.isBlank()) {
            return Optional.empty();
        }
        String value = credential.trim();
        Optional<String> org = value.contains(" ")
                ? authenticator.org(value)
                : authenticator.org("Token " + value).or(() -> authenticator.org("Bearer " + value));
        return org.map(o -> {
            String token = Authenticator.mint(secrets, o, LIFETIME, clock);
            return new Opened(token, csrf(token), o, clock.instant().plus(LIFETIME));
        });
    }

    /** Whether {@code presented} is the CSRF token of the session {@code token}. */
    public boolean csrfMatches(String token, String presented) {
        return token != null
                && presented != null
                && MessageDigest.isEqual(
                        csrf(token).getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** The CSRF token of the session {@code token}. */
    public String csrf(String token) {
        return HexFormat.of().formatHex(secrets.signUrl("csrf:" + token));
    }
}
