package io.callintel.asr;

/** How to treat the channels of a recording. */
public enum ChannelMode {
    /** Two distinct channels are two speakers; anything else (mono, identical channels, one silent side) is diarized as mono. */
    AUTO,
    /** Mix all channels to one and diarize. */
    MONO,
    /** Channel 0 and channel 1 are one speaker each. */
    STEREO
}
