package io.callintel.asr.diarize;

/**
 * Sufficient statistics of a set of frames for a full-covariance Gaussian over the cepstrum and
 * energy, with the pitch as a separate one-dimensional Gaussian over the voiced frames (it is
 * missing in the others). Sets merge by adding their statistics.
 */
final class GaussianStats {

    static final int CEPSTRAL = FrameStore.PITCH;
    /** Free parameters of the model: mean and covariance of the cepstral part, mean and variance of the pitch. */
    static final int PARAMETERS = CEPSTRAL + CEPSTRAL * (CEPSTRAL + 1) / 2 + 2;
    /** Added to the covariance diagonal (normalised units): keeps short segments' estimates invertible. */
    private static final double RIDGE = 1e-2;

    private double count;
    private final double[] sum = new double[CEPSTRAL];
    /** Upper triangle, row by row, of the sum of outer products. */
    private final double[] products = new double[CEPSTRAL * (CEPSTRAL + 1) / 2];

    private double pitchCount;
    private double pitchSum;
    private double pitchSquares;

    void add(float[] data, int offset) {
        count++;
        int k = 0;
        for (int i = 0; i < CEPSTRAL; i++) {
            double xi = data[offset + i];
            sum[i] += xi;
            for (int j = i; j < CEPSTRAL; j++) {
                products[k++] += xi * data[offset + j];
            }
        }
        float pitch = data[offset + FrameStore.PITCH];
        if (!Float.isNaN(pitch)) {
            pitchCount++;
            pitchSum += pitch;
            pitchSquares += (double) pitch * pitch;
        }
    }

    GaussianStats plus(GaussianStats other) {
        GaussianStats merged = new GaussianStats();
        merged.count = count + other.count;
        for (int i = 0; i < sum.length; i++) {
            merged.sum[i] = sum[i] + other.sum[i];
        }
        for (int i = 0; i < products.length; i++) {
            merged.products[i] = products[i] + other.products[i];
        }
        merged.pitchCount = pitchCount + other.pitchCount;
        merged.pitchSum = pitchSum + other.pitchSum;
        merged.pitchSquares = pitchSquares + other.pitchSquares;
        return merged;
    }

    double count() {
        return count;
    }

    /** n log|covariance| + n_pitch log(pitch variance): minus twice the maximised log-likelihood, up to a constant. */
    double spread() {
        if (count < 1) {
            return 0;
        }
        double[][] covariance = new double[CEPSTRAL][CEPSTRAL];
        int k = 0;
        for (int i = 0; i < CEPSTRAL; i++) {
            for (int j = i; j < CEPSTRAL; j++) {
                double c = products[k++] / count - (sum[i] / count) * (sum[j] / count);
                covariance[i][j] = c;
                covariance[j][i] = c;
            }
            covariance[i][i] += RIDGE;
        }
        double total = count * logDeterminant(covariance);
        if (pitchCount >= 2) {
            double mean = pitchSum / pitchCount;
            total += pitchCount * Math.log(Math.max(pitchSquares / pitchCount - mean * mean, 0) + RIDGE);
        }
        return total;
    }

    /** Cholesky: log det = 2 sum log L_ii. The ridge keeps the matrix positive definite. */
    private static double logDeterminant(double[][] a) {
        int n = a.length;
        double logDet = 0;
        for (int j = 0; j < n; j++) {
            double diagonal = a[j][j];
            for (int k = 0; k < j; k++) {
                diagonal -= a[j][k] * a[j][k];
            }
            if (diagonal <= 1e-12) {
                diagonal = 1e-12;
            }
            double root = Math.sqrt(diagonal);
            a[j][j] = root;
            logDet += 2 * Math.log(root);
            for (int i = j + 1; i < n; i++) {
                double value = a[i][j];
                for (int k = 0; k < j; k++) {
                    value -= a[i][k] * a[j][k];
                }
                a[i][j] = value / root;
            }
        }
        return logDet;
    }
}
