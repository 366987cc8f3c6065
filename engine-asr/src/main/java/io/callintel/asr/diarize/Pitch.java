package io.callintel.asr.diarize;

/**
 * Fundamental frequency of one 40 ms frame by normalised autocorrelation (Boersma's method: the
 * frame's autocorrelation divided by that of the window), searched over 70-400 Hz. The voice pitch
 * is the strongest single cue between a male and a female speaker, and it survives the telephone
 * band. The autocorrelation is taken from the power spectrum restricted to 60-4000 Hz, which also
 * makes the estimate the same for wideband and upsampled 8 kHz audio. Not thread-safe.
 */
final class Pitch {

    static final int WINDOW = 640;
    static final double MIN_HZ = 70;
    static final double MAX_HZ = 400;
    /** Normalised autocorrelation peak needed to call a frame voiced. */
    static final double VOICING_THRESHOLD = 0.5;
    /** Per octave, favours the shorter of two similar lags, against picking a multiple of the period. */
    private static final double OCTAVE_COST = 0.02;

    private static final int FFT_SIZE = 1024;
    /** The autocorrelation is evaluated at half the sample rate: only 0-4000 Hz take part. */
    private static final int ACF_SIZE = 512;
    /** Frames quieter than this mean square (16-bit units: about 40 dB below a normal voice) are unvoiced. */
    private static final double SILENCE = 100;

    private final double lagRate;
    private final int minLag;
    private final int maxLag;
    private final Fft fft = new Fft(FFT_SIZE);
    private final Fft acfFft = new Fft(ACF_SIZE);
    private final double[] window = new double[WINDOW];
    /** Autocorrelation of the window at the decimated lags, normalised to 1 at lag 0. */
    private final double[] windowAcf;

    private final int lowBin;
    private final double[] frame = new double[FFT_SIZE];
    private final double[] power = new double[FFT_SIZE / 2 + 1];
    private final double[] scratch = new double[FFT_SIZE / 2 + 1];
    private final double[] spectrum = new double[ACF_SIZE];
    private final double[] acf = new double[ACF_SIZE / 2 + 1];
    private final double[] acfScratch = new double[ACF_SIZE / 2 + 1];

    Pitch(int sampleRate) {
        // Bins 0..ACF_SIZE/2 of the FFT_SIZE spectrum cover 0 .. sampleRate/4.
        this.lagRate = sampleRate / 2.0;
        this.minLag = (int) Math.floor(lagRate / MAX_HZ);
        this.maxLag = (int) Math.ceil(lagRate / MIN_HZ);
        for (int n = 0; n < WINDOW; n++) {
            window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (n + 0.5) / WINDOW);
        }
        this.windowAcf = new double[maxLag + 2];
        double zero = 0;
        for (int n = 0; n < WINDOW; n++) {
            zero += window[n] * window[n];
        }
        for (int lag = 0; lag < windowAcf.length; lag++) {
            double sum = 0;
            for (int n = 0; n + 2 * lag < WINDOW; n++) {
                sum += window[n] * window[n + 2 * lag];
            }
            windowAcf[lag] = sum / zero;
        }
        this.lowBin = (int) Math.ceil(60.0 * FFT_SIZE / sampleRate);
    }

    /** Natural log of F0 in Hz of {@code samples[offset .. offset + WINDOW)}, or NaN when unvoiced. */
    float logF0(float[] samples, int offset) {
        double mean = 0;
        for (int n = 0; n < WINDOW; n++) {
            mean += samples[offset + n];
        }
        mean /= WINDOW;
        double energy = 0;
        for (int n = 0; n < WINDOW; n++) {
            double x = samples[offset + n] - mean;
            energy += x * x;
            frame[n] = x * window[n];
        }
        if (energy / WINDOW < SILENCE) {
            return Float.NaN;
        }
        java.util.Arrays.fill(frame, WINDOW, FFT_SIZE, 0);
        fft.power(frame, power, scratch);
        // The autocorrelation is the transform of the power spectrum (real and even); keep 60-4000 Hz.
        int top = ACF_SIZE / 2;
        for (int k = 0; k <= top; k++) {
            double p = k < lowBin || k == top ? 0 : power[k];
            spectrum[k] = p;
            if (k > 0 && k < top) {
                spectrum[ACF_SIZE - k] = p;
            }
        }
        acfFft.forward(spectrum, acf, acfScratch);
        double zero = acf[0];
        if (zero <= 0) {
            return Float.NaN;
        }
        double bestScore = -1;
        double bestLag = -1;
        double bestValue = 0;
        for (int lag = minLag; lag <= maxLag; lag++) {
            double value = normalised(lag, zero);
            if (value > normalised(lag - 1, zero) && value >= normalised(lag + 1, zero)) {
                double score = value - OCTAVE_COST * log2((double) lag / minLag);
                if (score > bestScore) {
                    bestScore = score;
                    bestValue = value;
                    // Parabolic interpolation of the peak for a sub-lag period.
                    double left = normalised(lag - 1, zero);
                    double right = normalised(lag + 1, zero);
                    double denominator = left - 2 * value + right;
                    double shift = denominator < 0 ? 0.5 * (left - right) / denominator : 0;
                    bestLag = lag + Math.max(-0.5, Math.min(0.5, shift));
                }
            }
        }
        if (bestLag <= 0 || bestValue < VOICING_THRESHOLD) {
            return Float.NaN;
        }
        return (float) Math.log(lagRate / bestLag);
    }

    private double normalised(int lag, double zero) {
        return acf[lag] / zero / windowAcf[lag];
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
