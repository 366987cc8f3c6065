package io.callintel.asr.diarize;

import io.callintel.asr.vad.SpeechSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The frames inside the speech spans, laid end to end, with features normalised over the call
 * (zero mean, unit variance per dimension: removes the channel and the recording level), and a mark
 * on the frames loud enough to say something about the speaker.
 */
final class SpeechFrames {

    static final int DIMENSIONS = FrameStore.DIMENSIONS;
    /** Frames more than 40 dB below the loud frames of the call are pauses inside a span: no evidence. */
    private static final double QUIET = Math.log(1e4);

    private static final double LOUD_PERCENTILE = 0.95;

    private final float[] data;
    private final boolean[] informative;
    private final List<SpeechSpan> spans;
    /** spanStart[s] = index of span s's first frame; spanStart[spans] = size. */
    private final int[] spanStart;

    private final long[] spanFirstFrame;

    private SpeechFrames(
            float[] data, boolean[] informative, List<SpeechSpan> spans, int[] spanStart, long[] spanFirstFrame) {
        this.data = data;
        this.informative = informative;
        this.spans = spans;
        this.spanStart = spanStart;
        this.spanFirstFrame = spanFirstFrame;
    }

    static SpeechFrames of(FrameStore store, List<SpeechSpan> speech, long samples) {
        List<SpeechSpan> spans = mergedWithin(speech, samples);
        int hop = FeatureExtractor.HOP;
        int[] spanStart = new int[spans.size() + 1];
        long[] spanFirstFrame = new long[spans.size()];
        int size = 0;
        for (int s = 0; s < spans.size(); s++) {
            SpeechSpan span = spans.get(s);
            long first = span.start() / hop;
            long end = Math.min(store.frames(), (span.end() + hop - 1) / hop);
            spanStart[s] = size;
            spanFirstFrame[s] = first;
            size += (int) Math.max(0, end - first);
        }
        spanStart[spans.size()] = size;
        float[] data = new float[size * DIMENSIONS];
        for (int s = 0; s < spans.size(); s++) {
            for (int i = spanStart[s]; i < spanStart[s + 1]; i++) {
                store.copy((int) (spanFirstFrame[s] + i - spanStart[s]), data, i * DIMENSIONS);
            }
        }
        boolean[] informative = markInformative(data, size);
        normalise(data, size, informative);
        return new SpeechFrames(data, informative, spans, spanStart, spanFirstFrame);
    }

    /** Already normalised features as one span, every frame informative: for tests of the later stages. */
    static SpeechFrames ofNormalised(float[] data) {
        int size = data.length / DIMENSIONS;
        boolean[] informative = new boolean[size];
        java.util.Arrays.fill(informative, true);
        return new SpeechFrames(
                data,
                informative,
                List.of(new SpeechSpan(0, (long) size * FeatureExtractor.HOP)),
                new int[] {0, size},
                new long[] {0});
    }

    /** Sorted, overlaps joined, cut to the audio actually received, empty ones dropped. */
    private static List<SpeechSpan> mergedWithin(List<SpeechSpan> speech, long samples) {
        List<SpeechSpan> sorted = new ArrayList<>(speech);
        sorted.sort(Comparator.comparingLong(SpeechSpan::start));
        List<SpeechSpan> merged = new ArrayList<>();
        for (SpeechSpan span : sorted) {
            long start = Math.min(span.start(), samples);
            long end = Math.min(span.end(), samples);
            if (end <= start) {
                continue;
            }
            if (!merged.isEmpty() && start < merged.getLast().end()) {
                SpeechSpan last = merged.removeLast();
                merged.add(new SpeechSpan(last.start(), Math.max(last.end(), end)));
            } else {
                merged.add(new SpeechSpan(start, end));
            }
        }
        return List.copyOf(merged);
    }

    private static boolean[] markInformative(float[] data, int size) {
        boolean[] informative = new boolean[size];
        if (size == 0) {
            return informative;
        }
        float[] energy = new float[size];
        for (int i = 0; i < size; i++) {
            energy[i] = data[i * DIMENSIONS + FrameStore.ENERGY];
        }
        float[] sorted = energy.clone();
        java.util.Arrays.sort(sorted);
        double loud = sorted[(int) Math.min(size - 1, Math.floor(LOUD_PERCENTILE * size))];
        for (int i = 0; i < size; i++) {
            informative[i] = energy[i] > loud - QUIET;
            if (!informative[i]) {
                // A pitch found in a near-silent frame is noise.
                data[i * DIMENSIONS + FrameStore.PITCH] = Float.NaN;
            }
        }
        return informative;
    }

    /** Cepstral mean and variance normalisation over the informative frames; NaN pitches stay NaN. */
    private static void normalise(float[] data, int size, boolean[] informative) {
        for (int d = 0; d < DIMENSIONS; d++) {
            double sum = 0;
            double squares = 0;
            long count = 0;
            for (int i = 0; i < size; i++) {
                float x = data[i * DIMENSIONS + d];
                if (informative[i] && !Float.isNaN(x)) {
                    sum += x;
                    squares += (double) x * x;
                    count++;
                }
            }
            if (count == 0) {
                continue;
            }
            double mean = sum / count;
            double deviation = Math.sqrt(Math.max(squares / count - mean * mean, 1e-6));
            for (int i = 0; i < size; i++) {
                int at = i * DIMENSIONS + d;
                data[at] = (float) ((data[at] - mean) / deviation);
            }
        }
    }

    int size() {
        return spanStart[spanStart.length - 1];
    }

    float value(int frame, int dimension) {
        return data[frame * DIMENSIONS + dimension];
    }

    /** All features, frame after frame, {@link #DIMENSIONS} each. */
    float[] data() {
        return data;
    }

    boolean informative(int frame) {
        return informative[frame];
    }

    int spanCount() {
        return spans.size();
    }

    SpeechSpan span(int span) {
        return spans.get(span);
    }

    int spanStart(int span) {
        return spanStart[span];
    }

    int spanEnd(int span) {
        return spanStart[span + 1];
    }

    /** The recording frame number of the span's first frame (frame f covers samples [160 f, 160 f + 160)). */
    long spanFirstFrame(int span) {
        return spanFirstFrame[span];
    }
}
