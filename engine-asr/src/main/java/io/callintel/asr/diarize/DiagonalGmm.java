package io.callintel.asr.diarize;

/**
 * A Gaussian mixture with diagonal covariances over the frame features, one per speaker, for the
 * frame-level re-assignment. Missing values (NaN: the pitch of unvoiced frames) are left out of both
 * training and scoring. Trained by splitting from one component (deterministic) and EM.
 */
final class DiagonalGmm {

    /** Frames per component needed for a component to be worth estimating. */
    private static final int FRAMES_PER_COMPONENT = 40;
    /** Training uses at most this many frames, evenly spread over the speaker's frames. */
    private static final int MAX_TRAINING_FRAMES = 20_000;

    private static final int ITERATIONS_PER_SPLIT = 3;
    private static final int FINAL_ITERATIONS = 4;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int dimensions;
    private final int components;
    private final double[] logWeight;
    private final double[] mean;
    /** 1 / variance. */
    private final double[] precision;
    /** -0.5 log(2 pi variance) per component and dimension. */
    private final double[] normaliser;

    private DiagonalGmm(int dimensions, int components) {
        this.dimensions = dimensions;
        this.components = components;
        this.logWeight = new double[components];
        this.mean = new double[components * dimensions];
        this.precision = new double[components * dimensions];
        this.normaliser = new double[components * dimensions];
    }

    int components() {
        return components;
    }

    /**
     * Trains on the frames listed in {@code frames} of {@code data} ({@code dimensions} floats per
     * frame), with up to {@code maxComponents} components (a power of two), fewer when data is short.
     */
    static DiagonalGmm train(float[] data, int dimensions, int[] frames, int maxComponents) {
        int[] sample = evenlySpread(frames);
        int affordable = Integer.highestOneBit(Math.max(1, sample.length / FRAMES_PER_COMPONENT));
        int target = Math.min(maxComponents, affordable);
        // One component first: the speaker's mean and variance; then split and refine.
        DiagonalGmm gmm = new DiagonalGmm(dimensions, 1);
        gmm.maximise(data, sample, null);
        while (gmm.components < target) {
            gmm = gmm.split();
            for (int i = 0; i < ITERATIONS_PER_SPLIT; i++) {
                gmm.iterate(data, sample);
            }
        }
        for (int i = 0; i < FINAL_ITERATIONS; i++) {
            gmm.iterate(data, sample);
        }
        return gmm;
    }

    /**
     * Log-likelihood of the frame at {@code data[offset .. offset + dimensions)}; {@code scratch}
     * needs {@link #components()} entries (passed in so that scoring allocates nothing).
     */
    double logLikelihood(float[] data, int offset, double[] scratch) {
        componentScores(data, offset, scratch);
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < components; c++) {
            max = Math.max(max, scratch[c]);
        }
        double sum = 0;
        for (int c = 0; c < components; c++) {
            sum += Math.exp(scratch[c] - max);
        }
        return max + Math.log(sum);
    }

    private void componentScores(float[] data, int offset, double[] scores) {
        for (int c = 0; c < components; c++) {
            double score = logWeight[c];
            int base = c * dimensions;
            for (int d = 0; d < dimensions; d++) {
                float x = data[offset + d];
                if (x == x) { // not NaN
                    double diff = x - mean[base + d];
                    score += normaliser[base + d] - 0.5 * diff * diff * precision[base + d];
                }
            }
            scores[c] = score;
        }
    }

    /** One EM step. */
    private void iterate(float[] data, int[] sample) {
        double[] responsibility = new double[sample.length * components];
        double[] scores = new double[components];
        for (int s = 0; s < sample.length; s++) {
            componentScores(data, sample[s] * dimensions, scores);
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < components; c++) {
                max = Math.max(max, scores[c]);
            }
            double total = 0;
            for (int c = 0; c < components; c++) {
                scores[c] = Math.exp(scores[c] - max);
                total += scores[c];
            }
            for (int c = 0; c < components; c++) {
                responsibility[s * components + c] = scores[c] / total;
            }
        }
        maximise(data, sample, responsibility);
    }

    /** M step; a null {@code responsibility} means every frame belongs to the only component. */
    private void maximise(float[] data, int[] sample, double[] responsibility) {
        double[] weight = new double[components];
        double[] count = new double[components * dimensions];
        double[] sum = new double[components * dimensions];
        double[] squares = new double[components * dimensions];
        for (int s = 0; s < sample.length; s++) {
            int offset = sample[s] * dimensions;
            for (int c = 0; c < components; c++) {
                double r = responsibility == null ? 1 : responsibility[s * components + c];
                if (r < 1e-6) {
                    continue;
                }
                weight[c] += r;
                int base = c * dimensions;
                for (int d = 0; d < dimensions; d++) {
                    float x = data[offset + d];
                    if (x == x) {
                        count[base + d] += r;
                        sum[base + d] += r * x;
                        squares[base + d] += r * x * x;
                    }
                }
            }
        }
        double totalWeight = 0;
        for (int c = 0; c < components; c++) {
            totalWeight += weight[c];
        }
        for (int c = 0; c < components; c++) {
            logWeight[c] = Math.log(Math.max(weight[c], 1e-3) / Math.max(totalWeight, 1e-3));
            for (int d = 0; d < dimensions; d++) {
                int at = c * dimensions + d;
                double variance;
                if (count[at] >= 1) {
                    mean[at] = sum[at] / count[at];
                    variance = squares[at] / count[at] - mean[at] * mean[at];
                } else {
                    variance = 1; // a dimension never seen here: as wide as the whole call
                }
                variance = Math.max(variance, DiagonalStats.VARIANCE_FLOOR);
                precision[at] = 1 / variance;
                normaliser[at] = -0.5 * (LOG_2PI + Math.log(variance));
            }
        }
    }

    /** Every component becomes two, moved apart by a fifth of a standard deviation. */
    private DiagonalGmm split() {
        DiagonalGmm doubled = new DiagonalGmm(dimensions, components * 2);
        for (int c = 0; c < components; c++) {
            for (int half = 0; half < 2; half++) {
                int target = 2 * c + half;
                doubled.logWeight[target] = logWeight[c] - Math.log(2);
                for (int d = 0; d < dimensions; d++) {
                    int from = c * dimensions + d;
                    int to = target * dimensions + d;
                    double deviation = Math.sqrt(1 / precision[from]);
                    doubled.mean[to] = mean[from] + (half == 0 ? -0.2 : 0.2) * deviation;
                    doubled.precision[to] = precision[from];
                    doubled.normaliser[to] = normaliser[from];
                }
            }
        }
        return doubled;
    }

    private static int[] evenlySpread(int[] frames) {
        if (frames.length <= MAX_TRAINING_FRAMES) {
            return frames;
        }
        int[] sample = new int[MAX_TRAINING_FRAMES];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = frames[(int) ((long) i * frames.length / sample.length)];
        }
        return sample;
    }
}
