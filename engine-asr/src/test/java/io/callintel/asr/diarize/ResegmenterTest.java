package io.callintel.asr.diarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResegmenterTest {

    @Test
    void movesACoarseBoundaryToTheTrueChange() {
        // Speaker 0 until frame 430, speaker 1 after; clustering only knew the middle of each part.
        SpeechFrames frames = SpeechFrames.ofNormalised(Toy.concat(Toy.speaker(430, 0, 1), Toy.speaker(570, 1, 2)));
        int[] labels = new int[1000];
        Arrays.fill(labels, -1);
        Arrays.fill(labels, 0, 300, 0);
        Arrays.fill(labels, 600, 1000, 1);
        int[] refined = Resegmenter.resegment(frames, labels, 2, 2);
        int change = 0;
        while (refined[change] == 0) {
            change++;
        }
        assertEquals(430, change, 3);
        for (int i = change; i < refined.length; i++) {
            assertEquals(1, refined[i], "one change only, at frame " + i);
        }
    }

    @Test
    void aFewOddFramesDoNotMakeATurn() {
        float[] data = Toy.speaker(600, 0, 3);
        float[] intruder = Toy.speaker(3, 1, 4);
        System.arraycopy(intruder, 0, data, 300 * SpeechFrames.DIMENSIONS, intruder.length);
        float[] other = Toy.speaker(400, 1, 5);
        SpeechFrames frames = SpeechFrames.ofNormalised(Toy.concat(data, other));
        int[] labels = new int[1000];
        Arrays.fill(labels, 0, 600, 0);
        Arrays.fill(labels, 600, 1000, 1);
        int[] refined = Resegmenter.resegment(frames, labels, 2, 1);
        assertTrue(
                Arrays.stream(refined, 0, 600).allMatch(l -> l == 0), "3 frames of the other voice stay with the turn");
    }
}
