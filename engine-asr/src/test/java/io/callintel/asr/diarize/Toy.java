package io.callintel.asr.diarize;

import java.util.Random;

/** Synthetic frame features for the tests of the stages after feature extraction. */
final class Toy {

    private Toy() {}

    /** {@code frames} frames drawn around {@code mean} (every dimension) with unit spread; pitch included. */
    static float[] frames(int frames, double mean, long seed) {
        Random random = new Random(seed);
        float[] data = new float[frames * SpeechFrames.DIMENSIONS];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (mean + random.nextGaussian());
        }
        return data;
    }

    /**
     * A speaker: unit spread around a mean of 2.5 in every third dimension (which third depends on
     * the speaker) and 0 elsewhere, so that any two speakers differ in shape, not just in level.
     * About as far apart as a male and a female voice.
     */
    static float[] speaker(int frames, int speaker, long seed) {
        Random random = new Random(seed);
        float[] data = new float[frames * SpeechFrames.DIMENSIONS];
        for (int f = 0; f < frames; f++) {
            for (int d = 0; d < SpeechFrames.DIMENSIONS; d++) {
                double mean = d % 3 == speaker % 3 ? 2.5 : 0;
                data[f * SpeechFrames.DIMENSIONS + d] = (float) (mean + random.nextGaussian());
            }
        }
        return data;
    }

    static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] part : parts) {
            length += part.length;
        }
        float[] all = new float[length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
