package io.callintel.asr;

import io.callintel.core.transcript.Turn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Joins a speaker's consecutive stretches of speech into one turn across short pauses, as people
 * hear a turn: a breath or a full stop does not hand over the floor. A pause in which another
 * speaker starts talking always ends the turn.
 */
final class TurnMerger {

    private TurnMerger() {}

    static List<Turn> merge(List<Turn> turns, double maxPause) {
        List<Turn> sorted =
                turns.stream().sorted(Comparator.comparingDouble(Turn::start)).toList();
        List<Turn> merged = new ArrayList<>();
        for (Turn turn : sorted) {
            int previous = lastOf(merged, turn.speaker());
            if (previous >= 0) {
                Turn open = merged.get(previous);
                boolean shortPause = turn.start() - open.end() <= maxPause;
                boolean nobodyElseStarted = previous == merged.size() - 1
                        || merged.subList(previous + 1, merged.size()).stream()
                                .allMatch(other -> other.start() < open.end());
                if (shortPause && nobodyElseStarted) {
                    merged.set(previous, new Turn(open.speaker(), open.start(), Math.max(open.end(), turn.end())));
                    continue;
                }
            }
            merged.add(turn);
        }
        return merged;
    }

    private static int lastOf(List<Turn> turns, String speaker) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).speaker().equals(speaker)) {
                return i;
            }
        }
        return -1;
    }
}
