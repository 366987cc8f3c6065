package io.callintel.core.recording;

/**
 * What an uploaded file turned out to be, read from its bytes once it arrived.
 *
 * @param format   container (wav, mp3, ogg, webm...)
 * @param duration seconds; NaN when the container does not say
 */
public record AudioFile(String format, String codec, int sampleRate, int channels, double duration) {}
