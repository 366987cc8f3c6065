package io.callintel.asr.diarize;

/**
 * Forward FFT of a real sequence whose length is a power of two, computed as a half-length complex
 * FFT. Tables and scratch are allocated once, so a transform allocates nothing; not thread-safe.
 */
final class Fft {

    private final int size;
    private final int half;
    private final int[] bitReverse;
    private final double[] cos;
    private final double[] sin;
    private final double[] splitCos;
    private final double[] splitSin;
    private final double[] re;
    private final double[] im;

    Fft(int size) {
        if (size < 4 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two >= 4: " + size);
        }
        this.size = size;
        this.half = size / 2;
        this.bitReverse = new int[half];
        int bits = Integer.numberOfTrailingZeros(half);
        for (int i = 0; i < half; i++) {
            bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        this.cos = new double[half / 2 + 1];
        this.sin = new double[half / 2 + 1];
        for (int k = 0; k < cos.length; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / half);
            sin[k] = Math.sin(2 * Math.PI * k / half);
        }
        this.splitCos = new double[half + 1];
        this.splitSin = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            splitCos[k] = Math.cos(2 * Math.PI * k / size);
            splitSin[k] = Math.sin(2 * Math.PI * k / size);
        }
        this.re = new double[half];
        this.im = new double[half];
    }

    int size() {
        return size;
    }

    /**
     * Bins 0..size/2 of the DFT of {@code input[0..size)}: X[k] = sum x[n] e^(-2 pi i k n / size).
     * {@code outRe} and {@code outIm} need size/2 + 1 entries.
     */
    void forward(double[] input, double[] outRe, double[] outIm) {
        // Pack even samples as real parts and odd samples as imaginary parts, in bit-reversed order.
        for (int j = 0; j < half; j++) {
            int target = bitReverse[j];
            re[target] = input[2 * j];
            im[target] = input[2 * j + 1];
        }
        complexInPlace();
        // Split the half-length transform Z into the spectra of the even (E) and odd (O) samples:
        // X[k] = E[k] + e^(-2 pi i k / size) O[k].
        for (int k = 0; k <= half; k++) {
            int a = k == half ? 0 : k;
            int b = k == 0 ? 0 : half - k;
            double ar = re[a];
            double ai = im[a];
            double br = re[b];
            double bi = im[b];
            double er = 0.5 * (ar + br);
            double ei = 0.5 * (ai - bi);
            double or = 0.5 * (ai + bi);
            double oi = -0.5 * (ar - br);
            double wr = splitCos[k];
            double wi = -splitSin[k];
            outRe[k] = er + wr * or - wi * oi;
            outIm[k] = ei + wr * oi + wi * or;
        }
    }

    /** Power spectrum |X[k]|^2 for k = 0..size/2 into {@code power}; {@code scratchIm} is overwritten. */
    void power(double[] input, double[] power, double[] scratchIm) {
        forward(input, power, scratchIm);
        for (int k = 0; k <= half; k++) {
            power[k] = power[k] * power[k] + scratchIm[k] * scratchIm[k];
        }
    }

    /** Iterative radix-2 decimation in time over re/im, already in bit-reversed order. */
    private void complexInPlace() {
        for (int span = 2; span <= half; span <<= 1) {
            int halfSpan = span >> 1;
            int step = half / span;
            for (int start = 0; start < half; start += span) {
                for (int j = 0; j < halfSpan; j++) {
                    int t = j * step; // < half / 2: e^(-2 pi i t / half) comes straight from the tables
                    double wr = cos[t];
                    double wi = -sin[t];
                    int p = start + j;
                    int q = p + halfSpan;
                    double tr = wr * re[q] - wi * im[q];
                    double ti = wr * im[q] + wi * re[q];
                    re[q] = re[p] - tr;
                    im[q] = im[p] - ti;
                    re[p] += tr;
                    im[p] += ti;
                }
            }
        }
    }
}
