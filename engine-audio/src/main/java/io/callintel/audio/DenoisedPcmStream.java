package io.callintel.audio;

import io.callintel.core.audio.DecodeReport;
import io.callintel.core.audio.MediaInfo;
import io.callintel.core.audio.NoiseReduction;
import io.callintel.core.audio.PcmStream;

/**
 * A decoded stream with noise reduction ({@link NoiseReducer}) between it and the reader, in step with the
 * decoded audio: the filter's delay is taken off the start and made up with silence at the end, so that
 * every sample stays at its time and the length is unchanged.
 */
final class DenoisedPcmStream implements PcmStream {

    private static final int READ = 4096;

    private final PcmStream decoded;
    private final NoiseReducer reducer;
    private final short[] input = new short[READ];
    private final NoiseReducer.Samples output = new NoiseReducer.Samples();
    private int position;
    private long toDrop = NoiseReducer.DELAY;
    private boolean inputEnded;
    private boolean ended;

    DenoisedPcmStream(PcmStream decoded, NoiseReduction reduction) {
        this.decoded = decoded;
        this.reducer = new NoiseReducer(reduction);
    }

    @Override
    public int read(short[] buffer, int offset, int length) {
        while (position == output.length) {
            if (ended) {
                return -1;
            }
            position = 0;
            output.length = 0;
            int pulled = reducer.pull(output);
            if (pulled < 0) {
                ended = true;
            } else if (pulled == 0) {
                feed();
            } else if (toDrop > 0) {
                int dropped = (int) Math.min(toDrop, pulled);
                position = dropped;
                toDrop -= dropped;
            }
        }
        int n = Math.min(length, output.length - position);
        System.arraycopy(output.data, position, buffer, offset, n);
        position += n;
        return n;
    }

    private void feed() {
        if (inputEnded) {
            throw new IllegalStateException("noise reduction: the filter wants input after its end");
        }
        int n = decoded.read(input, 0, input.length);
        if (n < 0) {
            inputEnded = true;
            reducer.push(new short[NoiseReducer.DELAY], 0, NoiseReducer.DELAY);
            reducer.finish();
        } else {
            reducer.push(input, 0, n);
        }
    }

    @Override
    public MediaInfo info() {
        return decoded.info();
    }

    @Override
    public DecodeReport report() {
        return decoded.report();
    }

    @Override
    public void close() {
        try {
            reducer.close();
        } finally {
            decoded.close();
        }
    }
}
