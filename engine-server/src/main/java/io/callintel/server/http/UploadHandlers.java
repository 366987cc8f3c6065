package io.callintel.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.audio.NoiseReductionMode;
import io.callintel.core.recording.ProcessingHints;
import io.callintel.core.recording.Recording;
import io.callintel.core.store.UseCaseStore;
import io.callintel.core.usecase.UseCase;
import io.callintel.server.auth.UrlSigner;
import io.callintel.server.service.RecordingIntake;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Uploads over HTTP: the presigned two-step flow (create-upload-link, then PUT to the link) and direct
 * multipart upload. These read and check the request and write the response; storing, probing, creating and
 * queueing the recording is the {@link RecordingIntake}'s, which answers only once the file is synced, its
 * format checked and its row committed.
 */
final class UploadHandlers {

    static final String UPLOAD_PATH = "/presigned/upload/";

    private final UseCaseStore useCases;
    private final RecordingIntake intake;
    private final UrlSigner signer;
    private final ObjectMapper json;
    private final Views views;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final UploadRules rules;
    private final Duration linkValidity;

    UploadHandlers(
            UseCaseStore useCases,
            RecordingIntake intake,
            UrlSigner signer,
            ObjectMapper json,
            Views views,
            PublicUrl publicUrl,
            Clock clock,
            Limits limits) {
        this.useCases = useCases;
        this.intake = intake;
        this.signer = signer;
        this.json = json;
        this.views = views;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.rules = new UploadRules(limits.maxUploadBytes());
        this.linkValidity = limits.uploadLinkValidity();
    }

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
        RecordingIntake.Metadata metadata =
                metadata(org, body.optionalObject("metadata").orElse(json.createObjectNode()), Optional.empty());

        Recording recording = intake.awaitUpload(
                new RecordingIntake.Upload(org, client, profile, fileName, extension, contentType, metadata), fileSize);
        String uuid = recording.uuid();
        UrlSigner.Signed signed = signer.sign("PUT", UPLOAD_PATH + uuid, linkValidity);
        ObjectNode response = views.object()
                .put("recording_uuid", uuid)
                .put("upload_url", publicUrl.get() + UPLOAD_PATH + uuid + "?" + signed.query())
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
        ctx.json(accepted(intake.receive(uuid, ctx.req().getContentLengthLong(), ctx.bodyInputStream())));
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
        RecordingIntake.Metadata metadata = metadata(org, metadataField(ctx.formParam("metadata")), useCaseField);
        String contentType = file.contentType() == null ? "application/octet-stream" : file.contentType();
        Recording recording;
        try (InputStream content = file.content()) {
            recording = intake.direct(
                    new RecordingIntake.Upload(org, client, profile, fileName, extension, contentType, metadata),
                    content);
        }
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

    /** The metadata object, checked and typed; the use case it names must be the caller's. */
    private RecordingIntake.Metadata metadata(String org, ObjectNode raw, Optional<String> useCaseOverride) {
        JsonBody fields = JsonBody.of(raw, "metadata.");
        Optional<String> useCaseUuid = useCaseOverride.or(() -> fields.optionalUuid("usecase_uuid"));
        Optional<UseCase> useCase =
                useCaseUuid.map(uuid -> useCases.find(org, uuid).orElseThrow(() -> ApiError.notFound("Use case")));
        useCaseUuid.ifPresent(uuid -> raw.put("usecase_uuid", uuid));
        LocalDate callDate =
                fields.optionalDate("call_date").orElse(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        Optional<String> callType = fields.optionalText("call_type");
        OptionalInt agentChannel = integer(fields.optionalLong("agent_channel"));
        agentChannel.stream().filter(c -> c < 0 || c > 1).findAny().ifPresent(c -> {
            throw ApiError.badRequest("metadata.agent_channel", "metadata.agent_channel must be 0 (left) or 1 (right)");
        });
        OptionalInt speakers = integer(fields.optionalLong("speakers"));
        speakers.stream().filter(n -> n < 1 || n > 10).findAny().ifPresent(n -> {
            throw ApiError.badRequest("metadata.speakers", "metadata.speakers must be 1..10");
        });
        Optional<NoiseReductionMode> noiseReduction = fields.optionalText("noise_reduction")
                .map(name -> {
                    try {
                        return NoiseReductionMode.fromWireName(name);
                    } catch (IllegalArgumentException e) {
                        throw ApiError.badRequest(
                                "metadata.noise_reduction", "metadata.noise_reduction " + e.getMessage());
                    }
                });
        return new RecordingIntake.Metadata(
                raw.toString(),
                useCase.map(UseCase::uuid),
                callDate,
                callType,
                new ProcessingHints(agentChannel, speakers, noiseReduction));
    }

    private static OptionalInt integer(Optional<Long> value) {
        return value.filter(v -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE)
                .map(v -> OptionalInt.of(v.intValue()))
                .orElse(OptionalInt.empty());
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
}
