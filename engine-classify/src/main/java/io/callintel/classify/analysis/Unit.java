package io.callintel.classify.analysis;

import io.callintel.core.analytics.Evidence;
import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stretch of the call that is scored as one: a single utterance, or an exchange (an utterance and
 * the other side's reply). Answers live in exchanges: "are you interested in the loan" / "yes very
 * much" says what neither line says alone.
 */
record Unit(List<Segment> segments) {

    /** Every utterance, and every utterance followed by the other side's reply within {@code maxGap} seconds. */
    static List<Unit> of(List<Segment> segments, double maxGap) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            units.add(new Unit(List.of(segment)));
            if (i + 1 < segments.size()) {
                Segment reply = segments.get(i + 1);
                if (!reply.speaker().equals(segment.speaker()) && reply.start() - segment.end() <= maxGap) {
                    units.add(new Unit(List.of(segment, reply)));
                }
            }
        }
        return units;
    }

    /**
     * A long segment's windows of {@code size} words, {@code step} apart, each as a segment of its own with the
     * segment's times; none for a segment of at most {@code size} words (it is a unit already).
     */
    static List<Unit> windows(Segment segment, int size, int step) {
        String[] words = segment.text().trim().split("\\s+");
        List<Unit> windows = new ArrayList<>();
        if (words.length <= size) {
            return windows;
        }
        for (int from = 0; from < words.length; from += step) {
            int to = Math.min(words.length, from + size);
            String text = String.join(" ", java.util.Arrays.copyOfRange(words, from, to));
            windows.add(new Unit(List.of(new Segment(
                    segment.speaker(), segment.role(), segment.start(), segment.end(), text, segment.confidence()))));
            if (to == words.length) {
                break;
            }
        }
        return windows;
    }

    String text() {
        return segments.stream().map(Segment::text).collect(Collectors.joining(". "));
    }

    /** The words of one side only (all of them when {@code role} is null). */
    String textOf(Role role) {
        return segments.stream()
                .filter(s -> role == null || s.role() == role)
                .map(Segment::text)
                .collect(Collectors.joining(". "));
    }

    boolean has(Role role) {
        return segments.stream().anyMatch(s -> s.role() == role);
    }

    List<Evidence> evidence() {
        return segments.stream()
                .map(s -> new Evidence(s.speaker(), s.role(), s.start(), s.end(), s.text()))
                .toList();
    }
}
