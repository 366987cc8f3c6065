package io.callintel.core.audio;

import java.util.List;
import java.util.Objects;

/**
 * What a recording is, read from its bytes.
 *
 * @param format          container detected from the content: wav, mp3, ogg, webm, matroska, flac, mp4, aac...
 * @param codec           audio codec: pcm_s16le, pcm_mulaw, mp3, vorbis, opus, aac, flac...
 * @param sampleRate      source sample rate in Hz
 * @param channels        source channel count
 * @param durationSeconds duration declared by the container (estimated for some formats); NaN when unknown
 * @param bitRate         overall bit rate in bits per second; 0 when unknown
 * @param warnings        things a person should know, such as a file name that does not match the content
 */
public record MediaInfo(
        String format,
        String codec,
        int sampleRate,
        int channels,
        double durationSeconds,
        long bitRate,
        List<String> warnings) {

    public MediaInfo {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(codec, "codec");
        warnings = List.copyOf(warnings);
    }
}
