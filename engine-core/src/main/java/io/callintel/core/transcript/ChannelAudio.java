package io.callintel.core.transcript;

import io.callintel.core.audio.SpeechDetector;
import java.util.Objects;

/**
 * What the recognizer heard on one channel (or the mix) of a recording, and what it did about it.
 *
 * @param channel        the channel, or -1 for the mix of a mono recording
 * @param noiseFloorDbfs the level of the quiet tenth of the audio, in dB relative to full scale
 * @param snrDb          how far the loud tenth (speech) stands above that floor, in dB
 * @param noiseReduced   whether noise reduction was applied in front of recognition
 * @param speechDetector which detector found the speech that was recognized
 */
public record ChannelAudio(
        int channel, double noiseFloorDbfs, double snrDb, boolean noiseReduced, SpeechDetector speechDetector) {

    public ChannelAudio {
        Objects.requireNonNull(speechDetector, "speechDetector");
    }
}
