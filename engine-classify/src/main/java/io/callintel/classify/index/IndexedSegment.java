package io.callintel.classify.index;

import io.callintel.core.transcript.Segment;
import java.util.Objects;

/**
 * One utterance as the index keeps it: whose it is (organisation, use case, recording) and what was
 * said when, by whom.
 *
 * @param role {@code agent} or {@code customer} ({@link io.callintel.core.transcript.Role#wireName()})
 */
public record IndexedSegment(
        String org,
        String usecase,
        String recording,
        String speaker,
        String role,
        double start,
        double end,
        String text) {

    public IndexedSegment {
        requireText(org, "org");
        requireText(recording, "recording");
        Objects.requireNonNull(usecase, "usecase");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    /** A transcript segment of a recording. */
    public static IndexedSegment of(String org, String usecase, String recording, Segment segment) {
        String role = segment.role() == null ? "" : segment.role().wireName();
        return new IndexedSegment(
                org, usecase, recording, segment.speaker(), role, segment.start(), segment.end(), segment.text());
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
