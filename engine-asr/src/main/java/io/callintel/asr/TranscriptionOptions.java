package io.callintel.asr;

import io.callintel.core.audio.NoiseReductionMode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Per-recording choices.
 *
 * @param channels     how to treat the channels
 * @param speakers     the number of speakers in a mono recording when known; estimated otherwise
 * @param maxSpeakers  the most speakers a mono recording is assumed to have when estimating
 * @param agentChannel for stereo recordings, the channel the agent is on (overrides the role heuristic)
 * @param agentSpeaker the label ({@code SPEAKER_1}, ...) of the agent (overrides the role heuristic)
 * @param noiseReduction whether noise reduction runs in front of recognition, per channel
 */
public record TranscriptionOptions(
        ChannelMode channels,
        OptionalInt speakers,
        int maxSpeakers,
        OptionalInt agentChannel,
        Optional<String> agentSpeaker,
        NoiseReductionMode noiseReduction) {

    public TranscriptionOptions {
        java.util.Objects.requireNonNull(noiseReduction, "noiseReduction");
        if (maxSpeakers < 1) {
            throw new IllegalArgumentException("maxSpeakers must be at least 1, got " + maxSpeakers);
        }
        if (speakers.isPresent() && (speakers.getAsInt() < 1 || speakers.getAsInt() > 10)) {
            throw new IllegalArgumentException("speakers must be between 1 and 10, got " + speakers.getAsInt());
        }
        if (agentChannel.isPresent() && agentChannel.getAsInt() != 0 && agentChannel.getAsInt() != 1) {
            throw new IllegalArgumentException("agentChannel must be 0 or 1, got " + agentChannel.getAsInt());
        }
    }

    /**
     * Calls: channels detected, two speakers expected, up to four allowed, roles by heuristic, noise reduction
     * where a channel is noisy.
     */
    public static TranscriptionOptions defaults() {
        return new TranscriptionOptions(
                ChannelMode.AUTO,
                OptionalInt.empty(),
                4,
                OptionalInt.empty(),
                Optional.empty(),
                NoiseReductionMode.AUTO);
    }

    public TranscriptionOptions withChannels(ChannelMode mode) {
        return new TranscriptionOptions(mode, speakers, maxSpeakers, agentChannel, agentSpeaker, noiseReduction);
    }

    public TranscriptionOptions withSpeakers(int count) {
        return new TranscriptionOptions(
                channels,
                OptionalInt.of(count),
                Math.max(maxSpeakers, count),
                agentChannel,
                agentSpeaker,
                noiseReduction);
    }

    public TranscriptionOptions withAgentChannel(int channel) {
        return new TranscriptionOptions(
                channels, speakers, maxSpeakers, OptionalInt.of(channel), agentSpeaker, noiseReduction);
    }

    public TranscriptionOptions withAgentSpeaker(String label) {
        return new TranscriptionOptions(
                channels, speakers, maxSpeakers, agentChannel, Optional.of(label), noiseReduction);
    }

    public TranscriptionOptions withNoiseReduction(NoiseReductionMode mode) {
        return new TranscriptionOptions(channels, speakers, maxSpeakers, agentChannel, agentSpeaker, mode);
    }
}
