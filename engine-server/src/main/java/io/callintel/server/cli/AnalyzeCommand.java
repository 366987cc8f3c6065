package io.callintel.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.config.ModelPaths;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.engine.CallIntelEngine;
import io.callintel.engine.CallResult;
import io.callintel.engine.export.ExportFormat;
import io.callintel.engine.export.TranscriptExport;
import io.callintel.engine.json.AnalyticsJson;
import io.callintel.engine.json.TranscriptJson;
import io.callintel.engine.json.UseCaseJson;
import io.callintel.server.store.BlobLocation;
import io.callintel.server.store.ClosableBlobStore;
import io.callintel.server.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code callintel analyze --usecase USECASE.json INPUT...}: transcript and analytics per recording.
 * Without {@code --out}, JSON Lines on stdout in argument order. With {@code --out}, a batch: results
 * appended as each recording finishes, re-runs skip what is done, progress and a summary on stderr.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Transcribes and analyses recordings against a use case (the body of a create-use-case request).",
            "INPUT: files, directories (searched recursively for audio files) or quoted glob patterns.",
            "json: one object per recording: file, transcript {as transcribe}, analytics {questions [question,",
            "answer, confidence, evidence], bucket {name, confidence, scores, evidence}, metrics}; or file, error, problem.",
            "With --out FILE (json) results are appended as each recording finishes and a re-run skips recordings",
            "already in FILE, so an interrupted batch resumes where it stopped. srt, vtt, txt: one subtitle or text",
            "file per recording in the --out directory (skipped when it exists)."
        },
        exitCodeListHeading = "%nExit codes%n",
        exitCodeList = {
            "0:every recording analysed",
            "1:at least one recording failed",
            "2:bad usage (including an unreadable use case or a missing input)"
        })
final class AnalyzeCommand implements Callable<Integer> {

    private final Supplier<AudioDecoder> decoders;
    private final Supplier<ModelPaths> models;
    private final ObjectMapper json;
    private final JsonLines out;
    private final PrintWriter err;
    private final boolean terminal;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--usecase",
            paramLabel = "USECASE.json",
            required = true,
            description =
                    "The use case: org_uuid, usecase_name, ..., analysis_config {analysis_questions, analysis_buckets,"
                            + " redaction}.")
    Path useCase;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Recordings, directories or glob patterns.")
    List<String> inputs;

    @Option(
            names = "--out",
            paramLabel = "PATH",
            description =
                    "json: the results file (JSON Lines, appended, resumable); srt/vtt/txt: the output directory.")
    Path outPath;

    @Option(names = "--format", defaultValue = "json", description = "json (default), srt, vtt or txt.")
    String format;

    @Option(
            names = {"-j", "--jobs"},
            paramLabel = "N",
            description = "Recordings analysed at once (default: one per core).")
    Integer jobs;

    @Mixin
    TranscriptionFlags flags;

    @Mixin
    RedactionFlags redaction;

    @Option(
            names = "--queue",
            paramLabel = "URL",
            description = "Put the recordings on the shared queue of a deployment (its PostgreSQL database,"
                    + " postgresql://...) for its worker nodes ('callintel worker') instead of analysing them here;"
                    + " needs --blobs and the use case's org_uuid. With --out, waits and collects their results.")
    String queue;

    @Mixin
    BlobFlags blobs;

    AnalyzeCommand(
            Supplier<AudioDecoder> decoders,
            Supplier<ModelPaths> models,
            ObjectMapper json,
            JsonLines out,
            PrintWriter err,
            boolean terminal) {
        this.decoders = decoders;
        this.models = models;
        this.json = json;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        TranscriptionOptions options = flags.options(spec.commandLine());
        AnalysisConfig config = readUseCase();
        if (queue != null && !queue.isBlank()) {
            return enqueue(config);
        }
        ExportFormat exportFormat = exportFormat();
        List<Path> recordings = recordings();
        int parallel = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (parallel < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + parallel);
        }
        if (exportFormat != ExportFormat.JSON && outPath == null && recordings.size() > 1) {
            throw new ParameterException(
                    spec.commandLine(), "--format " + format + " with several recordings needs --out DIR");
        }
        double replaceRecognizersAfter = flags.recognizers.replaceAfterSeconds(spec.commandLine());
        try (CallIntelEngine engine = CallIntelEngine.builder()
                .models(models.get())
                .threads(flags.workers)
                .replaceRecognizersAfter(replaceRecognizersAfter)
                .decoder(decoders.get())
                .options(options)
                .build()) {
            if (outPath == null) {
                return toStdout(engine, recordings, config, exportFormat, parallel);
            }
            return batch(engine, recordings, config, exportFormat, parallel);
        }
    }

    /** JSON Lines (or one export) on stdout, in argument order. */
    private int toStdout(
            CallIntelEngine engine,
            List<Path> recordings,
            AnalysisConfig config,
            ExportFormat exportFormat,
            int parallel)
            throws InterruptedException {
        int[] failures = {0};
        OrderedParallel.forEachInOrder(recordings, parallel, file -> analyze(engine, file, config), outcome -> {
            if (outcome.failed()) {
                failures[0]++;
            }
            if (exportFormat == ExportFormat.JSON || outcome.failed()) {
                out.write(json(outcome));
            } else {
                out.text(export(outcome.result(), exportFormat));
            }
        });
        return failures[0] == 0 ? 0 : 1;
    }

    /** Results as each recording finishes; done ones skipped; progress and summary on stderr. */
    private int batch(
            CallIntelEngine engine,
            List<Path> recordings,
            AnalysisConfig config,
            ExportFormat exportFormat,
            int parallel)
            throws InterruptedException, IOException {
        BatchSummary summary = new BatchSummary();
        Map<Path, Path> exports =
                exportFormat == ExportFormat.JSON ? Map.of() : exportTargets(recordings, exportFormat);
        try (ResultsFile results = exportFormat == ExportFormat.JSON ? ResultsFile.open(outPath, json) : null) {
            List<Path> pending = new ArrayList<>();
            for (Path recording : recordings) {
                boolean done =
                        results != null ? results.has(recording.toString()) : Files.exists(exports.get(recording));
                if (!done) {
                    pending.add(recording);
                }
            }
            summary.skipped(recordings.size() - pending.size());
            ExecutorService pool = Executors.newFixedThreadPool(parallel);
            try (Progress progress = new Progress(err, terminal, pending.size())) {
                progress.skipped(recordings.size() - pending.size());
                for (Path recording : pending) {
                    pool.execute(() -> {
                        Outcome outcome = analyze(engine, recording, config);
                        String error =
                                outcome.failed() ? json(outcome).path("error").asText() : null;
                        try {
                            if (results != null) {
                                results.append(json(outcome));
                            } else if (!outcome.failed()) {
                                writeAtomically(exports.get(recording), export(outcome.result(), exportFormat));
                            }
                        } catch (IOException | UncheckedIOException e) {
                            error = "cannot write the result: " + e.getMessage();
                        }
                        double duration = outcome.failed()
                                ? Double.NaN
                                : outcome.result().transcript().duration();
                        if (error == null) {
                            summary.succeeded(duration, outcome.result().analytics());
                        } else {
                            summary.failed(recording.toString(), error);
                            if (results == null) {
                                err.println("callintel: " + recording + ": " + error);
                            }
                        }
                        progress.finished(duration, error == null);
                    });
                }
                pool.shutdown();
                pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
            } finally {
                pool.shutdownNow();
            }
        }
        summary.print(err);
        return summary.failures() == 0 ? 0 : 1;
    }

    /** One recording's result, or why it has none; made into JSON or an export only where it is written. */
    private record Outcome(Path file, CallResult result, Exception failure) {
        boolean failed() {
            return result == null;
        }
    }

    private Outcome analyze(CallIntelEngine engine, Path file, AnalysisConfig config) {
        try {
            CallResult result = engine.analyze(file, config);
            if (config.redaction().audio() && queue == null) {
                redaction.writeAudio(engine, file, result.transcript());
            }
            return new Outcome(file, result, null);
        } catch (RuntimeException | InterruptedException e) {
            return new Outcome(file, null, e);
        }
    }

    private ObjectNode json(Outcome outcome) {
        ObjectNode node = out.object();
        node.put("file", outcome.file().toString());
        if (outcome.failed()) {
            FileFailure.put(node, outcome.file().toString(), outcome.failure());
            return node;
        }
        TranscriptJson.fill(node.putObject("transcript"), outcome.result().transcript());
        AnalyticsJson.fill(node.putObject("analytics"), outcome.result().analytics());
        return node;
    }

    private static String export(CallResult result, ExportFormat format) {
        var transcript = result.transcript();
        return switch (format) {
            case SRT -> TranscriptExport.srt(transcript);
            case VTT -> TranscriptExport.vtt(transcript);
            case TXT -> TranscriptExport.txt(transcript);
            case JSON -> throw new IllegalArgumentException("JSON is written as JSON Lines");
        };
    }

    /** One output file per recording, named after it; recordings with the same name get their path's hash added. */
    private Map<Path, Path> exportTargets(List<Path> recordings, ExportFormat exportFormat) throws IOException {
        Files.createDirectories(outPath);
        Map<String, Integer> names = new HashMap<>();
        for (Path recording : recordings) {
            names.merge(stem(recording), 1, Integer::sum);
        }
        Map<Path, Path> targets = new HashMap<>();
        for (Path recording : recordings) {
            String stem = stem(recording);
            if (names.get(stem) > 1) {
                stem += "-"
                        + Integer.toHexString(recording
                                .toAbsolutePath()
                                .normalize()
                                .toString()
                                .hashCode());
            }
            targets.put(recording, outPath.resolve(stem + "." + exportFormat.extension()));
        }
        return targets;
    }

    /** The recording's file name without its extension. */
    static String stem(Path recording) {
        String name = recording.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.writeString(partial, content);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private List<Path> recordings() {
        try {
            return BatchInputs.expand(inputs);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private ExportFormat exportFormat() {
        try {
            return ExportFormat.fromName(format.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
    }

    /** {@code --queue}: the recordings go to a deployment's workers (see {@link QueueBatch}). */
    private int enqueue(AnalysisConfig config) throws IOException, InterruptedException {
        if (!format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--queue gives json results only, not --format " + format);
        }
        BlobLocation location = blobs.location(spec.commandLine())
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "--queue needs --blobs: the audio store the worker nodes share"));
        List<Path> recordings = recordings();
        String name = useCase.getFileName().toString().replaceFirst("\\.json$", "");
        Path copies = Files.createTempDirectory("callintel-queue");
        try (Database db = connect();
                ClosableBlobStore store = location.open(copies)) {
            return new QueueBatch(db, store, decoders.get(), json, out, err)
                    .run(json.readTree(useCase.toFile()), name, config, recordings, Optional.ofNullable(outPath));
        } finally {
            try (var leftovers = Files.walk(copies)) {
                leftovers
                        .sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private Database connect() {
        try {
            return Database.connect(queue.trim(), 4);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--queue: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** The use case's questions and buckets, and its redaction unless {@code --redact} says otherwise. */
    private AnalysisConfig readUseCase() {
        try {
            AnalysisConfig read = UseCaseJson.read(useCase);
            AnalysisConfig config = redaction
                    .redaction(spec.commandLine())
                    .map(read::withRedaction)
                    .orElse(read);
            if (queue == null) { // the workers redact queued recordings in the blob store
                redaction.check(config.redaction(), spec.commandLine());
            }
            return config;
        } catch (IOException e) {
            throw new ParameterException(
                    spec.commandLine(), "cannot read the use case " + useCase + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), useCase + ": " + e.getMessage());
        }
    }
}
