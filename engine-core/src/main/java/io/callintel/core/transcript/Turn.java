package io.callintel.core.transcript;

/**
 * A stretch of one speaker's speech as heard in the audio (voice activity and diarization), with or
 * without recognised words in it. Talk time, silence and overlaps are measured from turns.
 */
public record Turn(String speaker, double start, double end) {

    public double duration() {
        return end - start;
    }
}
