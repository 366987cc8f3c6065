package io.callintel.classify.metrics;

import io.callintel.core.analytics.CallMetrics;
import io.callintel.core.analytics.SpeakerMetrics;
import io.callintel.core.transcript.Overlap;
import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Speaker;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Turn;
import io.callintel.core.transcript.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Measures a call from its transcript. Time measures come from the turns (who spoke when, from the
 * audio), word measures from the recognised words. A "turn" here is holding the floor: a speaker's
 * consecutive turns with nobody else speaking in between count once, however long the pauses.
 */
public final class CallMeasurer {

    private CallMeasurer() {}

    public static CallMetrics measure(Transcript transcript) {
        List<Turn> turns = transcript.turns().stream()
                .sorted(Comparator.comparingDouble(Turn::start))
                .toList();
        List<double[]> speech = union(turns);
        double talk = speech.stream().mapToDouble(span -> span[1] - span[0]).sum();
        double duration = Math.max(transcript.duration(), speech.isEmpty() ? 0 : speech.get(speech.size() - 1)[1]);
        List<Turn> floors = floors(turns);

        List<SpeakerMetrics> speakers = new ArrayList<>();
        for (Speaker speaker : transcript.speakers()) {
            speakers.add(speakerMetrics(speaker.label(), speaker.role(), transcript, turns, floors, talk));
        }
        List<SpeakerMetrics> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            List<SpeakerMetrics> ofRole =
                    speakers.stream().filter(s -> s.role() == role).toList();
            if (!ofRole.isEmpty()) {
                roles.add(combined(role, ofRole, talk, transcript, floors));
            }
        }
        List<Word> words = transcript.words();
        return new CallMetrics(
                round(duration),
                round(talk),
                round(Math.max(0, duration - talk)),
                round(longestSilence(speech, duration)),
                round(transcript.overlaps().stream()
                        .mapToDouble(Overlap::duration)
                        .sum()),
                (int) transcript.overlaps().stream()
                        .filter(Overlap::interruption)
                        .count(),
                floors.size(),
                words.size(),
                round(perMinute(words.size(), talk)),
                round(words.stream().mapToDouble(Word::conf).average().orElse(0)),
                speakers,
                roles,
                SentimentTrend.of(transcript, duration));
    }

    private static SpeakerMetrics speakerMetrics(
            String label, Role role, Transcript transcript, List<Turn> turns, List<Turn> floors, double allTalk) {
        double talk = union(turns.stream()
                        .filter(turn -> turn.speaker().equals(label))
                        .toList())
                .stream()
                .mapToDouble(span -> span[1] - span[0])
                .sum();
        List<Word> words = transcript.words().stream()
                .filter(word -> word.speaker().equals(label))
                .toList();
        List<Turn> own =
                floors.stream().filter(floor -> floor.speaker().equals(label)).toList();
        return new SpeakerMetrics(
                label,
                role,
                round(talk),
                round(allTalk == 0 ? 0 : talk / allTalk),
                words.size(),
                round(perMinute(words.size(), talk)),
                own.size(),
                round(own.stream().mapToDouble(Turn::duration).max().orElse(0)),
                round(words.stream().mapToDouble(Word::conf).average().orElse(0)),
                (int) transcript.overlaps().stream()
                        .filter(o -> o.interruption() && o.overlapping().equals(label))
                        .count(),
                (int) transcript.overlaps().stream()
                        .filter(o -> o.interruption() && o.speaking().equals(label))
                        .count());
    }

    /** A role's speakers added up (a call may have two agents, say after a transfer). */
    private static SpeakerMetrics combined(
            Role role, List<SpeakerMetrics> speakers, double allTalk, Transcript transcript, List<Turn> floors) {
        double talk = speakers.stream().mapToDouble(SpeakerMetrics::talkTime).sum();
        int words = speakers.stream().mapToInt(SpeakerMetrics::words).sum();
        double confidence = transcript.words().stream()
                .filter(word -> speakers.stream().anyMatch(s -> s.speaker().equals(word.speaker())))
                .mapToDouble(Word::conf)
                .average()
                .orElse(0);
        return new SpeakerMetrics(
                role.wireName(),
                role,
                round(talk),
                round(allTalk == 0 ? 0 : talk / allTalk),
                words,
                round(perMinute(words, talk)),
                speakers.stream().mapToInt(SpeakerMetrics::turns).sum(),
                speakers.stream()
                        .mapToDouble(SpeakerMetrics::longestMonologue)
                        .max()
                        .orElse(0),
                round(confidence),
                speakers.stream().mapToInt(SpeakerMetrics::interruptions).sum(),
                speakers.stream().mapToInt(SpeakerMetrics::interrupted).sum());
    }

    /** Holding the floor: consecutive turns of one speaker, with nobody else starting in between, as one. */
    static List<Turn> floors(List<Turn> sortedTurns) {
        List<Turn> floors = new ArrayList<>();
        for (Turn turn : sortedTurns) {
            Turn last = floors.isEmpty() ? null : floors.get(floors.size() - 1);
            if (last != null && last.speaker().equals(turn.speaker())) {
                floors.set(floors.size() - 1, new Turn(last.speaker(), last.start(), Math.max(last.end(), turn.end())));
            } else {
                floors.add(turn);
            }
        }
        return floors;
    }

    /** Time covered by any turn, as sorted disjoint [start, end] spans. */
    static List<double[]> union(List<Turn> turns) {
        List<Turn> sorted =
                turns.stream().sorted(Comparator.comparingDouble(Turn::start)).toList();
        List<double[]> spans = new ArrayList<>();
        for (Turn turn : sorted) {
            double[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && turn.start() <= last[1]) {
                last[1] = Math.max(last[1], turn.end());
            } else {
                spans.add(new double[] {turn.start(), turn.end()});
            }
        }
        return spans;
    }

    /** The longest stretch with nobody speaking, including before the first and after the last words. */
    private static double longestSilence(List<double[]> speech, double duration) {
        double longest = 0;
        double previousEnd = 0;
        for (double[] span : speech) {
            longest = Math.max(longest, span[0] - previousEnd);
            previousEnd = span[1];
        }
        return Math.max(longest, duration - previousEnd);
    }

    private static double perMinute(int words, double seconds) {
        return seconds <= 0 ? 0 : words * 60 / seconds;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
