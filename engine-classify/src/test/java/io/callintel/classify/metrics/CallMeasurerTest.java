package io.callintel.classify.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callintel.core.analytics.CallMetrics;
import io.callintel.core.analytics.SpeakerMetrics;
import io.callintel.core.transcript.Overlap;
import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Speaker;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Turn;
import io.callintel.core.transcript.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallMeasurerTest {

    @Test
    void measuresTalkSilenceOverlapTurnsAndPace() {
        // 20 s call: agent 1-5 s and 6-8 s (one floor: nobody in between), customer 7.5-12 s (overlaps 0.5 s and
        // takes the floor), agent again 15-18 s. Silence: 0-1, 5-6, 12-15, 18-20 = 7 s; longest 3 s.
        Transcript transcript = new Transcript(
                20.0,
                List.of(
                        word("hello", 1, 1.5, "SPEAKER_1", 1.0),
                        word("there", 1.5, 2, "SPEAKER_1", 0.8),
                        word("yes", 8, 8.5, "SPEAKER_2", 0.6)),
                List.of(),
                List.of(new Speaker("SPEAKER_1", Role.AGENT, -1), new Speaker("SPEAKER_2", Role.CUSTOMER, -1)),
                List.of(
                        new Turn("SPEAKER_1", 1, 5),
                        new Turn("SPEAKER_1", 6, 8),
                        new Turn("SPEAKER_2", 7.5, 12),
                        new Turn("SPEAKER_1", 15, 18)),
                List.of(new Overlap(7.5, 8, "SPEAKER_1", "SPEAKER_2", true)));
        CallMetrics metrics = CallMeasurer.measure(transcript);
        assertEquals(20.0, metrics.duration());
        assertEquals(13.0, metrics.talkTime(), 1e-9); // 1-5, 6-12, 15-18
        assertEquals(7.0, metrics.silenceTime(), 1e-9);
        assertEquals(3.0, metrics.longestSilence(), 1e-9);
        assertEquals(0.5, metrics.overlapTime(), 1e-9);
        assertEquals(1, metrics.interruptions());
        assertEquals(3, metrics.turns());
        assertEquals(3, metrics.words());
        assertEquals(0.8, metrics.meanConfidence(), 1e-9);

        SpeakerMetrics agent = metrics.speakers().get(0);
        assertEquals(9.0, agent.talkTime(), 1e-9);
        assertEquals(2, agent.turns());
        assertEquals(7.0, agent.longestMonologue(), 1e-9); // the floor held from 1 s to 8 s
        assertEquals(1, agent.interrupted());
        SpeakerMetrics customer = metrics.speakers().get(1);
        assertEquals(4.5, customer.talkTime(), 1e-9);
        assertEquals(1, customer.interruptions());
        assertEquals(60 / 4.5, customer.wordsPerMinute(), 0.001);
        assertEquals(
                List.of("agent", "customer"),
                metrics.roles().stream().map(SpeakerMetrics::speaker).toList());
    }

    @Test
    void anEmptyCallIsAllSilence() {
        CallMetrics metrics =
                CallMeasurer.measure(new Transcript(5, List.of(), List.of(), List.of(), List.of(), List.of()));
        assertEquals(5.0, metrics.silenceTime());
        assertEquals(5.0, metrics.longestSilence());
        assertEquals(0, metrics.turns());
        assertEquals(0, metrics.wordsPerMinute());
    }

    private static Word word(String text, double start, double end, String speaker, double conf) {
        return new Word(text, start, end, conf, speaker);
    }
}
