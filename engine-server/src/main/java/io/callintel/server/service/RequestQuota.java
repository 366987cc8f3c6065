package io.callintel.server.service;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request rates per credential (a token or an API key) and per organization, as token buckets (Bucket4j): each
 * allows its number of requests per minute, refilled evenly, with a minute's worth as the burst. A client past
 * either is told how long to wait.
 */
public final class RequestQuota {

    /** Buckets kept before idle (full) ones are dropped: a client minting a token per request costs no memory. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int perCredential;
    private final int perOrganization;
    private final Map<String, Bucket> credentials = new ConcurrentHashMap<>();
    private final Map<String, Bucket> organizations = new ConcurrentHashMap<>();

    /**
     * @param perCredential   requests per minute one credential may make; 0 for no limit
     * @param perOrganization requests per minute all of an organization's credentials may make together; 0 for none
     */
    public RequestQuota(int perCredential, int perOrganization) {
        if (perCredential < 0 || perOrganization < 0) {
            throw new IllegalArgumentException("request rates must be 0 (no limit) or more");
        }
        this.perCredential = perCredential;
        this.perOrganization = perOrganization;
    }

    /** What a request over a limit is told. */
    public record Exceeded(String limit, int perMinute, Duration retryAfter) {}

    /** Takes one request from the credential's and the organization's allowance; what was exceeded, if anything. */
    public Optional<Exceeded> take(String credential, String org) {
        Optional<Exceeded> exceeded = take(credentials, digest(credential), perCredential, "this credential");
        return exceeded.isPresent() ? exceeded : take(organizations, org, perOrganization, "this organization");
    }

    private static Optional<Exceeded> take(Map<String, Bucket> buckets, String key, int perMinute, String limit) {
        if (perMinute == 0) {
            return Optional.empty();
        }
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= perMinute);
        }
        Bucket bucket = buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Optional.empty()
                : Optional.of(new Exceeded(limit, perMinute, Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    /** Credentials are kept as digests: the map never holds a usable token. */
    private static String digest(String credential) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
