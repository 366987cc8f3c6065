package io.callintel.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Diarization error rate: (missed + false alarm + confused speaker time) / reference speech time,
 * on a 10 ms grid, under the mapping of hypothesis speakers to reference speakers that minimises it.
 *
 * <p>A cell counts as speech of a speaker when the cell's midpoint lies in one of the speaker's
 * segments. With a collar, cells within that many seconds of a reference segment boundary are not
 * scored, the usual allowance for imprecise reference boundaries; the default is none.
 */
public final class DiarizationErrorRate {

    private static final double CELL = 0.010;

    /** A labelled stretch, in seconds. Speaker numbers of reference and hypothesis are unrelated. */
    public record Segment(double start, double end, int speaker) {}

    /**
     * The score and its parts, in seconds.
     *
     * @param mapping mapping[h] = the reference speaker that hypothesis speaker h was matched to, or -1
     */
    public record Result(double missed, double falseAlarm, double confusion, double referenceSpeech, int[] mapping) {

        public double rate() {
            return referenceSpeech == 0 ? 0 : (missed + falseAlarm + confusion) / referenceSpeech;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "DER %.2f%% (missed %.2f s, false alarm %.2f s, confusion %.2f s of %.2f s)",
                    100 * rate(),
                    missed,
                    falseAlarm,
                    confusion,
                    referenceSpeech);
        }
    }

    private DiarizationErrorRate() {}

    public static Result score(List<Segment> reference, List<Segment> hypothesis) {
        return score(reference, hypothesis, 0);
    }

    public static Result score(List<Segment> reference, List<Segment> hypothesis, double collar) {
        double end = 0;
        int referenceSpeakers = 0;
        int hypothesisSpeakers = 0;
        for (Segment s : reference) {
            end = Math.max(end, s.end());
            referenceSpeakers = Math.max(referenceSpeakers, s.speaker() + 1);
        }
        for (Segment s : hypothesis) {
            end = Math.max(end, s.end());
            hypothesisSpeakers = Math.max(hypothesisSpeakers, s.speaker() + 1);
        }
        int cells = (int) Math.ceil(end / CELL) + 1;
        boolean[][] ref = grid(reference, referenceSpeakers, cells);
        boolean[][] hyp = grid(hypothesis, hypothesisSpeakers, cells);
        boolean[] scored = new boolean[cells];
        java.util.Arrays.fill(scored, true);
        if (collar > 0) {
            for (Segment s : reference) {
                for (double boundary : new double[] {s.start(), s.end()}) {
                    for (int c = Math.max(0, cellOf(boundary - collar));
                            c < Math.min(cells, cellOf(boundary + collar) + 1);
                            c++) {
                        if (Math.abs(midpoint(c) - boundary) < collar) {
                            scored[c] = false;
                        }
                    }
                }
            }
        }
        // agreement[h][r]: scored cells where hypothesis speaker h and reference speaker r both talk.
        long[][] agreement = new long[hypothesisSpeakers][referenceSpeakers];
        long missed = 0;
        long falseAlarm = 0;
        long overlapCount = 0;
        long speech = 0;
        for (int c = 0; c < cells; c++) {
            if (!scored[c]) {
                continue;
            }
            int nRef = 0;
            int nHyp = 0;
            for (int r = 0; r < referenceSpeakers; r++) {
                nRef += ref[r][c] ? 1 : 0;
            }
            for (int h = 0; h < hypothesisSpeakers; h++) {
                if (hyp[h][c]) {
                    nHyp++;
                    for (int r = 0; r < referenceSpeakers; r++) {
                        if (ref[r][c]) {
                            agreement[h][r]++;
                        }
                    }
                }
            }
            speech += nRef;
            missed += Math.max(0, nRef - nHyp);
            falseAlarm += Math.max(0, nHyp - nRef);
            overlapCount += Math.min(nRef, nHyp);
        }
        int[] best = bestMapping(agreement, hypothesisSpeakers, referenceSpeakers);
        long correct = 0;
        for (int h = 0; h < hypothesisSpeakers; h++) {
            if (best[h] >= 0) {
                correct += agreement[h][best[h]];
            }
        }
        return new Result(missed * CELL, falseAlarm * CELL, (overlapCount - correct) * CELL, speech * CELL, best);
    }

    /** Brute force over every one-to-one mapping: fine for the handful of speakers of a call. */
    private static int[] bestMapping(long[][] agreement, int hypothesisSpeakers, int referenceSpeakers) {
        int[] current = new int[hypothesisSpeakers];
        int[] best = new int[hypothesisSpeakers];
        java.util.Arrays.fill(best, -1);
        long[] bestScore = {-1};
        search(agreement, 0, new boolean[referenceSpeakers], current, 0, best, bestScore);
        return best;
    }

    private static void search(
            long[][] agreement, int h, boolean[] used, int[] current, long score, int[] best, long[] bestScore) {
        if (h == current.length) {
            if (score > bestScore[0]) {
                bestScore[0] = score;
                System.arraycopy(current, 0, best, 0, current.length);
            }
            return;
        }
        current[h] = -1;
        search(agreement, h + 1, used, current, score, best, bestScore);
        for (int r = 0; r < used.length; r++) {
            if (!used[r]) {
                used[r] = true;
                current[h] = r;
                search(agreement, h + 1, used, current, score + agreement[h][r], best, bestScore);
                used[r] = false;
            }
        }
    }

    private static boolean[][] grid(List<Segment> segments, int speakers, int cells) {
        boolean[][] grid = new boolean[speakers][cells];
        for (Segment s : segments) {
            for (int c = Math.max(0, cellOf(s.start()) - 1); c <= Math.min(cells - 1, cellOf(s.end()) + 1); c++) {
                double mid = midpoint(c);
                if (mid >= s.start() && mid < s.end()) {
                    grid[s.speaker()][c] = true;
                }
            }
        }
        return grid;
    }

    private static int cellOf(double seconds) {
        return (int) Math.floor(seconds / CELL);
    }

    private static double midpoint(int cell) {
        return (cell + 0.5) * CELL;
    }

    /** The reference turns of a synthesized call as segments. */
    public static List<Segment> segments(List<ReferenceTurn> turns) {
        List<Segment> segments = new ArrayList<>();
        for (ReferenceTurn turn : turns) {
            segments.add(new Segment(turn.start(), turn.end(), turn.speaker()));
        }
        return segments;
    }
}
