package io.callintel.asr;

import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Groups each speaker's words into utterances. An utterance ends at a pause longer than
 * {@code maxPause}, or where another speaker says something in the gap between two words. Each
 * speaker is segmented on their own, so speech that overlaps stays on both sides.
 */
final class Segmenter {

    private final double maxPause;

    Segmenter(double maxPauseSeconds) {
        this.maxPause = maxPauseSeconds;
    }

    /** Segments in time order; roles come from {@code roles} (label to role). */
    List<Segment> segment(List<Word> words, Map<String, Role> roles) {
        Map<String, List<Word>> bySpeaker = words.stream()
                .collect(Collectors.groupingBy(Word::speaker, java.util.LinkedHashMap::new, Collectors.toList()));
        List<Segment> segments = new ArrayList<>();
        for (Map.Entry<String, List<Word>> entry : bySpeaker.entrySet()) {
            List<Word> own = entry.getValue();
            double[] others = words.stream()
                    .filter(word -> !word.speaker().equals(entry.getKey()))
                    .mapToDouble(Word::start)
                    .sorted()
                    .toArray();
            int first = 0;
            for (int i = 1; i <= own.size(); i++) {
                if (i == own.size() || breaksBetween(own.get(i - 1), own.get(i), others)) {
                    segments.add(segment(own.subList(first, i), roles.get(entry.getKey())));
                    first = i;
                }
            }
        }
        segments.sort(Comparator.comparingDouble(Segment::start).thenComparing(Segment::speaker));
        return segments;
    }

    /** Other speakers' word starts are sorted: find the first at or after the gap opens. */
    private boolean breaksBetween(Word previous, Word next, double[] otherStarts) {
        if (next.start() - previous.end() > maxPause) {
            return true;
        }
        int at = java.util.Arrays.binarySearch(otherStarts, previous.end());
        int first = at >= 0 ? at : -at - 1;
        while (first > 0 && otherStarts[first - 1] == previous.end()) {
            first--;
        }
        return first < otherStarts.length && otherStarts[first] < next.start();
    }

    private static Segment segment(List<Word> words, Role role) {
        String text = words.stream().map(Word::word).collect(Collectors.joining(" "));
        double confidence = words.stream().mapToDouble(Word::conf).average().orElse(0);
        Word first = words.get(0);
        return new Segment(
                first.speaker(),
                role,
                first.start(),
                words.get(words.size() - 1).end(),
                text,
                confidence);
    }
}
