package io.callintel.asr.diarize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FftTest {

    @Test
    void matchesTheDefinitionOfTheDft() {
        for (int size : new int[] {4, 8, 64, 512, 1024}) {
            Fft fft = new Fft(size);
            double[] x = new Random(size).doubles(size, -1, 1).toArray();
            double[] re = new double[size / 2 + 1];
            double[] im = new double[size / 2 + 1];
            fft.forward(x, re, im);
            for (int k = 0; k <= size / 2; k++) {
                double expectedRe = 0;
                double expectedIm = 0;
                for (int n = 0; n < size; n++) {
                    expectedRe += x[n] * Math.cos(2 * Math.PI * k * n / size);
                    expectedIm -= x[n] * Math.sin(2 * Math.PI * k * n / size);
                }
                assertEquals(expectedRe, re[k], 1e-9, "re " + k + " of " + size);
                assertEquals(expectedIm, im[k], 1e-9, "im " + k + " of " + size);
            }
        }
    }
}
