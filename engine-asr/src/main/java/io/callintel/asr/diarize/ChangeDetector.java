package io.callintel.asr.diarize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds speaker changes inside a stretch of speech: at every frame, compares the second before with
 * the second after by the Bayesian information criterion (one diagonal Gaussian for both windows
 * against one each), and keeps the clear maxima.
 *
 * <p>Over one second, new sounds of the same voice can score almost as high as a new voice, so the
 * penalty is set high: only clear changes cut. A missed change costs little (pieces are also cut
 * every two seconds, and the frame-level refinement moves the labels anyway); spurious cuts would
 * leave pieces too short to cluster reliably. Where the change falls in a pause, the score is flat
 * across the pause and the cut lands somewhere inside it.
 */
final class ChangeDetector {

    /** Frames on each side of a candidate point. */
    static final int WINDOW = 100;
    /** Loud frames needed on each side before a point is considered. */
    static final int MIN_SIDE = 25;
    /** Two changes are at least this many frames apart. */
    static final int MIN_GAP = 100;
    /** Weight of the BIC penalty: 1 is the textbook value; high here, see above. */
    static final double PENALTY_WEIGHT = 4.0;

    private final int dimensions = SpeechFrames.DIMENSIONS;

    /** Frame indices in (from, to) where a new speaker may start, ascending. */
    int[] changes(SpeechFrames frames, int from, int to) {
        int length = to - from;
        if (length < 2 * MIN_SIDE) {
            return new int[0];
        }
        DiagonalStats left = new DiagonalStats(dimensions);
        DiagonalStats right = new DiagonalStats(dimensions);
        // Right window [t, t + WINDOW) for t = from + 1; left window [t - WINDOW, t).
        int firstPoint = from + 1;
        add(frames, left, from, firstPoint, +1);
        add(frames, right, firstPoint, Math.min(to, firstPoint + WINDOW), +1);
        double[] score = new double[length];
        Arrays.fill(score, Double.NEGATIVE_INFINITY);
        double penalty = PENALTY_WEIGHT * 0.5 * (2 * dimensions);
        for (int t = firstPoint; t < to; t++) {
            if (t > firstPoint) {
                // Slide by one: frame t - 1 moves from right to left, the window edges move on.
                add(frames, right, t - 1, t, -1);
                add(frames, left, t - 1, t, +1);
                if (t - 1 - WINDOW >= from) {
                    add(frames, left, t - 1 - WINDOW, t - WINDOW, -1);
                }
                if (t + WINDOW - 1 < to) {
                    add(frames, right, t + WINDOW - 1, t + WINDOW, +1);
                }
            }
            if (left.frames() >= MIN_SIDE && right.frames() >= MIN_SIDE) {
                int n = left.frames() + right.frames();
                score[t - from] =
                        0.5 * (left.spread(right) - left.spread(null) - right.spread(null)) - penalty * Math.log(n);
            }
        }
        return peaks(score, from);
    }

    /** Greedy over the positive local maxima: the highest first, then each one at least MIN_GAP from all taken. */
    private static int[] peaks(double[] score, int from) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            boolean rising = i == 0 || score[i] >= score[i - 1];
            boolean falling = i == score.length - 1 || score[i] > score[i + 1];
            if (score[i] > 0 && rising && falling) {
                candidates.add(i);
            }
        }
        candidates.sort((a, b) -> Double.compare(score[b], score[a]));
        List<Integer> taken = new ArrayList<>();
        for (int i : candidates) {
            boolean far = true;
            for (int t : taken) {
                if (Math.abs(t - i) < MIN_GAP) {
                    far = false;
                    break;
                }
            }
            if (far) {
                taken.add(i);
            }
        }
        return taken.stream().mapToInt(i -> i + from).sorted().toArray();
    }

    private static void add(SpeechFrames frames, DiagonalStats stats, int from, int to, int sign) {
        float[] data = frames.data();
        for (int i = from; i < to; i++) {
            if (frames.informative(i)) {
                stats.add(data, i * SpeechFrames.DIMENSIONS, sign);
            }
        }
    }
}
