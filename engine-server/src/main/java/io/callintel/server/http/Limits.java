package io.callintel.server.http;

import java.time.Duration;
import java.util.List;

/**
 * What the API allows, configurable per server ({@code callintel serve}).
 *
 * @param maxUploadBytes     largest audio file accepted, in bytes
 * @param uploadLinkValidity how long a presigned upload link can be used
 * @param audioUrlValidity   how long a presigned audio URL can be used
 * @param maxCallDuration    the longest recording accepted, checked at upload and while decoding
 * @param requestsPerMinutePerKey API requests one credential may make per minute (0: no limit)
 * @param requestsPerMinutePerOrg API requests an organization's credentials may make together per minute (0: none)
 * @param corsOrigins        web origins (scheme://host[:port]) whose pages may call the API from a browser; none by
 *                           default, and the web app served at / needs none
 */
public record Limits(
        long maxUploadBytes,
        Duration uploadLinkValidity,
        Duration audioUrlValidity,
        Duration maxCallDuration,
        int requestsPerMinutePerKey,
        int requestsPerMinutePerOrg,
        List<String> corsOrigins) {

    /**
     * 100 MB (the hosted API's limit), 15-minute upload links, one-hour audio URLs, 4-hour calls, 600 requests a
     * minute per credential and 3,000 per organization.
     */
    public static final Limits DEFAULTS = new Limits(
            104_857_600L, Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4), 600, 3_000, List.of());

    public Limits {
        if (maxUploadBytes < 1) {
            throw new IllegalArgumentException("the upload size limit must be at least 1 byte, got " + maxUploadBytes);
        }
        for (Duration validity : new Duration[] {uploadLinkValidity, audioUrlValidity}) {
            if (validity.isNegative() || validity.isZero() || validity.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException(
                        "link lifetimes must be 1 second to 7 days, got " + validity.toSeconds() + " s");
            }
        }
        corsOrigins = List.copyOf(corsOrigins);
        for (String origin : corsOrigins) {
            if (!origin.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                throw new IllegalArgumentException(
                        "a CORS origin is scheme://host[:port] with no path, like https://qa.example.com, got "
                                + origin);
            }
        }
        if (requestsPerMinutePerKey < 0 || requestsPerMinutePerOrg < 0) {
            throw new IllegalArgumentException("request rates must be 0 (no limit) or more");
        }
        if (maxCallDuration.compareTo(Duration.ofMinutes(1)) < 0
                || maxCallDuration.compareTo(Duration.ofHours(48)) > 0) {
            throw new IllegalArgumentException(
                    "the longest call must be 60 seconds to 48 hours, got " + maxCallDuration.toSeconds() + " s");
        }
    }
}
