package io.callintel.asr.diarize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChangeDetectorTest {

    @Test
    void findsAChangeOfDistribution() {
        SpeechFrames frames = SpeechFrames.ofNormalised(Toy.concat(Toy.speaker(340, 0, 1), Toy.speaker(260, 1, 2)));
        int[] changes = new ChangeDetector().changes(frames, 0, frames.size());
        assertEquals(1, changes.length, java.util.Arrays.toString(changes));
        assertEquals(340, changes[0], 5);
    }

    @Test
    void staysQuietOnOneDistribution() {
        SpeechFrames frames = SpeechFrames.ofNormalised(Toy.speaker(800, 0, 3));
        assertEquals(0, new ChangeDetector().changes(frames, 0, frames.size()).length);
    }

    @Test
    void looksOnlyInsideTheGivenStretch() {
        SpeechFrames frames = SpeechFrames.ofNormalised(Toy.concat(Toy.speaker(300, 0, 4), Toy.speaker(300, 1, 5)));
        assertEquals(0, new ChangeDetector().changes(frames, 0, 300).length);
        assertEquals(0, new ChangeDetector().changes(frames, 300, 600).length);
        assertEquals(0, new ChangeDetector().changes(frames, 290, 310).length, "too short to judge");
    }
}
