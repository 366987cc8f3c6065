package io.callintel.asr.diarize;

import io.callintel.asr.vad.SpeechSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Frame labels back to sample-exact speaker turns. */
final class Turns {

    private Turns() {}

    /**
     * Runs of one label within a span become turns, cut to the span's exact samples, so that every
     * sample of every span lies in exactly one turn. Speakers are renumbered 0, 1, ... in the order
     * they are first heard.
     */
    static List<SpeakerTurn> of(SpeechFrames frames, int[] labels) {
        int[] speakers = firstAppearanceOrder(labels);
        List<SpeakerTurn> turns = new ArrayList<>();
        for (int span = 0; span < frames.spanCount(); span++) {
            SpeechSpan bounds = frames.span(span);
            int from = frames.spanStart(span);
            int to = frames.spanEnd(span);
            long firstFrame = frames.spanFirstFrame(span);
            int runStart = from;
            for (int i = from + 1; i <= to; i++) {
                if (i == to || speakers[i] != speakers[runStart]) {
                    long start = Math.max(bounds.start(), (firstFrame + runStart - from) * FeatureExtractor.HOP);
                    long end = i == to ? bounds.end() : (firstFrame + i - from) * FeatureExtractor.HOP;
                    if (end > start) {
                        turns.add(new SpeakerTurn(start, end, speakers[runStart]));
                    }
                    runStart = i;
                }
            }
        }
        return turns;
    }

    private static int[] firstAppearanceOrder(int[] labels) {
        int[] index = new int[Arrays.stream(labels).max().orElse(-1) + 1];
        Arrays.fill(index, -1);
        int next = 0;
        int[] renumbered = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (index[labels[i]] < 0) {
                index[labels[i]] = next++;
            }
            renumbered[i] = index[labels[i]];
        }
        return renumbered;
    }
}
