package io.callintel.core.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One call recording and where it is in processing.
 *
 * @param usecase    the use case whose questions it answers; empty for a recording uploaded without one
 * @param storageKey {@code client_name/client_profile/recordings/uuid.ext}: where the blob store keeps the audio
 * @param metadata   the upload's metadata object as JSON text, kept as the client sent it
 * @param callDate   the metadata's {@code call_date}, or the upload day when it has none: what date filters use
 * @param callType   the metadata's {@code call_type}, when given
 * @param error      why it failed; empty unless {@link RecordingState#FAILED}
 * @param attempts   processing attempts started, counting retries after transient errors
 * @param audio      what the file is; empty until it has arrived
 */
public record Recording(
        String uuid,
        String org,
        Optional<String> usecase,
        String clientName,
        String clientProfile,
        String fileName,
        long fileSize,
        String contentType,
        String storageKey,
        String metadata,
        LocalDate callDate,
        Optional<String> callType,
        RecordingState state,
        String error,
        int attempts,
        Optional<AudioFile> audio,
        Instant createdAt,
        Instant updatedAt) {

    public Recording {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(usecase, "usecase");
        Objects.requireNonNull(storageKey, "storageKey");
        metadata = metadata == null || metadata.isBlank() ? "{}" : metadata;
        Objects.requireNonNull(callDate, "callDate");
        Objects.requireNonNull(callType, "callType");
        Objects.requireNonNull(state, "state");
        error = error == null ? "" : error;
        Objects.requireNonNull(audio, "audio");
    }
}
