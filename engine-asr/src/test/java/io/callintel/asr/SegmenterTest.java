package io.callintel.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.transcript.Overlap;
import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Turn;
import io.callintel.core.transcript.Word;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Utterances, roles and overlaps from words and turns: the pure parts of the transcript assembly. */
class SegmenterTest {

    private static final Map<String, Role> ROLES = Map.of("SPEAKER_1", Role.AGENT, "SPEAKER_2", Role.CUSTOMER);

    @Test
    void splitsAtLongPausesAndWhereTheOtherSpeakerTalks() {
        List<Word> words = List.of(
                word("hello", 0.0, 0.4, "SPEAKER_1"),
                word("there", 0.5, 0.9, "SPEAKER_1"),
                word("hi", 1.2, 1.4, "SPEAKER_2"),
                word("how", 1.6, 1.8, "SPEAKER_1"),
                word("are", 1.9, 2.0, "SPEAKER_1"),
                word("you", 3.5, 3.7, "SPEAKER_1")); // 1.5 s pause
        List<Segment> segments = new Segmenter(1.0).segment(words, ROLES);
        assertEquals(
                List.of("hello there", "hi", "how are", "you"),
                segments.stream().map(Segment::text).toList());
        assertEquals(Role.CUSTOMER, segments.get(1).role());
        assertEquals(0.0, segments.get(0).start());
        assertEquals(0.9, segments.get(0).end());
        assertEquals(0.9, segments.get(0).confidence(), 1e-9);
    }

    @Test
    void theAgentIsWhoeverSoundsLikeOne() {
        List<Segment> segments = List.of(
                new Segment("SPEAKER_1", Role.CUSTOMER, 0, 1, "hello", 1),
                new Segment(
                        "SPEAKER_2",
                        Role.CUSTOMER,
                        1,
                        4,
                        "thank you for calling northwind bank my name is sarah how can i help you",
                        1),
                new Segment("SPEAKER_1", Role.CUSTOMER, 4, 6, "i would like to check my balance", 1),
                new Segment("SPEAKER_2", Role.CUSTOMER, 6, 8, "can i have your account number please", 1));
        RoleAssigner roles = new RoleAssigner();
        assertEquals(
                Map.of("SPEAKER_1", Role.CUSTOMER, "SPEAKER_2", Role.AGENT), roles.assign(segments, Optional.empty()));
        assertEquals(
                Map.of("SPEAKER_1", Role.AGENT, "SPEAKER_2", Role.CUSTOMER),
                roles.assign(segments, Optional.of("SPEAKER_1")));
    }

    @Test
    void overlapsAreInterruptionsOnlyWhenTheFloorChangesHands() {
        List<Turn> turns = List.of(
                new Turn("SPEAKER_1", 0.0, 5.0),
                new Turn("SPEAKER_2", 2.0, 2.5), // a remark under speaker 1
                new Turn("SPEAKER_2", 4.5, 8.0), // speaker 2 takes over
                new Turn("SPEAKER_1", 7.95, 9.0)); // 50 ms: too short to count
        List<Overlap> overlaps = new OverlapFinder(0.1).find(turns);
        assertEquals(2, overlaps.size(), overlaps.toString());
        assertFalse(overlaps.get(0).interruption());
        assertEquals(2.0, overlaps.get(0).start());
        assertEquals(2.5, overlaps.get(0).end());
        assertTrue(overlaps.get(1).interruption());
        assertEquals("SPEAKER_1", overlaps.get(1).speaking());
        assertEquals("SPEAKER_2", overlaps.get(1).overlapping());
        assertEquals(0.5, overlaps.get(1).duration(), 1e-9);
    }

    private static Word word(String text, double start, double end, String speaker) {
        return new Word(text, start, end, 0.9, speaker);
    }
}
