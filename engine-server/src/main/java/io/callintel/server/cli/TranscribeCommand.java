package io.callintel.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.config.ModelPaths;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.usecase.Redaction;
import io.callintel.engine.CallIntelEngine;
import io.callintel.engine.json.TranscriptJson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code callintel transcribe FILE...}: a speaker-attributed transcript per recording, as JSON Lines. */
@Command(
        name = "transcribe",
        mixinStandardHelpOptions = true,
        description = {
            "Transcribes each FILE and prints one JSON object per file, one per line, in argument order:",
            "file, duration, words [word, start, end, conf, speaker], segments [speaker, role, start, end, text,"
                    + " confidence], speakers, turns, overlaps (and redacted_audio with --redact"
                    + " transcript_and_audio); or file, error, problem."
        },
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

    @Mixin
    TranscriptionFlags flags;

    @Mixin
    RedactionFlags redaction;

    TranscribeCommand(Supplier<AudioDecoder> decoders, Supplier<ModelPaths> models, JsonLines out) {
        this.decoders = decoders;
        this.models = models;
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        TranscriptionOptions options = flags.options(spec.commandLine());
        Redaction redacting =
                redaction.check(redaction.redaction(spec.commandLine()).orElse(Redaction.OFF), spec.commandLine());
        double replaceRecognizersAfter = flags.recognizers.replaceAfterSeconds(spec.commandLine());
        ModelPaths paths = models.get();
        AtomicInteger failures = new AtomicInteger();
        try (CallIntelEngine engine = CallIntelEngine.builder()
                .models(paths)
                .decoder(decoders.get())
                .threads(flags.workers)
                .replaceRecognizersAfter(replaceRecognizersAfter)
                .build()) {
            // A long call already uses every worker; several files at once keep them busy on short ones.
            OrderedParallel.forEachInOrder(
                    files, flags.workers, file -> transcribe(engine, file, options, redacting), node -> {
                        if (node.has("error")) {
                            failures.incrementAndGet();
                        }
                        out.write(node);
                    });
        }
        return failures.get() == 0 ? 0 : 1;
    }

    private ObjectNode transcribe(
            CallIntelEngine engine, String file, TranscriptionOptions options, Redaction redacting) {
        ObjectNode node = out.object();
        node.put("file", file);
        try {
            Transcript transcript = engine.transcribe(Path.of(file), options);
            if (redacting.transcript()) {
                transcript = engine.redact(transcript);
            }
            TranscriptJson.fill(node, transcript);
            if (redacting.audio()) {
                node.put(
                        "redacted_audio",
                        redaction.writeAudio(engine, Path.of(file), transcript).toString());
            }
        } catch (RuntimeException | InterruptedException e) {
            FileFailure.put(node, file, e);
        }
        return node;
    }
}
