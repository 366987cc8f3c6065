package io.callintel.asr;

import io.callintel.core.transcript.Overlap;
import io.callintel.core.transcript.Turn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds where two speakers talk at once, from their turns (recordings with a channel per speaker;
 * a mono recording attributes each moment to one speaker and so has none). Where a second speaker
 * starts while the first talks, that is an overlap; it is an interruption when the first stops
 * before the second does (the floor changed hands), not when the second only slips in a remark
 * ("mm-hm", "right") under a speaker who goes on.
 */
final class OverlapFinder {

    private final double minOverlap;

    /** @param minOverlapSeconds shorter overlaps are the ordinary jitter of turn-taking, not talking over */
    OverlapFinder(double minOverlapSeconds) {
        this.minOverlap = minOverlapSeconds;
    }

    List<Overlap> find(List<Turn> turns) {
        List<Turn> sorted =
                turns.stream().sorted(Comparator.comparingDouble(Turn::start)).toList();
        List<Overlap> overlaps = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Turn first = sorted.get(i);
            for (int j = i + 1; j < sorted.size() && sorted.get(j).start() < first.end(); j++) {
                Turn second = sorted.get(j);
                if (second.speaker().equals(first.speaker())) {
                    continue;
                }
                double end = Math.min(first.end(), second.end());
                if (end - second.start() >= minOverlap) {
                    boolean tookTheFloor = first.end() < second.end();
                    overlaps.add(new Overlap(second.start(), end, first.speaker(), second.speaker(), tookTheFloor));
                }
            }
        }
        return overlaps;
    }
}
