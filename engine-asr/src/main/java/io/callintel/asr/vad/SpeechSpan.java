package io.callintel.asr.vad;

/**
 * A stretch of a recording, in 16 kHz samples from its start: [start, end).
 */
public record SpeechSpan(long start, long end) {

    public static final int SAMPLE_RATE = 16_000;

    public SpeechSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public static SpeechSpan ofSeconds(double start, double end) {
        return new SpeechSpan(Math.round(start * SAMPLE_RATE), Math.round(end * SAMPLE_RATE));
    }

    public long length() {
        return end - start;
    }

    public double startSeconds() {
        return start / (double) SAMPLE_RATE;
    }

    public double endSeconds() {
        return end / (double) SAMPLE_RATE;
    }
}
