package io.callintel.asr.vad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnergyVadTest {

    private static final int RATE = SpeechSpan.SAMPLE_RATE;

    @Test
    void findsBurstsOfSoundInNoiseWithEdgesWithinTwoFrames() {
        // 1 s noise, 2 s "speech" (a loud modulated tone), 1.5 s noise, 1 s speech, 0.5 s noise
        short[] audio = noise(6 * RATE, 30, 1);
        tone(audio, 1.0, 3.0);
        tone(audio, 4.5, 5.5);
        List<SpeechSpan> spans = detect(audio);
        assertEquals(2, spans.size(), spans.toString());
        assertEquals(1.0, spans.get(0).startSeconds(), 0.02);
        assertEquals(3.0, spans.get(0).endSeconds(), 0.02);
        assertEquals(4.5, spans.get(1).startSeconds(), 0.02);
        assertEquals(5.5, spans.get(1).endSeconds(), 0.02);
    }

    @Test
    void shortPausesInsideSpeechDoNotSplitIt() {
        short[] audio = noise(4 * RATE, 30, 2);
        tone(audio, 0.5, 1.5);
        tone(audio, 1.7, 3.0); // a 200 ms pause: shorter than the hangover
        List<SpeechSpan> spans = detect(audio);
        assertEquals(1, spans.size(), spans.toString());
    }

    @Test
    void silenceAndClicksAreNotSpeech() {
        short[] audio = new short[3 * RATE];
        audio[RATE] = 20_000; // a single-sample click
        assertTrue(detect(audio).isEmpty());
        assertTrue(detect(new short[0]).isEmpty());
    }

    @Test
    void speechWithoutAnyPauseIsOneSpan() {
        short[] audio = noise(5 * RATE, 30, 3);
        tone(audio, 0, 5);
        List<SpeechSpan> spans = detect(audio);
        assertEquals(1, spans.size());
        assertEquals(5.0, spans.get(0).length() / (double) RATE, 0.02);
    }

    private static List<SpeechSpan> detect(short[] audio) {
        FrameEnergies energies = new FrameEnergies();
        for (int offset = 0; offset < audio.length; offset += 1000) { // odd chunk size on purpose
            energies.accept(audio, offset, Math.min(1000, audio.length - offset));
        }
        return EnergyVad.forCalls().detect(energies);
    }

    private static short[] noise(int samples, int amplitude, long seed) {
        Random random = new Random(seed);
        short[] audio = new short[samples];
        for (int i = 0; i < samples; i++) {
            audio[i] = (short) (random.nextGaussian() * amplitude);
        }
        return audio;
    }

    private static void tone(short[] audio, double from, double to) {
        for (int i = (int) (from * RATE); i < (int) (to * RATE); i++) {
            double syllables = 0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * i / RATE); // 4 Hz like speech
            audio[i] += (short) (6000 * syllables * Math.sin(2 * Math.PI * 220 * i / RATE));
        }
    }
}
