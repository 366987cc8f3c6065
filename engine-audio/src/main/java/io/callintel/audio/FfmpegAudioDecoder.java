package io.callintel.audio;

import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.MediaInfo;
import io.callintel.core.audio.PcmStream;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The {@link AudioDecoder} backed by FFmpeg (libavformat, libavcodec, libswresample, and libavfilter for noise
 * reduction) through the bytedeco presets. Stateless and thread-safe; every {@link #open} owns its own native contexts.
 */
public final class FfmpegAudioDecoder implements AudioDecoder {

    public FfmpegAudioDecoder() {
        Ffmpeg.initialise();
    }

    @Override
    public MediaInfo probe(Path file) {
        try (FfmpegInput input = FfmpegInput.open(file, DecodeOptions.DEFAULT_STALL_TIMEOUT)) {
            return input.info();
        }
    }

    @Override
    public PcmStream open(Path file, DecodeOptions options) {
        return decode(FfmpegInput.open(file, options.stallTimeout()), options);
    }

    @Override
    public PcmStream open(InputStream stream, String name, DecodeOptions options) {
        return decode(FfmpegInput.open(stream, name, options.stallTimeout()), options);
    }

    private static PcmStream decode(FfmpegInput input, DecodeOptions options) {
        PcmStream decoded;
        try {
            decoded = new FfmpegPcmStream(input, options.channel());
        } catch (RuntimeException e) {
            input.close();
            throw e;
        }
        if (options.noiseReduction().isEmpty()) {
            return decoded;
        }
        try {
            return new DenoisedPcmStream(decoded, options.noiseReduction().get());
        } catch (RuntimeException e) {
            decoded.close();
            throw e;
        }
    }
}
