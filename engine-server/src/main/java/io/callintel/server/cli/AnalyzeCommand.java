package io.callintel.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.asr.Transcriber;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.asr.vosk.VoskModel;
import io.callintel.classify.analysis.CallAnalyzer;
import io.callintel.classify.embed.SentenceEncoder;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.config.ModelPaths;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.server.json.AnalyticsJson;
import io.callintel.server.json.TranscriptJson;
import io.callintel.server.json.UseCaseJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code callintel analyze --usecase USECASE.json FILE...}: transcript and analytics per recording, as JSON Lines. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
                "Transcribes and analyses each FILE against a use case (the body of a create-use-case request) and prints",
                "one JSON object per file, one per line, in argument order: file, transcript {as transcribe},",
                "analytics {questions [question, answer, confidence, evidence], bucket {name, confidence, scores, evidence},",
                "metrics}; or file, error, problem."},
        exitCodeListHeading = "%nExit codes%n",
        exitCodeList = {"0:every file analysed", "1:at least one file failed", "2:bad usage (including an unreadable use case)"})
final class AnalyzeCommand implements Callable<Integer> {

    private final Supplier<AudioDecoder> decoders;
    private final Supplier<ModelPaths> models;
    private final ObjectMapper json;
    private final JsonLines out;

    @Spec
    CommandSpec spec;

    @Option(names = "--usecase", paramLabel = "USECASE.json", required = true,
            description = "The use case: org_uuid, usecase_name, ..., analysis_config {analysis_questions, analysis_buckets}.")
    Path useCase;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Recordings, in any format FFmpeg reads.")
    List<String> files;

    @Mixin
    TranscriptionFlags flags;

    AnalyzeCommand(Supplier<AudioDecoder> decoders, Supplier<ModelPaths> models, ObjectMapper json, JsonLines out) {
        this.decoders = decoders;
        this.models = models;
        this.json = json;
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        TranscriptionOptions options = flags.options(spec.commandLine());
        AnalysisConfig config = readUseCase();
        ModelPaths paths = models.get();
        AtomicInteger failures = new AtomicInteger();
        try (VoskModel vosk = VoskModel.load(paths.voskModel());
             SentenceEncoder encoder = SentenceEncoder.load(paths.embeddingModel());
             Transcriber transcriber = new Transcriber(decoders.get(), vosk, flags.workers)) {
            CallAnalyzer analyzer = new CallAnalyzer(encoder);
            OrderedParallel.forEachInOrder(files, flags.workers, file -> analyze(transcriber, analyzer, file, options, config),
                    node -> {
                        if (node.has("error")) {
                            failures.incrementAndGet();
                        }
                        out.write(node);
                    });
        }
        return failures.get() == 0 ? 0 : 1;
    }

    private AnalysisConfig readUseCase() {
        try {
            JsonNode body = json.readTree(useCase.toFile());
            if (body == null || !body.isObject()) {
                throw new ParameterException(spec.commandLine(), useCase + ": a use case must be a JSON object");
            }
            return UseCaseJson.analysisConfig(body);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read the use case " + useCase + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), useCase + ": " + e.getMessage());
        }
    }

    private ObjectNode analyze(Transcriber transcriber, CallAnalyzer analyzer, String file, TranscriptionOptions options,
                               AnalysisConfig config) {
        ObjectNode node = out.object();
        node.put("file", file);
        try {
            Transcript transcript = transcriber.transcribe(Path.of(file), options);
            ObjectNode analytics = out.object();
            AnalyticsJson.fill(analytics, analyzer.analyze(transcript, config));
            TranscriptJson.fill(node.putObject("transcript"), transcript);
            node.set("analytics", analytics);
        } catch (RuntimeException | InterruptedException e) {
            FileFailure.put(node, file, e);
        }
        return node;
    }
}
