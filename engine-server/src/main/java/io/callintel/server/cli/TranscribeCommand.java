package io.callintel.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.asr.ChannelMode;
import io.callintel.asr.Transcriber;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.asr.vosk.VoskModel;
import io.callintel.core.audio.AudioDecodeException;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.config.ModelPaths;
import io.callintel.server.json.TranscriptJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code callintel transcribe FILE...}: a speaker-attributed transcript per recording, as JSON Lines. */
@Command(
        name = "transcribe",
        mixinStandardHelpOptions = true,
        description = {
                "Transcribes each FILE and prints one JSON object per file, one per line, in argument order:",
                "file, duration, words [word, start, end, conf, speaker], segments [speaker, role, start, end, text,"
                        + " confidence], speakers, turns, overlaps; or file, error, problem."},
        exitCodeListHeading = "%nExit codes%n",
        exitCodeList = {"0:every file transcribed", "1:at least one file failed", "2:bad usage"})
final class TranscribeCommand implements Callable<Integer> {

    private final Supplier<AudioDecoder> decoders;
    private final Supplier<ModelPaths> models;
    private final JsonLines out;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Recordings, in any format FFmpeg reads.")
    List<String> files;

    @Option(names = "--channels", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (default): a speaker per channel when the two channels differ; mono: mix and diarize;"
                    + " stereo: channel 0 and 1 are one speaker each.")
    String channels;

    @Option(names = "--speakers", paramLabel = "N", description = "Speakers in a mono recording, when known (default: estimated, 2 expected).")
    Integer speakers;

    @Option(names = "--max-speakers", paramLabel = "N", defaultValue = "4",
            description = "Most speakers a mono recording may have when estimating (default ${DEFAULT-VALUE}).")
    int maxSpeakers;

    @Option(names = "--agent-channel", paramLabel = "0|1", description = "For stereo: the agent's channel (default: decided from what is said).")
    Integer agentChannel;

    @Option(names = {"-w", "--workers"}, paramLabel = "N",
            description = "Recognizer threads (default: the number of cores, ${DEFAULT-VALUE}).")
    int workers = Runtime.getRuntime().availableProcessors();

    TranscribeCommand(Supplier<AudioDecoder> decoders, Supplier<ModelPaths> models, JsonLines out) {
        this.decoders = decoders;
        this.models = models;
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        TranscriptionOptions options = options();
        if (workers < 1) {
            throw new ParameterException(spec.commandLine(), "--workers must be at least 1, got " + workers);
        }
        ModelPaths paths = models.get();
        AtomicInteger failures = new AtomicInteger();
        try (VoskModel model = VoskModel.load(paths.voskModel());
             Transcriber transcriber = new Transcriber(decoders.get(), model, workers)) {
            // A long call already uses every worker; several files at once keep them busy on short ones.
            OrderedParallel.forEachInOrder(files, workers, file -> transcribe(transcriber, file, options), node -> {
                if (node.has("error")) {
                    failures.incrementAndGet();
                }
                out.write(node);
            });
        }
        return failures.get() == 0 ? 0 : 1;
    }

    private TranscriptionOptions options() {
        ChannelMode mode = switch (channels.toLowerCase(Locale.ROOT)) {
            case "auto" -> ChannelMode.AUTO;
            case "mono" -> ChannelMode.MONO;
            case "stereo" -> ChannelMode.STEREO;
            default -> throw new ParameterException(spec.commandLine(),
                    "--channels must be auto, mono or stereo, got '" + channels + "'");
        };
        try {
            return new TranscriptionOptions(mode,
                    speakers == null ? OptionalInt.empty() : OptionalInt.of(speakers),
                    speakers == null ? maxSpeakers : Math.max(maxSpeakers, speakers),
                    agentChannel == null ? OptionalInt.empty() : OptionalInt.of(agentChannel),
                    Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private ObjectNode transcribe(Transcriber transcriber, String file, TranscriptionOptions options) {
        ObjectNode node = out.object();
        node.put("file", file);
        try {
            TranscriptJson.fill(node, transcriber.transcribe(Path.of(file), options));
        } catch (AudioDecodeException e) {
            node.put("error", e.getMessage());
            node.put("problem", e.problem().name().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            node.put("error", e.getMessage());
            node.put("problem", "bad_request");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node.put("error", file + ": interrupted");
            node.put("problem", "interrupted");
        }
        return node;
    }
}
