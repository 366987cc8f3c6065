package io.callintel.asr.vad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The probability of speech in each {@link SileroVad#WINDOW} of a recording, and the spans of speech they give:
 * speech starts where the probability reaches the onset threshold and ends once it has stayed under the lower
 * offset threshold for the hangover (hysteresis, so that a dip inside a word does not cut it).
 *
 * <p>The model hears talkers in the background as speech too. A caller's own voice stands well above them, so
 * speech is then held to the channel's foreground level: a span is split where it stays far under that level for
 * a third of a second (longer than a soft syllable), and a piece that never comes near it is dropped. The price:
 * the speaker's own speech through a line whose level drops by 20 dB for seconds is taken for background.
 * Four bytes per 32 ms: an hour costs 450 KB.
 */
public final class SpeechProbabilities {

    /** Probability at which speech starts: the model's own default. */
    static final float ONSET = 0.5f;
    /** Probability under which speech may end: the model's own default, 0.15 under the onset. */
    static final float OFFSET = 0.35f;
    /** Windows under the offset before speech ends: 256 ms, as the energy detector's hangover. */
    static final int HANGOVER = 8;
    /** Fewer windows than this over the onset are a click, not speech. */
    static final int MIN_SPEECH = 2;
    /**
     * The channel's foreground level is its loud frames' (95th percentile); a window whose loudest frame is this
     * far under it is background (babble 20 dB down peaks about 18 dB under, quiet syllables 15-25 dB).
     */
    static final double BACKGROUND_DB = 20;
    /** Background windows in a row that split a span: 320 ms. */
    static final int SPLIT_WINDOWS = 10;
    /** A piece whose loudest tenth of frames stays this far under the foreground level is background talk. */
    static final double FOREGROUND_DB = 10;

    private final float[] values;
    private final long samples;

    SpeechProbabilities(float[] values, long samples) {
        this.values = values.clone();
        this.samples = samples;
    }

    /** The recording's length in samples. */
    public long samples() {
        return samples;
    }

    public float value(int window) {
        return values[window];
    }

    public int windows() {
        return values.length;
    }

    /**
     * Stretches of speech, in samples, in time order, never overlapping, within [0, samples).
     *
     * @param energies the same audio's frame energies, for the foreground level
     */
    public List<SpeechSpan> spans(FrameEnergies energies) {
        float[] db = energies.toArray();
        double loud = loudLevel(db);
        List<SpeechSpan> spans = new ArrayList<>();
        for (int[] span : hysteresis()) {
            for (int[] piece : split(span, db, loud - BACKGROUND_DB)) {
                if (loudTenth(db, piece) >= loud - FOREGROUND_DB) {
                    add(spans, piece[0], piece[1]);
                }
            }
        }
        return spans;
    }

    /** Spans of windows [start, end) by the probabilities alone. */
    private List<int[]> hysteresis() {
        List<int[]> spans = new ArrayList<>();
        int start = -1;
        int lastSpeech = -1;
        int above = 0;
        for (int window = 0; window < values.length; window++) {
            float p = values[window];
            if (start < 0) {
                above = p >= ONSET ? above + 1 : 0;
                if (above >= MIN_SPEECH) {
                    start = window - above + 1;
                    lastSpeech = window;
                }
                continue;
            }
            if (p >= OFFSET) {
                lastSpeech = window;
            } else if (window - lastSpeech > HANGOVER) {
                spans.add(new int[] {start, lastSpeech + 1});
                start = -1;
                above = 0;
            }
        }
        if (start >= 0) {
            spans.add(new int[] {start, lastSpeech + 1});
        }
        return spans;
    }

    /** The span's pieces between runs of {@link #SPLIT_WINDOWS} or more windows under the background level. */
    private static List<int[]> split(int[] span, float[] db, double background) {
        List<int[]> pieces = new ArrayList<>();
        int start = span[0];
        int quiet = 0;
        for (int window = span[0]; window < span[1]; window++) {
            boolean under = loudest(db, window) < background;
            quiet = under ? quiet + 1 : 0;
            if (quiet == SPLIT_WINDOWS && start >= 0) {
                if (window - quiet + 1 > start) {
                    pieces.add(new int[] {start, window - quiet + 1});
                }
                start = -1;
            } else if (!under && start < 0) {
                start = window;
            }
        }
        if (start >= 0 && start < span[1]) {
            pieces.add(new int[] {start, span[1]});
        }
        return pieces;
    }

    /** The channel's foreground level: the 95th percentile of its frames. */
    private static double loudLevel(float[] db) {
        if (db.length == 0) {
            return Double.MAX_VALUE;
        }
        float[] sorted = db.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.95))];
    }

    /** The 90th percentile of the frames in windows [start, end). */
    private static double loudTenth(float[] db, int[] piece) {
        int first = firstFrame(piece[0]);
        int last = Math.min(db.length, firstFrame(piece[1]));
        if (last <= first) {
            return Double.NEGATIVE_INFINITY;
        }
        float[] frames = Arrays.copyOfRange(db, first, last);
        Arrays.sort(frames);
        return frames[(int) (frames.length * 0.9)];
    }

    /** The loudest 10 ms frame touching the window. */
    private static double loudest(float[] db, int window) {
        double loudest = Double.NEGATIVE_INFINITY;
        for (int frame = firstFrame(window); frame < Math.min(db.length, firstFrame(window + 1) + 1); frame++) {
            loudest = Math.max(loudest, db[frame]);
        }
        return loudest;
    }

    private static int firstFrame(int window) {
        return (int) ((long) window * SileroVad.WINDOW / FrameEnergies.FRAME);
    }

    private void add(List<SpeechSpan> spans, int startWindow, int endWindow) {
        long start = (long) startWindow * SileroVad.WINDOW;
        long end = Math.min(samples, (long) endWindow * SileroVad.WINDOW);
        if (end > start) {
            spans.add(new SpeechSpan(start, end));
        }
    }

    /** Collects probabilities as a stream is heard. */
    static final class Builder {
        private float[] values = new float[1024];
        private int count;
        private long samples;

        void add(float probability) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = probability;
        }

        void samples(long more) {
            samples += more;
        }

        SpeechProbabilities build() {
            return new SpeechProbabilities(Arrays.copyOf(values, count), samples);
        }
    }
}
