package io.callintel.asr.vad;

import java.util.Arrays;

/**
 * Loudness of every 10 ms frame of a recording, in dB (of 16-bit sample power), built as the PCM
 * streams past. Four bytes per frame: an hour of audio costs 1.4 MB, and the PCM is never kept.
 */
public final class FrameEnergies {

    public static final int FRAME = 160; // 10 ms at 16 kHz

    private float[] decibels = new float[1024];
    private int frames;
    private double partialPower;
    private int partialSamples;
    private long samples;

    public void accept(short[] pcm, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            double sample = pcm[i];
            partialPower += sample * sample;
            if (++partialSamples == FRAME) {
                append(partialPower / FRAME);
                partialPower = 0;
                partialSamples = 0;
            }
        }
        samples += length;
    }

    private void append(double meanPower) {
        if (frames == decibels.length) {
            decibels = Arrays.copyOf(decibels, decibels.length * 2);
        }
        decibels[frames++] = (float) (10 * Math.log10(meanPower + 1));
    }

    /** Samples seen so far. */
    public long samples() {
        return samples;
    }

    /** Complete frames seen so far (a trailing partial frame is left out). */
    public int frames() {
        return frames;
    }

    public float decibels(int frame) {
        return decibels[frame];
    }

    /** A copy of the first {@link #frames()} values. */
    public float[] toArray() {
        return Arrays.copyOf(decibels, frames);
    }
}
