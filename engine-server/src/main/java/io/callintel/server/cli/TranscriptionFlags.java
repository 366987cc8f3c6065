package io.callintel.server.cli;

import io.callintel.asr.ChannelMode;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.core.audio.NoiseReductionMode;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The transcription options shared by {@code transcribe} and {@code analyze} (a picocli mixin). */
final class TranscriptionFlags {

    @Option(
            names = "--channels",
            paramLabel = "MODE",
            defaultValue = "auto",
            description = "auto (default): a speaker per channel when the two channels differ; mono: mix and diarize;"
                    + " stereo: channel 0 and 1 are one speaker each.")
    String channels;

    @Option(
            names = "--speakers",
            paramLabel = "N",
            description = "Speakers in a mono recording, when known (default: estimated, 2 expected).")
    Integer speakers;

    @Option(
            names = "--max-speakers",
            paramLabel = "N",
            defaultValue = "4",
            description = "Most speakers a mono recording may have when estimating (default ${DEFAULT-VALUE}).")
    int maxSpeakers;

    @Option(
            names = "--agent-channel",
            paramLabel = "0|1",
            description = "For stereo: the agent's channel (default: decided from what is said).")
    Integer agentChannel;

    @Option(
            names = "--noise-reduction",
            paramLabel = "MODE",
            defaultValue = "auto",
            description = "auto (default): denoise a channel whose noise floor the recording shows; on: always;"
                    + " off: never.")
    String noiseReduction;

    @Option(
            names = {"-w", "--workers"},
            paramLabel = "N",
            description = "Recognizer threads (default: the number of cores, ${DEFAULT-VALUE}).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Mixin
    RecognizerFlags recognizers;

    /** The options as the engine takes them; bad values are usage errors of {@code command}. */
    TranscriptionOptions options(CommandLine command) {
        if (workers < 1) {
            throw new ParameterException(command, "--workers must be at least 1, got " + workers);
        }
        ChannelMode mode = switch (channels.toLowerCase(Locale.ROOT)) {
            case "auto" -> ChannelMode.AUTO;
            case "mono" -> ChannelMode.MONO;
            case "stereo" -> ChannelMode.STEREO;
            default ->
                throw new ParameterException(
                        command, "--channels must be auto, mono or stereo, got '" + channels + "'");
        };
        NoiseReductionMode reduction;
        try {
            reduction = NoiseReductionMode.fromWireName(noiseReduction.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command, "--noise-reduction " + e.getMessage());
        }
        try {
            return new TranscriptionOptions(
                    mode,
                    speakers == null ? OptionalInt.empty() : OptionalInt.of(speakers),
                    speakers == null ? maxSpeakers : Math.max(maxSpeakers, speakers),
                    agentChannel == null ? OptionalInt.empty() : OptionalInt.of(agentChannel),
                    Optional.empty(),
                    reduction);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command, e.getMessage());
        }
    }
}
