package io.callintel.core.audio;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * The decoding stage's port: turns any call recording into 16 kHz mono signed 16-bit PCM.
 *
 * <p>Implementations detect the real format from the file's bytes, never from its name, and
 * report every bad input as an {@link AudioDecodeException} with a {@link AudioDecodeException.Problem}.
 * They are thread-safe: each {@link #open} returns an independent stream.
 */
public interface AudioDecoder {

    /** Sample rate of every {@link PcmStream} this port produces. */
    int SAMPLE_RATE = 16_000;

    /** Reads the container and stream headers: format, codec, sample rate, channels, duration, bit rate. */
    MediaInfo probe(Path file);

    /** Opens a streaming decode. The caller must close the stream (it holds native resources). */
    PcmStream open(Path file, DecodeOptions options);

    default PcmStream open(Path file) {
        return open(file, DecodeOptions.defaults());
    }

    /**
     * Opens a streaming decode of bytes that arrive as a stream (an upload, a pipe). The stream is
     * read as decoding proceeds, never buffered whole, and closed with the returned PcmStream.
     * Formats that keep their index at the end of the file (MP4/M4A written without "faststart")
     * cannot be decoded this way; decode them from a file.
     *
     * @param name used in messages and to flag a file name that disagrees with the content
     */
    PcmStream open(InputStream stream, String name, DecodeOptions options);
}
