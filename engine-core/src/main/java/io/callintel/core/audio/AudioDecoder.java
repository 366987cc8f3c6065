package io.callintel.core.audio;

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
}
