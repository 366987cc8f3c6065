package io.callintel.asr.diarize;

/**
 * Mel-frequency cepstral coefficients of one 25 ms frame: log band energy and c1..c12 from 20 mel
 * filters spread over 100-3800 Hz only, so that a call recorded at 8 kHz and upsampled gives the same
 * features as a wideband one. No pre-emphasis: a fixed filter only shifts the cepstrum by a
 * constant, which the per-call mean normalisation removes anyway. Not thread-safe.
 */
final class Mfcc {

    static final int WINDOW = 400;
    static final int COEFFICIENTS = 12;
    static final double LOW_HZ = 100;
    static final double HIGH_HZ = 3800;
    private static final int FFT_SIZE = 512;
    private static final int FILTERS = 20;
    /** Floor of a filter's energy, in squared 16-bit units: below the quantisation noise of any real recording. */
    private static final double ENERGY_FLOOR = 1.0;

    private final Fft fft = new Fft(FFT_SIZE);
    private final double[] window = new double[WINDOW];
    private final int[] filterStart = new int[FILTERS];
    private final double[][] filterWeights = new double[FILTERS][];
    private final double[][] dct = new double[COEFFICIENTS][FILTERS];
    private final double[] frame = new double[FFT_SIZE];
    private final double[] power = new double[FFT_SIZE / 2 + 1];
    private final double[] scratch = new double[FFT_SIZE / 2 + 1];
    private final double[] logMel = new double[FILTERS];

    Mfcc(int sampleRate) {
        for (int n = 0; n < WINDOW; n++) {
            window[n] = 0.54 - 0.46 * Math.cos(2 * Math.PI * n / (WINDOW - 1));
        }
        double binHz = (double) sampleRate / FFT_SIZE;
        double lowMel = mel(LOW_HZ);
        double highMel = mel(HIGH_HZ);
        for (int f = 0; f < FILTERS; f++) {
            double left = hz(lowMel + (highMel - lowMel) * f / (FILTERS + 1));
            double centre = hz(lowMel + (highMel - lowMel) * (f + 1) / (FILTERS + 1));
            double right = hz(lowMel + (highMel - lowMel) * (f + 2) / (FILTERS + 1));
            int first = (int) Math.ceil(left / binHz);
            int last = (int) Math.floor(right / binHz);
            double[] weights = new double[Math.max(0, last - first + 1)];
            for (int k = first; k <= last; k++) {
                double hz = k * binHz;
                weights[k - first] = hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
            }
            filterStart[f] = first;
            filterWeights[f] = weights;
        }
        double scale = Math.sqrt(2.0 / FILTERS);
        for (int c = 0; c < COEFFICIENTS; c++) {
            for (int f = 0; f < FILTERS; f++) {
                dct[c][f] = scale * Math.cos(Math.PI * (c + 1) * (f + 0.5) / FILTERS);
            }
        }
    }

    /**
     * Analyses {@code samples[offset .. offset + WINDOW)}; writes the log band energy to
     * {@code out[at]} and c1..c12 to {@code out[at + 1 .. at + 12]}.
     */
    void analyse(float[] samples, int offset, float[] out, int at) {
        double mean = 0;
        for (int n = 0; n < WINDOW; n++) {
            mean += samples[offset + n];
        }
        mean /= WINDOW;
        for (int n = 0; n < WINDOW; n++) {
            frame[n] = (samples[offset + n] - mean) * window[n];
        }
        java.util.Arrays.fill(frame, WINDOW, FFT_SIZE, 0);
        fft.power(frame, power, scratch);
        double total = 0;
        for (int f = 0; f < FILTERS; f++) {
            double[] weights = filterWeights[f];
            int first = filterStart[f];
            double energy = 0;
            for (int k = 0; k < weights.length; k++) {
                energy += weights[k] * power[first + k];
            }
            total += energy;
            logMel[f] = Math.log(Math.max(energy, ENERGY_FLOOR));
        }
        out[at] = (float) Math.log(Math.max(total, ENERGY_FLOOR));
        for (int c = 0; c < COEFFICIENTS; c++) {
            double[] basis = dct[c];
            double sum = 0;
            for (int f = 0; f < FILTERS; f++) {
                sum += basis[f] * logMel[f];
            }
            out[at + 1 + c] = (float) sum;
        }
    }

    static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }
}
