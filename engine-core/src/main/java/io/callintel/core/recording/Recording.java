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
 * @param hints      what the metadata tells the processing (agent channel, speaker count), typed at upload
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
        Instant updatedAt,
        ProcessingHints hints) {

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
        Objects.requireNonNull(hints, "hints");
    }

    /**
     * Where the audio with its personal data toned out is kept, once its use case redacts audio: WAV, beside the
     * original's key. The original is deleted once this is written.
     */
    public String redactedAudioKey() {
        return storageKey + ".redacted.wav";
    }

    /** A new recording, to be filled in: every other field has the default of a fresh upload. */
    public static Builder builder(String uuid, String org) {
        return new Builder(uuid, org);
    }

    /** This recording as a builder, to change a few fields. */
    public Builder toBuilder() {
        return new Builder(uuid, org)
                .usecase(usecase)
                .client(clientName, clientProfile)
                .file(fileName, fileSize, contentType)
                .storageKey(storageKey)
                .metadata(metadata, callDate, callType)
                .state(state, error)
                .attempts(attempts)
                .audio(audio)
                .times(createdAt, updatedAt)
                .hints(hints);
    }

    /** Builds a {@link Recording}; {@code storageKey}, {@code callDate} and the times have no default. */
    public static final class Builder {
        private final String uuid;
        private final String org;
        private Optional<String> usecase = Optional.empty();
        private String clientName = "";
        private String clientProfile = "";
        private String fileName = "";
        private long fileSize;
        private String contentType = "application/octet-stream";
        private String storageKey;
        private String metadata = "{}";
        private LocalDate callDate;
        private Optional<String> callType = Optional.empty();
        private RecordingState state = RecordingState.AWAITING_UPLOAD;
        private String error = "";
        private int attempts;
        private Optional<AudioFile> audio = Optional.empty();
        private Instant createdAt;
        private Instant updatedAt;
        private ProcessingHints hints = ProcessingHints.NONE;

        private Builder(String uuid, String org) {
            this.uuid = uuid;
            this.org = org;
        }

        public Builder usecase(Optional<String> usecase) {
            this.usecase = usecase;
            return this;
        }

        public Builder client(String name, String profile) {
            this.clientName = name;
            this.clientProfile = profile;
            return this;
        }

        public Builder file(String name, long size, String type) {
            this.fileName = name;
            this.fileSize = size;
            this.contentType = type;
            return this;
        }

        public Builder storageKey(String storageKey) {
            this.storageKey = storageKey;
            return this;
        }

        /** The metadata as the client sent it, and the two fields read from it that listings filter on. */
        public Builder metadata(String json, LocalDate callDate, Optional<String> callType) {
            this.metadata = json;
            this.callDate = callDate;
            this.callType = callType;
            return this;
        }

        public Builder state(RecordingState state, String error) {
            this.state = state;
            this.error = error;
            return this;
        }

        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        public Builder audio(Optional<AudioFile> audio) {
            this.audio = audio;
            return this;
        }

        public Builder times(Instant createdAt, Instant updatedAt) {
            this.createdAt = createdAt;
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder hints(ProcessingHints hints) {
            this.hints = hints;
            return this;
        }

        public Recording build() {
            return new Recording(
                    uuid,
                    org,
                    usecase,
                    clientName,
                    clientProfile,
                    fileName,
                    fileSize,
                    contentType,
                    storageKey,
                    metadata,
                    callDate,
                    callType,
                    state,
                    error,
                    attempts,
                    audio,
                    Objects.requireNonNull(createdAt, "createdAt"),
                    Objects.requireNonNull(updatedAt, "updatedAt"),
                    hints);
        }
    }
}
