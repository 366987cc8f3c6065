package io.callintel.asr.diarize;

/**
 * A stretch of one speaker's speech, in 16 kHz samples from the start of the recording: [start, end).
 *
 * @param speaker 0, 1, ... numbered in the order the speakers are first heard
 */
public record SpeakerTurn(long start, long end, int speaker) {

    public SpeakerTurn {
        if (start < 0 || end <= start || speaker < 0) {
            throw new IllegalArgumentException("bad turn [" + start + ", " + end + ") of speaker " + speaker);
        }
    }

    public double startSeconds() {
        return start / 16_000.0;
    }

    public double endSeconds() {
        return end / 16_000.0;
    }
}
