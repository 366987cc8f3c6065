package io.callintel.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.asr.vad.FrameEnergies;
import io.callintel.asr.vad.SpeechSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkPlannerTest {

    private static final int RATE = SpeechSpan.SAMPLE_RATE;

    @Test
    void padsJoinsCloseSpeechAndSkipsLongSilence() {
        FrameEnergies energies = loudness(60, 0);
        List<SpeechSpan> speech =
                List.of(SpeechSpan.ofSeconds(1, 3), SpeechSpan.ofSeconds(3.6, 5), SpeechSpan.ofSeconds(20, 22));
        List<SpeechSpan> chunks = new ChunkPlanner(30, 0.5, 0.25).plan(speech, energies);
        // Starts snap down to the recognizer's 30 ms frame grid: 19.75 s becomes 19.74 s.
        assertEquals(List.of(SpeechSpan.ofSeconds(0.75, 5.25), SpeechSpan.ofSeconds(19.74, 22.25)), chunks);
    }

    @Test
    void shortSilenceAtEitherEndOfTheRecordingIsKept() {
        FrameEnergies energies = loudness(10, 0);
        List<SpeechSpan> chunks =
                new ChunkPlanner(30, 0.5, 0.25).plan(List.of(SpeechSpan.ofSeconds(0.6, 9.5)), energies);
        assertEquals(List.of(SpeechSpan.ofSeconds(0, 10)), chunks);
    }

    @Test
    void cutsLongSpeechAtItsQuietestMoment() {
        FrameEnergies energies = loudness(100, 45.0); // a quiet dip at 45 s
        List<SpeechSpan> chunks = new ChunkPlanner(30, 0.5, 0).plan(List.of(SpeechSpan.ofSeconds(0, 100)), energies);
        assertTrue(chunks.size() >= 4, chunks.toString());
        assertEquals(0, chunks.get(0).start());
        assertEquals(100 * RATE, chunks.get(chunks.size() - 1).end());
        for (int i = 0; i < chunks.size(); i++) {
            assertTrue(chunks.get(i).length() <= 30 * RATE, "no chunk longer than the maximum");
            if (i > 0) {
                assertEquals(chunks.get(i - 1).end(), chunks.get(i).start(), "chunks are contiguous: nothing lost");
            }
        }
        assertTrue(chunks.stream().anyMatch(chunk -> Math.abs(chunk.endSeconds() - 45.0) < 0.031), chunks.toString());
    }

    /** Loud everywhere (60 dB) except one quiet 10 ms frame at {@code dipSecond} (0 for none). */
    private static FrameEnergies loudness(int seconds, double dipSecond) {
        FrameEnergies energies = new FrameEnergies();
        short[] frame = new short[FrameEnergies.FRAME];
        for (int f = 0; f < seconds * 100; f++) {
            boolean dip = dipSecond > 0 && f == (int) Math.round(dipSecond * 100);
            java.util.Arrays.fill(frame, (short) (dip ? 10 : 1000));
            energies.accept(frame, 0, frame.length);
        }
        return energies;
    }
}
