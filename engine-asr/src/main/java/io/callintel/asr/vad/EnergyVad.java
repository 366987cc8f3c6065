package io.callintel.asr.vad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Voice activity detection from frame loudness, with a threshold set per recording: the noise
 * floor is a low percentile of the call's own frame energies, so a noisy line and a clean one are
 * judged on their own terms. The spans are the speech itself, from its first loud frame to its
 * last; whoever recognizes them adds padding so that soft word edges are not clipped.
 */
public final class EnergyVad {

    /** Frames quieter than this never count as speech, whatever the floor (about -60 dBFS). */
    static final double ABSOLUTE_FLOOR_DB = 30;

    private final double marginDb;
    private final int hangoverFrames;
    private final int minSpeechFrames;

    /**
     * @param marginDb        how far above the noise floor a frame must be to count as speech
     * @param hangoverMillis  silence shorter than this inside speech does not end it
     * @param minSpeechMillis shorter bursts (clicks, pops) are ignored
     */
    public EnergyVad(double marginDb, int hangoverMillis, int minSpeechMillis) {
        this.marginDb = marginDb;
        this.hangoverFrames = hangoverMillis / 10;
        this.minSpeechFrames = Math.max(1, minSpeechMillis / 10);
    }

    /** Settings for call audio: 10 dB over the floor, 250 ms hangover (pauses between turns are 0.3 s and up), 60 ms minimum. */
    public static EnergyVad forCalls() {
        return new EnergyVad(10, 250, 60);
    }

    /** Stretches of speech, in samples, in time order, never overlapping, within [0, totalSamples). */
    public List<SpeechSpan> detect(FrameEnergies energies) {
        float[] db = energies.toArray();
        double threshold = threshold(db);
        List<SpeechSpan> spans = new ArrayList<>();
        int start = -1;
        int lastSpeech = -1;
        int run = 0;
        for (int frame = 0; frame < db.length; frame++) {
            boolean loud = db[frame] > threshold;
            run = loud ? run + 1 : 0;
            if (start < 0 && run >= minSpeechFrames) {
                start = frame - run + 1;
            }
            if (loud) {
                lastSpeech = frame;
            }
            if (start >= 0 && frame - lastSpeech > hangoverFrames) {
                add(spans, start, lastSpeech + 1, energies.samples());
                start = -1;
            }
        }
        if (start >= 0) {
            add(spans, start, lastSpeech + 1, energies.samples());
        }
        return spans;
    }

    /** The noise floor (10th percentile) plus the margin, but never below the absolute floor. */
    double threshold(float[] db) {
        if (db.length == 0) {
            return Double.MAX_VALUE;
        }
        float[] sorted = db.clone();
        Arrays.sort(sorted);
        double floor = sorted[(int) (sorted.length * 0.10)];
        double loud = sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.95))];
        // Speech with no pauses at all puts the 10th percentile inside speech; never let the
        // threshold climb within 25 dB of the loud frames, where quiet syllables live.
        double threshold = Math.min(floor + marginDb, loud - 25);
        return Math.max(threshold, ABSOLUTE_FLOOR_DB);
    }

    private static void add(List<SpeechSpan> spans, int startFrame, int endFrame, long totalSamples) {
        long start = (long) startFrame * FrameEnergies.FRAME;
        long end = Math.min(totalSamples, (long) endFrame * FrameEnergies.FRAME);
        if (end > start) {
            spans.add(new SpeechSpan(start, end));
        }
    }
}
