package io.callintel.asr.diarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MfccTest {

    private final Mfcc mfcc = new Mfcc(16_000);

    @Test
    void aToneInsideTheTelephoneBandCarriesEnergyAndOneAboveItDoesNot() {
        float[] inside = analyse(tone(1000, 3000));
        float[] above = analyse(tone(5000, 3000));
        // All that remains of the 5 kHz tone is the window's leakage, more than 40 dB down.
        assertTrue(inside[0] > above[0] + Math.log(1e4), "1 kHz " + inside[0] + " against 5 kHz " + above[0]);
    }

    @Test
    void loudnessMovesOnlyTheEnergy() {
        float[] quiet = analyse(tone(700, 1000));
        float[] loud = analyse(tone(700, 2000));
        assertEquals(Math.log(4), loud[0] - quiet[0], 1e-3, "twice the amplitude, four times the energy");
        for (int c = 1; c <= Mfcc.COEFFICIENTS; c++) {
            assertEquals(quiet[c], loud[c], 1e-3, "c" + c);
        }
    }

    @Test
    void contentAboveTheBandDoesNotChangeTheFeatures() {
        // A voice-like harmonic sound, once wideband and once with nothing above 4 kHz (an 8 kHz call).
        float[] wide = new float[Mfcc.WINDOW];
        float[] narrow = new float[Mfcc.WINDOW];
        for (int n = 0; n < wide.length; n++) {
            for (int h = 1; h * 150 < 8000; h++) {
                float x = (float) (2000.0 / h * Math.sin(2 * Math.PI * 150 * h * n / 16_000.0));
                wide[n] += x;
                if (h * 150 < 4000) {
                    narrow[n] += x;
                }
            }
        }
        float[] a = analyse(wide);
        float[] b = analyse(narrow);
        for (int c = 0; c <= Mfcc.COEFFICIENTS; c++) {
            assertEquals(a[c], b[c], 0.05, "feature " + c);
        }
    }

    @Test
    void differentSpectraGiveDifferentCepstra() {
        float[] low = analyse(tone(300, 2000));
        float[] high = analyse(tone(2500, 2000));
        double distance = 0;
        for (int c = 1; c <= Mfcc.COEFFICIENTS; c++) {
            distance += (low[c] - high[c]) * (low[c] - high[c]);
        }
        assertTrue(Math.sqrt(distance) > 5, "distance " + Math.sqrt(distance));
    }

    private float[] analyse(float[] samples) {
        float[] out = new float[1 + Mfcc.COEFFICIENTS];
        mfcc.analyse(samples, 0, out, 0);
        return out;
    }

    private static float[] tone(double hz, double amplitude) {
        float[] tone = new float[Mfcc.WINDOW];
        for (int n = 0; n < tone.length; n++) {
            tone[n] = (float) (amplitude * Math.sin(2 * Math.PI * hz * n / 16_000.0));
        }
        return tone;
    }
}
