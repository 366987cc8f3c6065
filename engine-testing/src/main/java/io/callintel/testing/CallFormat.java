package io.callintel.testing;

/** The file layouts a synthesized call can be written in: all WAV. */
public enum CallFormat {
    /** 16 kHz signed 16-bit, both speakers in one channel. */
    MONO_16K(16_000, 1, false),
    /** 16 kHz signed 16-bit, agent (speaker 0) left, customer (speaker 1) right. */
    STEREO_16K(16_000, 2, false),
    /** 8 kHz G.711 mu-law, both speakers in one channel: the usual call-centre recording. */
    MONO_8K_MULAW(8_000, 1, true),
    /** 8 kHz G.711 mu-law, agent left, customer right. */
    STEREO_8K_MULAW(8_000, 2, true);

    final int sampleRate;
    final int channels;
    final boolean muLaw;

    CallFormat(int sampleRate, int channels, boolean muLaw) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.muLaw = muLaw;
    }

    String fileSuffix() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".wav";
    }
}
