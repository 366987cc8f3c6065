package io.callintel.asr.diarize;

/**
 * The per-frame features of a whole call, {@link #DIMENSIONS} floats (56 bytes) per 10 ms frame,
 * in fixed-size blocks so that growing never copies what is already stored.
 */
final class FrameStore {

    /** Log band energy. */
    static final int ENERGY = 0;
    /** c1..c12 follow the energy. */
    static final int FIRST_CEPSTRUM = 1;
    /** Natural log of F0 in Hz; NaN in frames without a voiced pitch. */
    static final int PITCH = 1 + Mfcc.COEFFICIENTS;

    static final int DIMENSIONS = PITCH + 1;

    private static final int BLOCK_FRAMES = 4096;

    private float[][] blocks = new float[16][];
    private int frames;

    /** Space for the next frame's features: write {@link #DIMENSIONS} values at the returned offset of {@link #block}. */
    int append() {
        int block = frames / BLOCK_FRAMES;
        if (block == blocks.length) {
            blocks = java.util.Arrays.copyOf(blocks, blocks.length * 2);
        }
        if (blocks[block] == null) {
            blocks[block] = new float[BLOCK_FRAMES * DIMENSIONS];
        }
        int offset = (frames % BLOCK_FRAMES) * DIMENSIONS;
        frames++;
        return offset;
    }

    /** The block holding the frame last {@link #append appended}. */
    float[] lastBlock() {
        return blocks[(frames - 1) / BLOCK_FRAMES];
    }

    float get(int frame, int dimension) {
        return blocks[frame / BLOCK_FRAMES][(frame % BLOCK_FRAMES) * DIMENSIONS + dimension];
    }

    /** Copies frame {@code frame}'s features to {@code out[at .. at + DIMENSIONS)}. */
    void copy(int frame, float[] out, int at) {
        System.arraycopy(blocks[frame / BLOCK_FRAMES], (frame % BLOCK_FRAMES) * DIMENSIONS, out, at, DIMENSIONS);
    }

    int frames() {
        return frames;
    }
}
