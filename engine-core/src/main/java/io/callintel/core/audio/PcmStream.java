package io.callintel.core.audio;

/**
 * A pull stream of 16 kHz mono signed 16-bit PCM. Memory stays bounded whatever the recording's
 * length: samples are decoded as they are read. Not thread-safe; close it to free native memory.
 */
public interface PcmStream extends AutoCloseable {

    /**
     * Reads up to {@code length} samples into {@code buffer} at {@code offset}.
     *
     * @return the number of samples read (at least 1), or -1 at the end of the audio
     * @throws AudioDecodeException when the input turns out to be undecodable or decoding stalls
     */
    int read(short[] buffer, int offset, int length);

    /**
     * Reads until {@code length} samples are in {@code buffer} or the audio ends.
     *
     * @return the number of samples read: {@code length}, or fewer only at the end (0 once it is reached)
     */
    default int readFully(short[] buffer, int offset, int length) {
        int filled = 0;
        while (filled < length) {
            int n = read(buffer, offset + filled, length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    /** The recording as probed when the stream was opened. */
    MediaInfo info();

    /** Samples produced so far and damage met so far; final once {@link #read} has returned -1. */
    DecodeReport report();

    @Override
    void close();
}
