package io.callintel.asr;

/** Which voice activity detector finds the speech in a channel. */
public enum VoiceDetection {
    /** Loudness over the channel's own noise floor: free, and exact on clean lines. */
    ENERGY,
    /** Silero's neural model on every channel. */
    NEURAL,
    /** The neural model where the channel is noisy, loudness where it is clean. */
    NEURAL_WHEN_NOISY
}
