package io.callintel.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.store.BlobStore;
import io.callintel.core.store.Page;
import io.callintel.core.store.RecordingQuery;
import io.callintel.core.store.RecordingStore;
import io.callintel.core.store.ResultStore;
import io.callintel.core.store.UseCaseStore;
import io.callintel.core.usecase.UseCase;
import io.callintel.engine.json.AnalyticsJson;
import io.callintel.engine.json.TranscriptJson;
import io.callintel.server.auth.UrlSigner;
import io.callintel.server.service.Corrections;
import io.callintel.server.service.RecordingIntake;
import io.callintel.server.service.Reprocessing;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/** Listing recordings, their details, transcripts and analytics, and their audio by presigned URL. */
final class RecordingHandlers {

    static final String AUDIO_PATH = "/presigned/audio/";

    private final UseCaseStore useCases;
    private final RecordingStore recordings;
    private final RecordingIntake intake;
    private final ResultStore results;
    private final BlobStore blobs;
    private final UrlSigner signer;
    private final ObjectMapper json;
    private final Views views;
    private final PublicUrl publicUrl;
    private final Duration audioUrlValidity;
    private final Corrections corrections;
    private final Reprocessing reprocessing;

    RecordingHandlers(
            UseCaseStore useCases,
            RecordingStore recordings,
            ResultStore results,
            BlobStore blobs,
            UrlSigner signer,
            ObjectMapper json,
            Views views,
            PublicUrl publicUrl,
            Duration audioUrlValidity,
            Corrections corrections,
            RecordingIntake intake,
            Reprocessing reprocessing) {
        this.useCases = useCases;
        this.recordings = recordings;
        this.intake = intake;
        this.reprocessing = reprocessing;
        this.results = results;
        this.blobs = blobs;
        this.signer = signer;
        this.json = json;
        this.views = views;
        this.publicUrl = publicUrl;
        this.audioUrlValidity = audioUrlValidity;
        this.corrections = corrections;
    }

    /**
     * The org's recordings, a page at a time: of one use case, of those carrying a tag, or of all (recordings whose
     * use case is gone included); filtered by state, call dates, bucket and answer, in the order asked for.
     */
    void list(Context ctx) {
        String org = Caller.org(ctx);
        JsonBody body = JsonBody.parse(json, ctx.body());
        Optional<UseCase> useCase = body.optionalUuid("usecase_uuid")
                .map(uuid -> useCases.find(org, uuid).orElseThrow(() -> ApiError.notFound("Use case")));
        Optional<RecordingState> state = body.optionalText("state").map(RecordingHandlers::state);
        DateRange dates = DateRange.of(body);
        Optional<String> bucket = body.optionalText("bucket");
        bucket.ifPresent(name -> useCase.ifPresent(u -> ListFilters.requireBucket(u, name)));
        Optional<RecordingQuery.Answer> answer = ListFilters.answer(body);
        answer.ifPresent(a -> useCase.ifPresent(u -> ListFilters.requireQuestion(u, a.question())));
        RecordingQuery query = new RecordingQuery(
                org,
                ListFilters.useCases(useCases, org, useCase, body.optionalText("tag")),
                state,
                dates.from(),
                dates.to(),
                bucket,
                answer,
                ListFilters.sort(body),
                Paging.fromBody(body, 10));
        Page<Recording> page = recordings.list(query);
        ctx.json(views.page(
                        page,
                        "recordings",
                        page.items().stream().map(views::recording).toList())
                .put("usecase_uuid", useCase.map(UseCase::uuid).orElse(null)));
    }

    /** A failed recording back in the queue, from the start, its attempts reset. */
    void retry(Context ctx) {
        Recording recording = find(ctx, JsonBody.parse(json, ctx.body()));
        Recording requeued = intake.retry(recording.uuid())
                .orElseThrow(() -> new ApiError(
                        409,
                        "conflict",
                        "Only a failed recording can be retried; this one is "
                                + recording.state().wireName(),
                        "recording_uuid"));
        ctx.json(views.recordingDetails(requeued, recordings.history(requeued.uuid())));
    }

    /**
     * A finished recording processed again from the start under its use case's settings now (its questions, buckets
     * and redaction); what it had is deleted at once.
     */
    void reprocess(Context ctx) {
        Recording recording = find(ctx, JsonBody.parse(json, ctx.body()));
        if (recording
                .usecase()
                .filter(u -> useCases.find(recording.org(), u).isEmpty())
                .isPresent()) {
            throw new ApiError(
                    409,
                    "conflict",
                    "The recording's use case was deleted: there are no settings to process it under",
                    "recording_uuid");
        }
        Recording requeued = reprocessing
                .reprocess(recording.uuid())
                .orElseThrow(() -> new ApiError(
                        409,
                        "conflict",
                        "Only a finished recording (ANALYSIS_COMPLETED or FAILED) can be processed again; this one"
                                + " is " + recording.state().wireName(),
                        "recording_uuid"));
        ctx.json(views.recordingDetails(requeued, recordings.history(requeued.uuid())));
    }

    void details(Context ctx) {
        Recording recording = find(ctx, JsonBody.parse(json, ctx.body()));
        ctx.json(views.recordingDetails(recording, recordings.history(recording.uuid())));
    }

    /** Corrects the recording's bucket, or one of its answers; answers with all its corrections. */
    void correct(Context ctx) {
        JsonBody body = JsonBody.parse(json, ctx.body());
        Recording recording = find(ctx, body);
        var useCase = recording.usecase().flatMap(uuid -> useCases.find(recording.org(), uuid));
        try {
            ctx.json(views.corrections(
                    recording,
                    corrections.correct(
                            recording,
                            useCase,
                            body.optionalText("bucket"),
                            body.optionalText("question"),
                            body.optionalText("answer"))));
        } catch (Corrections.Invalid e) {
            throw ApiError.badRequest(e.field(), e.getMessage());
        }
    }

    void corrections(Context ctx) {
        Recording recording = find(ctx, JsonBody.parse(json, ctx.body()));
        ctx.json(views.corrections(recording, corrections.of(recording)));
    }

    /** The transcript once transcribed, the analytics once analysed; null before. */
    void transcriptAnalytics(Context ctx) {
        Recording recording = find(ctx, JsonBody.parse(json, ctx.body()));
        ObjectNode node = views.object()
                .put("recording_uuid", recording.uuid())
                .put("usecase_uuid", recording.usecase().orElse(null))
                .put("state", recording.state().wireName())
                .put("error", recording.error().isEmpty() ? null : recording.error());
        results.transcript(recording.uuid())
                .ifPresentOrElse(
                        transcript -> TranscriptJson.fill(node.putObject("transcript"), transcript),
                        () -> node.putNull("transcript"));
        results.analytics(recording.uuid())
                .filter(analytics -> recording.state() == RecordingState.ANALYSIS_COMPLETED)
                .ifPresentOrElse(
                        analytics -> AnalyticsJson.fill(node.putObject("analytics"), analytics),
                        () -> node.putNull("analytics"));
        ctx.json(node);
    }

    void audioUrl(Context ctx) {
        String org = Caller.org(ctx);
        String key = JsonBody.parse(json, ctx.body()).requiredText("s3_key");
        Recording recording = recordings
                .findByStorageKey(key)
                .filter(r -> r.org().equals(org))
                .orElseThrow(() -> ApiError.notFound("Recording"));
        if (recording.state() == RecordingState.AWAITING_UPLOAD) {
            throw new ApiError(409, "conflict", "The recording's audio has not been uploaded yet", "s3_key");
        }
        UrlSigner.Signed signed = signer.sign("GET", AUDIO_PATH + recording.uuid(), audioUrlValidity);
        ctx.json(views.object()
                .put("url", publicUrl.get() + AUDIO_PATH + recording.uuid() + "?" + signed.query())
                .put("s3_key", key)
                .put("expires_at", signed.expires().toString())
                .put("expires_in", audioUrlValidity.toSeconds()));
    }

    /** The presigned GET, with Range support so a player can seek. */
    void streamAudio(Context ctx) throws IOException {
        String uuid = ctx.pathParam("recording_uuid");
        switch (signer.verify("GET", AUDIO_PATH + uuid, ctx.queryParam("expires"), ctx.queryParam("signature"))) {
            case INVALID ->
                throw new ApiError(403, "forbidden", "The audio URL is invalid (its signature does not match)", null);
            case EXPIRED -> throw new ApiError(403, "expired", "The audio URL has expired: request a new one", null);
            case VALID -> {}
        }
        Recording recording = recordings.find(uuid).orElseThrow(() -> ApiError.notFound("Recording"));
        // once the use case's redaction replaced it, only the redacted audio is left
        Optional<Path> redacted = blobs.file(recording.redactedAudioKey());
        Path file = redacted.or(() -> blobs.file(recording.storageKey())).orElseThrow(() -> ApiError.notFound("Audio"));
        long size = Files.size(file);
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.contentType(redacted.isPresent() ? "audio/wav" : recording.contentType());
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(ctx.header("Range"), size);
        } catch (ByteRange.Unsatisfiable e) {
            ctx.header("Content-Range", "bytes */" + size);
            throw new ApiError(
                    416,
                    "range_not_satisfiable",
                    "The range starts past the end of the file (" + size + " bytes)",
                    null);
        }
        long start = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        if (range.isPresent()) {
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + start + "-" + (start + length - 1) + "/" + size);
        }
        ctx.res().setContentLengthLong(length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // Streamed straight from the file: a 100 MB recording never sits in memory.
            OutputStream out = ctx.res().getOutputStream();
            channel.transferTo(start, length, Channels.newChannel(out));
            out.flush();
        }
    }

    /** A recording of the caller's org; when the body names a use case, it must be the recording's. */
    private Recording find(Context ctx, JsonBody body) {
        String org = Caller.org(ctx);
        body.optionalUuid("org_uuid").filter(o -> !o.equals(org)).ifPresent(o -> {
            throw ApiError.notFound("Recording");
        });
        Optional<String> useCase = body.optionalUuid("usecase_uuid");
        String uuid = body.requiredUuid("recording_uuid");
        return recordings
                .find(org, uuid)
                .filter(r -> useCase.isEmpty() || r.usecase().equals(useCase))
                .orElseThrow(() -> ApiError.notFound("Recording"));
    }

    private static RecordingState state(String text) {
        try {
            return RecordingState.fromWireName(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(
                    "state",
                    "state must be one of INITIATED, TRANSCRIPTION_COMPLETED, ANALYSIS_COMPLETED, FAILED, AWAITING_UPLOAD");
        }
    }
}
