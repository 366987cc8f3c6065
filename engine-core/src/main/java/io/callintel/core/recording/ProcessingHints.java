package io.callintel.core.recording;

import io.callintel.core.audio.NoiseReductionMode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an upload's metadata tells the processing, typed once at upload.
 *
 * @param agentChannel which channel of a stereo call is the agent (0 = left, 1 = right), when the client says
 * @param speakers     how many people speak in a mono call, when the client knows
 * @param noiseReduction whether to reduce noise before recognition, when the client says (else the use case's
 *                     setting, else auto)
 */
public record ProcessingHints(
        OptionalInt agentChannel, OptionalInt speakers, Optional<NoiseReductionMode> noiseReduction) {

    public static final ProcessingHints NONE =
            new ProcessingHints(OptionalInt.empty(), OptionalInt.empty(), Optional.empty());

    public ProcessingHints {
        java.util.Objects.requireNonNull(noiseReduction, "noiseReduction");
        agentChannel.ifPresent(channel -> {
            if (channel < 0 || channel > 1) {
                throw new IllegalArgumentException("agent_channel must be 0 (left) or 1 (right), got " + channel);
            }
        });
        speakers.ifPresent(count -> {
            if (count < 1 || count > 10) {
                throw new IllegalArgumentException("speakers must be 1..10, got " + count);
            }
        });
    }
}
