package io.callintel.core.recording;

import java.util.OptionalInt;

/**
 * What an upload's metadata tells the processing, typed once at upload.
 *
 * @param agentChannel which channel of a stereo call is the agent (0 = left, 1 = right), when the client says
 * @param speakers     how many people speak in a mono call, when the client knows
 */
public record ProcessingHints(OptionalInt agentChannel, OptionalInt speakers) {

    public static final ProcessingHints NONE = new ProcessingHints(OptionalInt.empty(), OptionalInt.empty());

    public ProcessingHints {
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
