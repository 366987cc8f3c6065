package io.callintel.asr;

import io.callintel.asr.vad.FrameEnergies;
import io.callintel.asr.vad.SpeechSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the speech of a recording into the stretches handed to recognizers. Silence between
 * stretches is never recognized (that is where the VAD saves time); stretches are short enough
 * for several workers to share one long call, and long speech is cut at its quietest moment so
 * that a cut falls between words, not inside one. Each stretch of speech is padded on both sides
 * so that soft word onsets and endings reach the recognizer whole.
 */
final class ChunkPlanner {

    private final long maxSamples;
    private final long joinGapSamples;
    private final long paddingSamples;

    /**
     * @param maxSeconds     longest stretch handed to one recognizer
     * @param joinGapSeconds speech separated by less silence than this is recognized together (more context, fewer cuts)
     * @param paddingSeconds audio kept before and after each stretch of speech
     */
    ChunkPlanner(double maxSeconds, double joinGapSeconds, double paddingSeconds) {
        this.maxSamples = Math.round(maxSeconds * SpeechSpan.SAMPLE_RATE);
        this.joinGapSamples = Math.round(joinGapSeconds * SpeechSpan.SAMPLE_RATE);
        this.paddingSamples = Math.round(paddingSeconds * SpeechSpan.SAMPLE_RATE);
    }

    List<SpeechSpan> plan(List<SpeechSpan> speech, FrameEnergies energies) {
        List<SpeechSpan> chunks = new ArrayList<>();
        for (SpeechSpan span : joined(padded(speech, energies.samples()), energies.samples())) {
            long start = aligned(span.start());
            while (span.end() - start > maxSamples) {
                long cut = aligned(quietestCut(energies, start + maxSamples * 2 / 3, start + maxSamples));
                chunks.add(new SpeechSpan(start, cut));
                start = cut;
            }
            chunks.add(new SpeechSpan(start, span.end()));
        }
        return chunks;
    }

    private List<SpeechSpan> padded(List<SpeechSpan> speech, long totalSamples) {
        List<SpeechSpan> padded = new ArrayList<>();
        for (SpeechSpan span : speech) {
            long start = Math.max(0, span.start() - paddingSamples);
            long end = Math.min(totalSamples, span.end() + paddingSamples);
            if (!padded.isEmpty() && padded.get(padded.size() - 1).end() >= start) {
                start = padded.remove(padded.size() - 1).start();
            }
            padded.add(new SpeechSpan(start, end));
        }
        return padded;
    }

    /**
     * Rounds down to the recognizer's frame grid (30 ms: 10 ms feature frames, 3 per decoded frame),
     * so that a stretch sees exactly the frames the whole recording would. Shifting the framing by
     * even 10 ms changes some words; on the grid, recognition of a stretch matches the whole.
     */
    private static long aligned(long sample) {
        return sample - sample % FRAME_GRID;
    }

    private static final long FRAME_GRID = 3L * FrameEnergies.FRAME;

    /** Joins close speech; silence shorter than the join gap at either end of the recording is kept too. */
    private List<SpeechSpan> joined(List<SpeechSpan> speech, long totalSamples) {
        List<SpeechSpan> joined = new ArrayList<>();
        for (SpeechSpan span : speech) {
            if (!joined.isEmpty()) {
                SpeechSpan last = joined.get(joined.size() - 1);
                if (span.start() - last.end() <= joinGapSamples && span.end() - last.start() <= maxSamples) {
                    joined.set(joined.size() - 1, new SpeechSpan(last.start(), span.end()));
                    continue;
                }
            }
            joined.add(span);
        }
        if (!joined.isEmpty() && joined.get(0).start() <= joinGapSamples) {
            joined.set(0, new SpeechSpan(0, joined.get(0).end()));
        }
        int last = joined.size() - 1;
        if (last >= 0 && totalSamples - joined.get(last).end() <= joinGapSamples) {
            joined.set(last, new SpeechSpan(joined.get(last).start(), totalSamples));
        }
        return joined;
    }

    /** The start of the quietest 10 ms frame in [from, to), as a sample offset. */
    private static long quietestCut(FrameEnergies energies, long from, long to) {
        int first = (int) (from / FrameEnergies.FRAME);
        int last = (int) Math.min(energies.frames(), to / FrameEnergies.FRAME);
        int best = -1;
        for (int frame = first; frame < last; frame++) {
            if (best < 0 || energies.decibels(frame) < energies.decibels(best)) {
                best = frame;
            }
        }
        return best < 0 ? to : (long) best * FrameEnergies.FRAME + FrameEnergies.FRAME / 2;
    }
}
