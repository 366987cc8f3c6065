package io.callintel.asr.diarize;

import java.util.ArrayList;
import java.util.List;

/**
 * A stretch of speech frames [from, to) believed to hold one voice: a speech span cut at the
 * detected speaker changes and then into parts of at most {@link #MAX_FRAMES}.
 */
record Piece(int from, int to) {

    /** Longer stretches are cut evenly, in case a speaker change went unnoticed. */
    static final int MAX_FRAMES = 200;
    /** Loud frames a piece needs to seed the clustering, tried in turn (see {@link #seeds}). */
    private static final int[] SEED_MINIMUMS = {100, 50, 20};
    /** Keep lowering the minimum until the seeds hold this share of the loud frames. */
    private static final double SEED_COVERAGE = 0.5;
    /** More seeds add little but cost quadratic time and memory in clustering: the largest are kept. */
    private static final int MAX_SEEDS = 600;

    static List<Piece> cut(SpeechFrames frames) {
        ChangeDetector detector = new ChangeDetector();
        List<Piece> pieces = new ArrayList<>();
        for (int span = 0; span < frames.spanCount(); span++) {
            int start = frames.spanStart(span);
            int end = frames.spanEnd(span);
            int[] changes = detector.changes(frames, start, end);
            for (int k = 0; k <= changes.length; k++) {
                int stop = k < changes.length ? changes[k] : end;
                int parts = (stop - start + MAX_FRAMES - 1) / MAX_FRAMES;
                for (int p = 0; p < parts; p++) {
                    pieces.add(new Piece(start + (stop - start) * p / parts, start + (stop - start) * (p + 1) / parts));
                }
                start = stop;
            }
        }
        return pieces;
    }

    /**
     * The pieces long enough to estimate a voice from, in time order. Short ones (a "yes", a
     * breath) would only add noise to the clustering; the frame-level refinement labels them later.
     */
    static List<Piece> seeds(SpeechFrames frames, List<Piece> pieces) {
        int[] loud = new int[pieces.size()];
        long totalLoud = 0;
        for (int k = 0; k < pieces.size(); k++) {
            loud[k] = pieces.get(k).loudFrames(frames);
            totalLoud += loud[k];
        }
        List<Integer> chosen = new ArrayList<>();
        for (int minimum : SEED_MINIMUMS) {
            chosen.clear();
            long covered = 0;
            for (int k = 0; k < pieces.size(); k++) {
                if (loud[k] >= minimum) {
                    chosen.add(k);
                    covered += loud[k];
                }
            }
            if (covered >= SEED_COVERAGE * totalLoud) {
                break;
            }
        }
        if (chosen.size() > MAX_SEEDS) {
            chosen.sort((a, b) -> Integer.compare(loud[b], loud[a]));
            chosen = new ArrayList<>(chosen.subList(0, MAX_SEEDS));
            chosen.sort(Integer::compare);
        }
        return chosen.stream().map(pieces::get).toList();
    }

    int loudFrames(SpeechFrames frames) {
        int loud = 0;
        for (int i = from; i < to; i++) {
            loud += frames.informative(i) ? 1 : 0;
        }
        return loud;
    }

    /** Statistics of the piece's loud frames for clustering. */
    GaussianStats stats(SpeechFrames frames) {
        GaussianStats stats = new GaussianStats();
        for (int i = from; i < to; i++) {
            if (frames.informative(i)) {
                stats.add(frames.data(), i * SpeechFrames.DIMENSIONS);
            }
        }
        return stats;
    }
}
