package io.callintel.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.audio.AudioDecodeException;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.MediaInfo;
import io.callintel.core.recording.AudioFile;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.store.BlobStore;
import io.callintel.core.store.RecordingStore;
import io.callintel.core.store.UseCaseStore;
import io.callintel.core.usecase.UseCase;
import io.callintel.server.auth.UrlSigner;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uploads: the presigned two-step flow (create-upload-link, then PUT to the link) and direct
 * multipart upload. An upload is answered with success only once the file is synced to disk, its
 * format checked and its row committed; then it is queued for processing.
 */
final class UploadHandlers {

    static final String UPLOAD_PATH = "/presigned/upload/";

    private final UseCaseStore useCases;
    private final RecordingStore recordings;
    private final BlobStore blobs;
    private final AudioDecoder decoder;
    private final UrlSigner signer;
    private final Runnable queued;
    private final ObjectMapper json;
    private final Views views;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final UploadRules rules;
    private final Duration linkValidity;
    /** Recordings whose upload is being received: a second PUT to the same link meanwhile is refused. */
    private final Set<String> receiving = ConcurrentHashMap.newKeySet();

    /** @param queued told when a recording is ready for processing (wakes a worker) */
    UploadHandlers(
            UseCaseStore useCases,
            RecordingStore recordings,
            BlobStore blobs,
            AudioDecoder decoder,
            UrlSigner signer,
            Runnable queued,
            ObjectMapper json,
            Views views,
            PublicUrl publicUrl,
            Clock clock,
            Limits limits) {
        this.useCases = useCases;
        this.recordings = recordings;
        this.blobs = blobs;
        this.decoder = decoder;
        this.signer = signer;
        this.queued = queued;
        this.json = json;
        this.views = views;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.rules = new UploadRules(limits.maxUploadBytes());
        this.linkValidity = limits.uploadLinkValidity();
    }

    /** What an upload's metadata says, checked. */
    private record Metadata(ObjectNode raw, Optional<UseCase> useCase, LocalDate callDate, Optional<String> callType) {}

    void createLink(Context ctx) {
        String org = Caller.org(ctx);
        String client = UploadRules.pathName(ctx.pathParam("client_name"), "client_name");
        String profile = UploadRules.pathName(ctx.pathParam("client_profile"), "client_profile");
        JsonBody body = JsonBody.parse(json, ctx.body());
        String fileName = body.requiredText("file_name");
        long fileSize = body.optionalLong("file_size")
                .orElseThrow(() -> ApiError.badRequest("file_size", "file_size is required"));
        String contentType = body.requiredText("content_type");
        String extension = UploadRules.extension(fileName);
        UploadRules.contentType(contentType, "content_type");
        rules.size(fileSize, "file_size");
        Metadata metadata =
                metadata(org, body.optionalObject("metadata").orElse(json.createObjectNode()), Optional.empty());

        Instant now = clock.instant();
        String uuid = UUID.randomUUID().toString();
        Recording recording = new Recording(
                uuid,
                org,
                metadata.useCase().map(UseCase::uuid),
                client,
                profile,
                fileName,
                fileSize,
                contentType,
                storageKey(client, profile, uuid, extension),
                metadata.raw().toString(),
                metadata.callDate(),
                metadata.callType(),
                RecordingState.AWAITING_UPLOAD,
                "",
                0,
                Optional.empty(),
                now,
                now);
        recordings.create(recording);

        UrlSigner.Signed signed = signer.sign("PUT", UPLOAD_PATH + uuid, linkValidity);
        ObjectNode response = views.object()
                .put("recording_uuid", uuid)
                .put("upload_url", publicUrl.of(ctx) + UPLOAD_PATH + uuid + "?" + signed.query())
                .put("method", "PUT")
                .put("s3_key", recording.storageKey())
                .put("expires_at", signed.expires().toString())
                .put("expires_in", linkValidity.toSeconds());
        response.putObject("headers").put("Content-Type", contentType);
        ctx.status(201).json(response);
    }

    /** The presigned PUT: no token, the URL's signature is the authority. */
    void receive(Context ctx) throws IOException {
        String uuid = ctx.pathParam("recording_uuid");
        switch (signer.verify("PUT", UPLOAD_PATH + uuid, ctx.queryParam("expires"), ctx.queryParam("signature"))) {
            case INVALID ->
                throw new ApiError(403, "forbidden", "The upload URL is invalid (its signature does not match)", null);
            case EXPIRED -> throw new ApiError(403, "expired", "The upload URL has expired: request a new one", null);
            case VALID -> {}
        }
        Recording recording = recordings.find(uuid).orElseThrow(() -> ApiError.notFound("Recording"));
        if (recording.state() != RecordingState.AWAITING_UPLOAD) {
            throw new ApiError(409, "conflict", "This recording was already uploaded", null);
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared >= 0 && declared != recording.fileSize()) {
            throw mismatch(declared, recording.fileSize());
        }
        if (!receiving.add(uuid)) {
            throw new ApiError(409, "conflict", "An upload to this URL is already in progress", null);
        }
        try {
            long written = store(
                    recording.storageKey(),
                    ctx.bodyInputStream(),
                    recording.fileSize(),
                    "file_size",
                    n -> mismatch(n, recording.fileSize()));
            if (written != recording.fileSize()) {
                blobs.delete(recording.storageKey());
                throw mismatch(written, recording.fileSize());
            }
            AudioFile audio = probe(recording.storageKey());
            recordings.uploaded(uuid, audio);
        } finally {
            receiving.remove(uuid);
        }
        queued.run();
        ctx.json(accepted(recordings.find(uuid).orElseThrow()));
    }

    void direct(Context ctx) throws IOException {
        String org = Caller.org(ctx);
        String client = UploadRules.pathName(ctx.pathParam("client_name"), "client_name");
        String profile = UploadRules.pathName(ctx.pathParam("client_profile"), "client_profile");
        if (ctx.req().getContentLengthLong() > rules.maxFileSize() + 1_048_576) {
            throw rules.tooLarge("file"); // refuse before reading a whole file we would throw away
        }
        UploadedFile file = multipartFile(ctx);
        if (file == null) {
            throw ApiError.badRequest("file", "file is required (multipart/form-data field 'file')");
        }
        String fileName = file.filename() == null || file.filename().isBlank() ? "upload" : file.filename();
        String extension = UploadRules.extension(fileName);
        if (file.contentType() != null) {
            UploadRules.contentType(file.contentType(), "file");
        }
        rules.size(file.size(), "file");
        Optional<String> useCaseField = Optional.ofNullable(ctx.formParam("usecase_uuid"))
                .filter(s -> !s.isBlank())
                .map(s -> JsonBody.uuid("usecase_uuid", s.trim()));
        Metadata metadata = metadata(org, metadataField(ctx.formParam("metadata")), useCaseField);

        String uuid = UUID.randomUUID().toString();
        String key = storageKey(client, profile, uuid, extension);
        long written;
        try (InputStream content = file.content()) {
            written = store(key, content, rules.maxFileSize(), "file", n -> rules.tooLarge("file"));
        }
        AudioFile audio = probe(key);
        Instant now = clock.instant();
        Recording recording = new Recording(
                uuid,
                org,
                metadata.useCase().map(UseCase::uuid),
                client,
                profile,
                fileName,
                written,
                file.contentType() == null ? "application/octet-stream" : file.contentType(),
                key,
                metadata.raw().toString(),
                metadata.callDate(),
                metadata.callType(),
                RecordingState.INITIATED,
                "",
                0,
                Optional.of(audio),
                now,
                now);
        recordings.create(recording);
        queued.run();
        ctx.status(201).json(accepted(recording));
    }

    /** Jetty parses the multipart body on first access, spooling big parts to disk; its failures become our errors. */
    private UploadedFile multipartFile(Context ctx) {
        if (!ctx.isMultipartFormData()) {
            throw ApiError.badRequest("file", "file is required: send multipart/form-data with a 'file' field");
        }
        try {
            return ctx.uploadedFile("file");
        } catch (Exception e) { // Jetty's ServletException arrives undeclared through Kotlin code
            if (e instanceof ApiError) {
                throw (ApiError) e;
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (message.contains("size") || message.contains("exceed") || message.contains("too large")) {
                    throw rules.tooLarge("file");
                }
            }
            throw ApiError.badRequest("file", "Malformed multipart/form-data body");
        }
    }

    private ObjectNode accepted(Recording recording) {
        return views.object()
                .put("recording_uuid", recording.uuid())
                .put("usecase_uuid", recording.usecase().orElse(null))
                .put("state", recording.state().wireName())
                .put("file_name", recording.fileName())
                .put("file_size", recording.fileSize())
                .put("s3_key", recording.storageKey())
                .put("message", "Upload complete: the recording is queued for transcription and analysis");
    }

    private interface Overflow {
        ApiError error(long written);
    }

    private long store(String key, InputStream content, long maxBytes, String field, Overflow overflow)
            throws IOException {
        try {
            return blobs.write(key, content, maxBytes);
        } catch (BlobStore.BlobTooLargeException e) {
            throw overflow.error(maxBytes + 1);
        } catch (org.eclipse.jetty.io.EofException e) {
            // The client went away mid-upload: nothing was stored. (Disk errors stay 500s.)
            throw ApiError.badRequest(field, "The upload was interrupted before it completed: nothing was stored");
        }
    }

    /** Reads the stored file's headers: anything FFmpeg cannot read as audio is refused and removed. */
    private AudioFile probe(String key) throws IOException {
        Path file = blobs.file(key).orElseThrow();
        try {
            MediaInfo info = decoder.probe(file);
            if (info.channels() < 1) {
                throw new AudioDecodeException(AudioDecodeException.Problem.NO_AUDIO_STREAM, "the file has no audio");
            }
            return new AudioFile(
                    info.format(), info.codec(), info.sampleRate(), info.channels(), info.durationSeconds());
        } catch (AudioDecodeException e) {
            blobs.delete(key);
            throw new ApiError(
                    415, "unsupported_media_type", "Unsupported or unreadable audio: " + e.getMessage(), "file");
        }
    }

    private Metadata metadata(String org, ObjectNode raw, Optional<String> useCaseOverride) {
        JsonBody fields = JsonBody.of(raw, "metadata.");
        Optional<String> useCaseUuid = useCaseOverride.or(() -> fields.optionalUuid("usecase_uuid"));
        Optional<UseCase> useCase =
                useCaseUuid.map(uuid -> useCases.find(org, uuid).orElseThrow(() -> ApiError.notFound("Use case")));
        useCaseUuid.ifPresent(uuid -> raw.put("usecase_uuid", uuid));
        LocalDate callDate =
                fields.optionalDate("call_date").orElse(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        Optional<String> callType = fields.optionalText("call_type");
        fields.optionalLong("agent_channel").filter(c -> c < 0 || c > 1).ifPresent(c -> {
            throw ApiError.badRequest("metadata.agent_channel", "metadata.agent_channel must be 0 (left) or 1 (right)");
        });
        fields.optionalLong("speakers").filter(n -> n < 1 || n > 10).ifPresent(n -> {
            throw ApiError.badRequest("metadata.speakers", "metadata.speakers must be 1..10");
        });
        return new Metadata(raw, useCase, callDate, callType);
    }

    private ObjectNode metadataField(String text) {
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode parsed = json.readTree(text);
            if (parsed instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // falls through to the error
        }
        throw ApiError.badRequest("metadata", "Metadata must be a valid JSON string");
    }

    private static ApiError mismatch(long got, long declared) {
        return ApiError.badRequest(
                "file_size",
                "The upload has " + got + " bytes but file_size declared " + declared
                        + ": request a new link with the right size");
    }

    private static String storageKey(String client, String profile, String uuid, String extension) {
        return client + "/" + profile + "/recordings/" + uuid + "." + extension;
    }
}
