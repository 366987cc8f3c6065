package io.callintel.asr.diarize;

/**
 * Running count, sum and sum of squares per dimension of a set of frames, for a diagonal Gaussian.
 * Each dimension has its own count because the pitch is missing (NaN) in unvoiced frames.
 */
final class DiagonalStats {

    /** Variance floor in normalised units, so that a near-constant dimension cannot dominate. */
    static final double VARIANCE_FLOOR = 1e-2;

    private final int dimensions;
    private final double[] count;
    private final double[] sum;
    private final double[] squares;
    private int frames;

    DiagonalStats(int dimensions) {
        this.dimensions = dimensions;
        this.count = new double[dimensions];
        this.sum = new double[dimensions];
        this.squares = new double[dimensions];
    }

    void add(float[] data, int offset, int sign) {
        for (int d = 0; d < dimensions; d++) {
            float x = data[offset + d];
            if (!Float.isNaN(x)) {
                count[d] += sign;
                sum[d] += sign * x;
                squares[d] += sign * (double) x * x;
            }
        }
        frames += sign;
    }

    int frames() {
        return frames;
    }

    /**
     * Sum over dimensions of n_d log(variance_d) for this set, or for its union with {@code other}
     * when given: minus twice the maximised log-likelihood, up to a constant that cancels in BIC.
     */
    double spread(DiagonalStats other) {
        double total = 0;
        for (int d = 0; d < dimensions; d++) {
            double n = count[d] + (other == null ? 0 : other.count[d]);
            if (n < 2) {
                continue;
            }
            double s = sum[d] + (other == null ? 0 : other.sum[d]);
            double q = squares[d] + (other == null ? 0 : other.squares[d]);
            double mean = s / n;
            double variance = Math.max(q / n - mean * mean, VARIANCE_FLOOR);
            total += n * Math.log(variance);
        }
        return total;
    }
}
