package io.callintel.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.Uuids;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.AudioFileNames;
import io.callintel.core.recording.ProcessingHints;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.store.BlobStore;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.UseCase;
import io.callintel.engine.json.AnalyticsJson;
import io.callintel.engine.json.TranscriptJson;
import io.callintel.server.service.RecordingIntake;
import io.callintel.server.store.Database;
import io.callintel.server.store.JdbcRecordingStore;
import io.callintel.server.store.JdbcResultStore;
import io.callintel.server.store.JdbcUseCaseStore;
import io.callintel.server.store.S3BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code analyze --queue URL}: an archive put on the shared queue for worker nodes to drain, instead of analysed
 * here. Each file is stored in the shared audio store and queued under one use case (the use case file's
 * {@code usecase_uuid} when the database has it, else a new one made from the file); stdout gets a line per file
 * naming its recording. With {@code --out}, it then waits for the workers and appends each result to the file, in the
 * shape of a local {@code analyze}, as it arrives; files already there are not queued again.
 */
final class QueueBatch {

    /** The archive's recordings as one client of the API would name them. */
    private static final String CLIENT = "batch";

    private static final long POLL_MILLIS = 1_000;

    private final Database db;
    private final BlobStore blobs;
    private final AudioDecoder decoder;
    private final ObjectMapper json;
    private final JsonLines out;
    private final PrintWriter err;
    private final Clock clock = Clock.systemUTC();

    QueueBatch(Database db, BlobStore blobs, AudioDecoder decoder, ObjectMapper json, JsonLines out, PrintWriter err) {
        this.db = db;
        this.blobs = blobs;
        this.decoder = decoder;
        this.json = json;
        this.out = out;
        this.err = err;
    }

    /**
     * @param body    the use case file, as JSON (it must name its {@code org_uuid})
     * @param results where to collect the results; empty: queue and return
     * @return 0 when every file was queued (and, with results, analysed), else 1
     */
    int run(JsonNode body, String name, AnalysisConfig config, List<Path> files, Optional<Path> results)
            throws IOException, InterruptedException {
        UseCase useCase = useCase(body, name, config);
        err.println("callintel: queueing " + files.size() + " recording(s) under use case " + useCase.uuid() + " ("
                + useCase.name() + ")");
        JdbcRecordingStore recordings = new JdbcRecordingStore(db, clock);
        RecordingIntake intake = new RecordingIntake(recordings, blobs, decoder, () -> {}, clock, Long.MAX_VALUE);
        ResultsFile collected = results.isPresent() ? ResultsFile.open(results.get(), json) : null;
        Map<String, String> pending = new LinkedHashMap<>(); // recording -> file
        boolean failed = false;
        try {
            for (Path file : files) {
                String shown = file.toString();
                if (collected != null && collected.has(shown)) {
                    continue; // analysed by an earlier run
                }
                try (InputStream content = Files.newInputStream(file)) {
                    Recording queued = intake.direct(upload(useCase, file), content);
                    if (blobs instanceof S3BlobStore s3) {
                        s3.dropCopy(queued.storageKey()); // the workers fetch it; an archive need not fill this disk
                    }
                    pending.put(queued.uuid(), shown);
                    out.write(out.object()
                            .put("file", shown)
                            .put("recording_uuid", queued.uuid())
                            .put("usecase_uuid", useCase.uuid())
                            .put("state", queued.state().wireName()));
                } catch (RecordingIntake.Refused e) {
                    failed = true;
                    out.write(out.object()
                            .put("file", shown)
                            .put("error", e.getMessage())
                            .put("problem", e.reason().name().toLowerCase(Locale.ROOT)));
                }
            }
            if (collected != null) {
                failed |= collect(recordings, pending, collected);
            }
        } finally {
            if (collected != null) {
                collected.close();
            }
        }
        return failed ? 1 : 0;
    }

    /** Waits for the workers; appends each result as its recording finishes. @return whether any failed */
    private boolean collect(JdbcRecordingStore recordings, Map<String, String> pending, ResultsFile collected)
            throws IOException, InterruptedException {
        JdbcResultStore stored = new JdbcResultStore(db, json);
        boolean failed = false;
        int total = pending.size();
        while (!pending.isEmpty()) {
            for (var entry : new ArrayList<>(pending.entrySet())) {
                Recording recording = recordings.find(entry.getKey()).orElseThrow();
                if (recording.state().isProcessing()) {
                    continue;
                }
                ObjectNode result =
                        json.createObjectNode().put("file", entry.getValue()).put("recording_uuid", recording.uuid());
                if (recording.state() == RecordingState.ANALYSIS_COMPLETED) {
                    stored.transcript(recording.uuid())
                            .ifPresent(t -> TranscriptJson.fill(result.putObject("transcript"), t));
                    stored.analytics(recording.uuid())
                            .ifPresent(a -> AnalyticsJson.fill(result.putObject("analytics"), a));
                } else {
                    failed = true;
                    result.put("error", recording.error());
                }
                collected.append(result);
                pending.remove(entry.getKey());
                err.println("callintel: " + (total - pending.size()) + "/" + total + " done");
            }
            if (!pending.isEmpty()) {
                Thread.sleep(POLL_MILLIS);
            }
        }
        return failed;
    }

    private UseCase useCase(JsonNode body, String name, AnalysisConfig config) {
        String org = body.path("org_uuid").asText("");
        if (!Uuids.isUuid(org)) {
            throw new CliException("with --queue, the use case file must name its org_uuid", null);
        }
        org = org.toLowerCase(Locale.ROOT);
        JdbcUseCaseStore useCases = new JdbcUseCaseStore(db, json);
        String existing = body.path("usecase_uuid").asText("");
        if (Uuids.isUuid(existing)) {
            Optional<UseCase> found = useCases.find(org, existing.toLowerCase(Locale.ROOT));
            if (found.isPresent()) {
                return found.get();
            }
        }
        Instant now = clock.instant();
        List<String> tags = new ArrayList<>();
        body.path("tags").forEach(tag -> tags.add(tag.asText()));
        UseCase created = new UseCase(
                UUID.randomUUID().toString(),
                org,
                body.path("usecase_name").asText(name),
                body.path("usecase_desc").asText(""),
                tags,
                List.of(),
                config,
                now,
                now);
        useCases.create(created);
        return created;
    }

    private RecordingIntake.Upload upload(UseCase useCase, Path file) {
        String fileName = file.getFileName().toString();
        String extension = AudioFileNames.audioExtension(fileName).orElse("bin");
        ObjectNode metadata =
                json.createObjectNode().put("usecase_uuid", useCase.uuid()).put("source_file", file.toString());
        return new RecordingIntake.Upload(
                useCase.org(),
                CLIENT,
                "default",
                fileName,
                extension,
                "application/octet-stream",
                new RecordingIntake.Metadata(
                        metadata.toString(),
                        Optional.of(useCase.uuid()),
                        LocalDate.now(clock),
                        Optional.empty(),
                        ProcessingHints.NONE));
    }
}
