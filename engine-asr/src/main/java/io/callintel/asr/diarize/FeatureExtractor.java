package io.callintel.asr.diarize;

/**
 * Cuts streamed 16 kHz PCM into 10 ms frames and stores each frame's features. Frame {@code i}
 * stands for samples [160 i, 160 i + 160); its analysis windows are centred on that stretch (25 ms
 * for the cepstrum, 40 ms for the pitch). Only the last few hundred samples are kept: memory grows
 * with the features, never with the audio. Not thread-safe.
 */
final class FeatureExtractor {

    static final int SAMPLE_RATE = 16_000;
    static final int HOP = 160;
    /** Samples needed on either side of a frame's centre: half the longest analysis window. */
    private static final int REACH = Pitch.WINDOW / 2;

    private static final int CAPACITY = 8192;

    private final Mfcc mfcc = new Mfcc(SAMPLE_RATE);
    private final Pitch pitch = new Pitch(SAMPLE_RATE);
    private final FrameStore store;
    /** Recent samples; buffer[0] is sample number {@code bufferStart} (negative: silence before the start). */
    private final float[] buffer = new float[CAPACITY];

    private long bufferStart = -REACH;
    private int bufferLength = REACH;
    private long samples;
    private boolean finished;

    FeatureExtractor(FrameStore store) {
        this.store = store;
    }

    void accept(short[] pcm, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("audio accepted after diarization started");
        }
        java.util.Objects.checkFromIndexSize(offset, length, pcm.length);
        int done = 0;
        while (done < length) {
            if (bufferLength == CAPACITY) {
                compact();
            }
            int n = Math.min(length - done, CAPACITY - bufferLength);
            for (int i = 0; i < n; i++) {
                buffer[bufferLength + i] = pcm[offset + done + i];
            }
            bufferLength += n;
            done += n;
            samples += n;
            analyseReadyFrames();
        }
    }

    /** Pads the end with silence so that every accepted sample has its frame. Further audio is refused. */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        long frames = (samples + HOP - 1) / HOP;
        while (store.frames() < frames) {
            if (bufferLength == CAPACITY) {
                compact();
            }
            buffer[bufferLength++] = 0;
            analyseReadyFrames();
        }
    }

    long samples() {
        return samples;
    }

    private void analyseReadyFrames() {
        long bufferEnd = bufferStart + bufferLength;
        while (true) {
            long centre = (long) store.frames() * HOP + HOP / 2;
            if (centre + REACH > bufferEnd) {
                return;
            }
            int at = (int) (centre - bufferStart);
            int offset = store.append();
            float[] block = store.lastBlock();
            mfcc.analyse(buffer, at - Mfcc.WINDOW / 2, block, offset + FrameStore.ENERGY);
            block[offset + FrameStore.PITCH] = pitch.logF0(buffer, at - Pitch.WINDOW / 2);
        }
    }

    /** Drops the samples that no frame still to come will look at. */
    private void compact() {
        long keepFrom = (long) store.frames() * HOP + HOP / 2 - REACH;
        int drop = (int) Math.max(0, Math.min(bufferLength, keepFrom - bufferStart));
        System.arraycopy(buffer, drop, buffer, 0, bufferLength - drop);
        bufferLength -= drop;
        bufferStart += drop;
    }
}
