package io.callintel.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is calling: {@code Authorization: Bearer JWT} (HS256 with the server's secret, or RS256 with
 * a configured public key) or {@code Authorization: Token API_KEY}. A JWT names its org in the
 * {@code org_uuid} claim and must carry an expiry.
 */
public final class Authenticator {

    public static final String ORG_CLAIM = "org_uuid";
    private static final String ISSUER = "callintel";

    private final Optional<JWTVerifier> rs256;
    private final JWTVerifier hsVerifier;
    private final ApiKeys apiKeys;
    private final Clock clock;
    /**
     * Tokens already verified, with their org and expiry: a client sends the same token with every
     * request, and checking a signature costs more than the lookup it guards. Cleared when it is full.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private static final int MAX_CACHED = 10_000;

    private record Verified(String org, Instant expires) {}

    /** @param rsaPublicKey verifies RS256 tokens issued elsewhere, when configured */
    public Authenticator(Secrets secrets, Optional<RSAPublicKey> rsaPublicKey, ApiKeys apiKeys, Clock clock) {
        this.hsVerifier = verifier(Algorithm.HMAC256(secrets.jwtKey()), clock);
        this.rs256 = rsaPublicKey.map(key -> verifier(Algorithm.RSA256(key, null), clock));
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    private static JWTVerifier verifier(Algorithm algorithm, Clock clock) {
        var verification = (JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withClaimPresence(ORG_CLAIM)
                .withClaimPresence("exp")
                .acceptLeeway(30);
        return verification.build(clock);
    }

    /**
     * The caller's org, for credentials with no limits (tokens, unlimited API keys); empty when the header is
     * missing, malformed, expired, revoked, not ours, or a limited key's.
     */
    public Optional<String> org(String authorization) {
        return grant(authorization).filter(grant -> !grant.limited()).map(Grant::org);
    }

    /** What the credential allows, or empty when the header is missing, malformed, expired, revoked or not ours. */
    public Optional<Grant> grant(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.trim();
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space);
        String credential = header.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return jwtOrg(credential).map(Grant::full);
        }
        if (scheme.equalsIgnoreCase("Token")) {
            return apiKeys.grant(credential);
        }
        return Optional.empty();
    }

    private Optional<String> jwtOrg(String token) {
        Verified known = verified.get(token);
        if (known != null && clock.instant().isBefore(known.expires())) {
            return Optional.of(known.org());
        }
        DecodedJWT decoded;
        try {
            decoded = JWT.decode(token);
        } catch (JWTVerificationException e) {
            return Optional.empty();
        }
        JWTVerifier verifier = switch (decoded.getAlgorithm()) {
            case "HS256" -> hsVerifier;
            case "RS256" -> rs256.orElse(null);
            default -> null; // "none" and anything else we were not configured for
        };
        if (verifier == null) {
            return Optional.empty();
        }
        try {
            String org = verifier.verify(decoded).getClaim(ORG_CLAIM).asString();
            if (org == null || org.isBlank()) {
                return Optional.empty();
            }
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(token, new Verified(org, decoded.getExpiresAtAsInstant()));
            return Optional.of(org);
        } catch (JWTVerificationException e) {
            return Optional.empty();
        }
    }

    /** An HS256 token for an org, valid for {@code ttl}, that a server with these secrets accepts. */
    public static String mint(Secrets secrets, String org, Duration ttl, Clock clock) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withClaim(ORG_CLAIM, org)
                .withIssuedAt(Date.from(now))
                .withExpiresAt(Date.from(now.plus(ttl)))
                .sign(Algorithm.HMAC256(secrets.jwtKey()));
    }
}
