package io.callintel.asr.diarize;

/**
 * Frame-level re-assignment: trains one mixture model per speaker on the frames currently labelled
 * with that speaker, then labels every frame by a Viterbi pass over each speech span, where changing
 * speaker costs a fixed penalty. Repeated a few times, this moves the boundaries from the coarse
 * segment edges to within a few frames of the true change. Quiet frames carry no evidence: they
 * take the label of the speech around them.
 */
final class Resegmenter {

    /** Mixture components per speaker; fewer when a speaker has little speech. */
    static final int COMPONENTS = 16;
    /** Log-likelihood (nats) that a change of speaker in the middle of loud speech must win back. */
    static final double SWITCH_PENALTY = 40;
    /**
     * The same next to a quiet frame. Speakers mostly take turns at pauses, while the weak sounds
     * at the edges of a turn (a breath, a final "s") are poor evidence and often lean the wrong way:
     * the lower price draws the change into the pause instead of a few frames past it.
     */
    static final double QUIET_SWITCH_PENALTY = 20;
    /**
     * Overlapping analysis windows make neighbouring frames far from independent; scaling the
     * frame log-likelihoods keeps a handful of odd frames from outvoting the penalty.
     */
    static final double LIKELIHOOD_SCALE = 0.5;

    private Resegmenter() {}

    /**
     * @param labels speaker of each frame, or -1 where unknown (not used for training)
     * @return the speaker of every frame, each one of {@code 0..speakers-1}; a speaker without
     *         training frames gets none
     */
    static int[] resegment(SpeechFrames frames, int[] labels, int speakers, int iterations) {
        int[] current = labels.clone();
        for (int iteration = 0; iteration < iterations; iteration++) {
            DiagonalGmm[] models = train(frames, current, speakers);
            current = viterbi(frames, models);
        }
        return current;
    }

    static DiagonalGmm[] train(SpeechFrames frames, int[] labels, int speakers) {
        int n = frames.size();
        int[] count = new int[speakers];
        for (int i = 0; i < n; i++) {
            if (labels[i] >= 0 && frames.informative(i)) {
                count[labels[i]]++;
            }
        }
        int[][] members = new int[speakers][];
        for (int s = 0; s < speakers; s++) {
            members[s] = new int[count[s]];
        }
        int[] filled = new int[speakers];
        for (int i = 0; i < n; i++) {
            if (labels[i] >= 0 && frames.informative(i)) {
                members[labels[i]][filled[labels[i]]++] = i;
            }
        }
        DiagonalGmm[] models = new DiagonalGmm[speakers];
        for (int s = 0; s < speakers; s++) {
            if (count[s] > 0) {
                models[s] = DiagonalGmm.train(frames.data(), SpeechFrames.DIMENSIONS, members[s], COMPONENTS);
            }
        }
        return models;
    }

    /** Best label sequence per span; speakers whose model is null are never chosen. */
    static int[] viterbi(SpeechFrames frames, DiagonalGmm[] models) {
        int speakers = models.length;
        int[] labels = new int[frames.size()];
        double[] scratch = new double[COMPONENTS];
        double[] score = new double[speakers];
        double[] next = new double[speakers];
        double[] evidence = new double[speakers];
        float[] data = frames.data();
        for (int span = 0; span < frames.spanCount(); span++) {
            int from = frames.spanStart(span);
            int to = frames.spanEnd(span);
            if (to == from) {
                continue;
            }
            // Speaker counts are capped well below 128 (DiarizationOptions), so a byte holds a back-pointer.
            byte[] back = new byte[(to - from) * speakers];
            for (int t = from; t < to; t++) {
                boolean loud = frames.informative(t);
                for (int s = 0; s < speakers; s++) {
                    if (models[s] == null) {
                        evidence[s] = Double.NEGATIVE_INFINITY;
                    } else {
                        evidence[s] = loud
                                ? LIKELIHOOD_SCALE * models[s].logLikelihood(data, t * SpeechFrames.DIMENSIONS, scratch)
                                : 0;
                    }
                }
                if (t == from) {
                    System.arraycopy(evidence, 0, score, 0, speakers);
                    continue;
                }
                // The best score to switch from: the top one, or the runner-up for the top speaker itself.
                int top = 0;
                for (int s = 1; s < speakers; s++) {
                    if (score[s] > score[top]) {
                        top = s;
                    }
                }
                int second = -1;
                for (int s = 0; s < speakers; s++) {
                    if (s != top && (second < 0 || score[s] > score[second])) {
                        second = s;
                    }
                }
                double penalty = loud && frames.informative(t - 1) ? SWITCH_PENALTY : QUIET_SWITCH_PENALTY;
                for (int s = 0; s < speakers; s++) {
                    int source = s == top ? second : top;
                    double stay = score[s];
                    double change = source < 0 ? Double.NEGATIVE_INFINITY : score[source] - penalty;
                    if (stay >= change) {
                        next[s] = stay + evidence[s];
                        back[(t - from) * speakers + s] = (byte) s;
                    } else {
                        next[s] = change + evidence[s];
                        back[(t - from) * speakers + s] = (byte) source;
                    }
                }
                double[] swap = score;
                score = next;
                next = swap;
            }
            int state = 0;
            for (int s = 1; s < speakers; s++) {
                if (score[s] > score[state]) {
                    state = s;
                }
            }
            for (int t = to - 1; t >= from; t--) {
                labels[t] = state;
                state = back[(t - from) * speakers + state];
            }
        }
        return labels;
    }
}
