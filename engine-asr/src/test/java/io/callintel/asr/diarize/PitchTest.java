package io.callintel.asr.diarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PitchTest {

    private final Pitch pitch = new Pitch(16_000);

    @Test
    void findsTheFundamentalOfAHarmonicTone() {
        for (double f0 : new double[] {85, 110, 140, 180, 220, 260, 330}) {
            float[] tone = harmonic(f0, 8, Pitch.WINDOW);
            float logF0 = pitch.logF0(tone, 0);
            assertEquals(f0, Math.exp(logF0), f0 * 0.02, "F0 of a " + f0 + " Hz tone");
        }
    }

    @Test
    void findsTheFundamentalWhenItIsMissing() {
        // Telephone audio loses everything below ~300 Hz: the pitch must come from the harmonics.
        float[] tone = new float[Pitch.WINDOW];
        for (int n = 0; n < tone.length; n++) {
            for (int h = 3; h <= 12; h++) {
                tone[n] += (float) (1000 * Math.sin(2 * Math.PI * 120 * h * n / 16_000.0));
            }
        }
        assertEquals(120, Math.exp(pitch.logF0(tone, 0)), 2.5);
    }

    @Test
    void noiseAndSilenceAreUnvoiced() {
        Random random = new Random(1);
        float[] noise = new float[Pitch.WINDOW];
        for (int n = 0; n < noise.length; n++) {
            noise[n] = (float) (3000 * random.nextGaussian());
        }
        assertTrue(Float.isNaN(pitch.logF0(noise, 0)), "white noise");
        assertTrue(Float.isNaN(pitch.logF0(new float[Pitch.WINDOW], 0)), "silence");
    }

    static float[] harmonic(double f0, int harmonics, int length) {
        float[] tone = new float[length];
        for (int n = 0; n < length; n++) {
            for (int h = 1; h <= harmonics; h++) {
                tone[n] += (float) (3000.0 / h * Math.sin(2 * Math.PI * f0 * h * n / 16_000.0 + h));
            }
        }
        return tone;
    }
}
