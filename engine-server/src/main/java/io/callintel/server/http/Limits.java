package io.callintel.server.http;

import java.time.Duration;

/**
 * What the API allows, configurable per server ({@code callintel serve}).
 *
 * @param maxUploadBytes     largest audio file accepted, in bytes
 * @param uploadLinkValidity how long a presigned upload link can be used
 * @param audioUrlValidity   how long a presigned audio URL can be used
 * @param maxCallDuration    the longest recording accepted, checked at upload and while decoding
 */
public record Limits(
        long maxUploadBytes, Duration uploadLinkValidity, Duration audioUrlValidity, Duration maxCallDuration) {

    /** 100 MB (the hosted API's limit), 15-minute upload links, one-hour audio URLs, 4-hour calls. */
    public static final Limits DEFAULTS =
            new Limits(104_857_600L, Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4));

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
        if (maxCallDuration.compareTo(Duration.ofMinutes(1)) < 0
                || maxCallDuration.compareTo(Duration.ofHours(48)) > 0) {
            throw new IllegalArgumentException(
                    "the longest call must be 60 seconds to 48 hours, got " + maxCallDuration.toSeconds() + " s");
        }
    }
}
