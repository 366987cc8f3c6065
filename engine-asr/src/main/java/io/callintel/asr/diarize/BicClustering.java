package io.callintel.asr.diarize;

import java.util.List;
import java.util.OptionalInt;

/**
 * Agglomerative clustering of speech segments: repeatedly joins the two clusters whose union costs
 * the least by the Bayesian information criterion (full-covariance Gaussians).
 *
 * <p>With a fixed speaker count it joins down to that count. Otherwise it stops at the first join
 * that would lose a clearly different voice, judged by two measures: the likelihood gain of keeping
 * the two apart relative to the BIC penalty (which grows with the data, so that same-speaker clusters
 * drift apart on long calls), and the same gain per frame (which is noisy on small clusters). Both
 * must be large. The bar is low for the last join, from two clusters to one, and high for the joins
 * above two: a phone call has two parties unless the audio insists otherwise.
 */
final class BicClustering {

    /** Keeping more than two clusters: gain over penalty, and gain per frame (nats). */
    static final double MANY_RATIO = 4.0;

    static final double MANY_PER_FRAME = 1.0;
    /** Keeping two clusters rather than one. */
    static final double TWO_RATIO = 2.0;

    static final double TWO_PER_FRAME = 0.3;

    private BicClustering() {}

    /** Cluster index of each segment, 0..k-1, numbered in segment order. */
    static int[] cluster(List<GaussianStats> segments, OptionalInt speakers, int maxSpeakers) {
        int n = segments.size();
        GaussianStats[] clusters = segments.toArray(new GaussianStats[0]);
        double[] spread = new double[n];
        for (int i = 0; i < n; i++) {
            spread[i] = clusters[i].spread();
        }
        int[] owner = new int[n];
        for (int i = 0; i < n; i++) {
            owner[i] = i;
        }
        boolean[] alive = new boolean[n];
        java.util.Arrays.fill(alive, true);
        // gain[i][j] (i < j): log-likelihood gain of two Gaussians over one; penalty[i][j]: its BIC price.
        double[][] gain = new double[n][n];
        double[][] penalty = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                compare(clusters, spread, gain, penalty, i, j);
            }
        }
        int count = n;
        while (count > 1) {
            int bestI = -1;
            int bestJ = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (alive[i]) {
                    for (int j = i + 1; j < n; j++) {
                        if (alive[j] && gain[i][j] - penalty[i][j] < best) {
                            best = gain[i][j] - penalty[i][j];
                            bestI = i;
                            bestJ = j;
                        }
                    }
                }
            }
            if (speakers.isPresent()
                    ? count <= speakers.getAsInt()
                    : count <= maxSpeakers
                            && distinct(
                                    gain[bestI][bestJ],
                                    penalty[bestI][bestJ],
                                    clusters[bestI].count() + clusters[bestJ].count(),
                                    count)) {
                break;
            }
            clusters[bestI] = clusters[bestI].plus(clusters[bestJ]);
            spread[bestI] = clusters[bestI].spread();
            alive[bestJ] = false;
            for (int s = 0; s < n; s++) {
                if (owner[s] == bestJ) {
                    owner[s] = bestI;
                }
            }
            count--;
            for (int k = 0; k < n; k++) {
                if (alive[k] && k != bestI) {
                    compare(clusters, spread, gain, penalty, Math.min(k, bestI), Math.max(k, bestI));
                }
            }
        }
        int[] index = new int[n];
        java.util.Arrays.fill(index, -1);
        int next = 0;
        int[] labels = new int[n];
        for (int s = 0; s < n; s++) {
            if (index[owner[s]] < 0) {
                index[owner[s]] = next++;
            }
            labels[s] = index[owner[s]];
        }
        return labels;
    }

    /** Whether the two clusters of the cheapest join, with {@code count} clusters left, are different voices. */
    static boolean distinct(double gain, double penalty, double frames, int count) {
        return count > 2
                ? gain > MANY_RATIO * penalty && gain > MANY_PER_FRAME * frames
                : gain > TWO_RATIO * penalty && gain > TWO_PER_FRAME * frames;
    }

    private static void compare(
            GaussianStats[] clusters, double[] spread, double[][] gain, double[][] penalty, int i, int j) {
        GaussianStats merged = clusters[i].plus(clusters[j]);
        gain[i][j] = 0.5 * (merged.spread() - spread[i] - spread[j]);
        penalty[i][j] = 0.5 * GaussianStats.PARAMETERS * Math.log(merged.count());
    }
}
