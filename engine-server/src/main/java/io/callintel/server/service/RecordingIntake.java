package io.callintel.server.service;

import io.callintel.core.audio.AudioDecodeException;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.MediaInfo;
import io.callintel.core.recording.AudioFile;
import io.callintel.core.recording.ProcessingHints;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.store.BlobStore;
import io.callintel.core.store.RecordingStore;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes recordings in: names where each file is kept, stores its bytes (synced before anything is answered),
 * probes what they are, creates the recording and queues it once its file is in. The upload handlers only
 * read requests and write responses; what they checked arrives here typed ({@link Upload}).
 */
public final class RecordingIntake {

    /** An upload as the caller checked it: who sends it, what the file says it is, and its metadata. */
    public record Upload(
            String org,
            String client,
            String profile,
            String fileName,
            String extension,
            String contentType,
            Metadata metadata) {}

    /**
     * An upload's metadata, parsed once.
     *
     * @param json    the client's object as sent (with {@code usecase_uuid} when the upload named one)
     * @param useCase the use case it is for, already found in the caller's organization
     */
    public record Metadata(
            String json,
            Optional<String> useCase,
            LocalDate callDate,
            Optional<String> callType,
            ProcessingHints hints) {}

    /** Why an upload was not taken; the HTTP layer gives each its status. */
    public static final class Refused extends RuntimeException {

        /** What went wrong. */
        public enum Reason {
            NOT_FOUND,
            ALREADY_UPLOADED,
            IN_PROGRESS,
            SIZE_MISMATCH,
            TOO_LARGE,
            INTERRUPTED,
            NOT_AUDIO
        }

        private final Reason reason;
        private final String field;

        Refused(Reason reason, String message, String field) {
            super(message);
            this.reason = reason;
            this.field = field;
        }

        public Reason reason() {
            return reason;
        }

        /** The request field at fault, or null. */
        public String field() {
            return field;
        }
    }

    private final RecordingStore recordings;
    private final BlobStore blobs;
    private final AudioDecoder decoder;
    private final Runnable queued;
    private final Clock clock;
    private final long maxFileSize;
    /** Recordings whose upload is being received: a second upload to the same link meanwhile is refused. */
    private final Set<String> receiving = ConcurrentHashMap.newKeySet();

    /**
     * @param recordings  the store; creations and uploads are reported from it (see {@link Summaries#observing})
     * @param queued      told when a recording is ready for processing (wakes a worker)
     * @param maxFileSize the largest file taken, in bytes
     */
    public RecordingIntake(
            RecordingStore recordings,
            BlobStore blobs,
            AudioDecoder decoder,
            Runnable queued,
            Clock clock,
            long maxFileSize) {
        this.recordings = recordings;
        this.blobs = blobs;
        this.decoder = decoder;
        this.queued = queued;
        this.clock = clock;
        this.maxFileSize = maxFileSize;
    }

    /** The presigned flow's first step: a recording that awaits its file of {@code fileSize} bytes. */
    public Recording awaitUpload(Upload upload, long fileSize) {
        String uuid = UUID.randomUUID().toString();
        Recording recording = recording(uuid, upload)
                .file(upload.fileName(), fileSize, upload.contentType())
                .state(RecordingState.AWAITING_UPLOAD, "")
                .build();
        recordings.create(recording);
        return recording;
    }

    /**
     * The presigned flow's second step: the file of a recording that awaits it.
     *
     * @param declaredLength the request's length in bytes, or -1 when it did not say
     */
    public Recording receive(String uuid, long declaredLength, InputStream body) throws IOException {
        Recording recording = recordings
                .find(uuid)
                .orElseThrow(() -> new Refused(Refused.Reason.NOT_FOUND, "Recording not found", null));
        if (recording.state() != RecordingState.AWAITING_UPLOAD) {
            throw new Refused(Refused.Reason.ALREADY_UPLOADED, "This recording was already uploaded", null);
        }
        if (declaredLength >= 0 && declaredLength != recording.fileSize()) {
            throw mismatch(declaredLength, recording.fileSize());
        }
        if (!receiving.add(uuid)) {
            throw new Refused(Refused.Reason.IN_PROGRESS, "An upload to this URL is already in progress", null);
        }
        try {
            long written = store(
                    recording.storageKey(),
                    body,
                    recording.fileSize(),
                    "file_size",
                    n -> mismatch(n, recording.fileSize()));
            if (written != recording.fileSize()) {
                blobs.delete(recording.storageKey());
                throw mismatch(written, recording.fileSize());
            }
            recordings.uploaded(uuid, probe(recording.storageKey()));
        } finally {
            receiving.remove(uuid);
        }
        queued.run();
        return recordings.find(uuid).orElseThrow();
    }

    /**
     * A failed recording queued again from the start, its attempts reset; the workers are woken.
     *
     * @return the recording as queued, before a worker takes it; empty when it is not failed
     */
    public Optional<Recording> retry(String uuid) {
        if (!recordings.requeue(uuid)) {
            return Optional.empty();
        }
        Optional<Recording> requeued = recordings.find(uuid);
        queued.run();
        return requeued;
    }

    /** A direct upload: stored, probed, created and queued at once. */
    public Recording direct(Upload upload, InputStream content) throws IOException {
        String uuid = UUID.randomUUID().toString();
        String key = storageKey(upload, uuid);
        long written = store(key, content, maxFileSize, "file", n -> tooLarge("file"));
        AudioFile audio = probe(key);
        Recording recording = recording(uuid, upload)
                .file(upload.fileName(), written, upload.contentType())
                .state(RecordingState.INITIATED, "")
                .audio(Optional.of(audio))
                .build();
        recordings.create(recording);
        queued.run();
        return recording;
    }

    private Refused tooLarge(String field) {
        return new Refused(Refused.Reason.TOO_LARGE, "File too large: the limit is " + maxFileSize + " bytes", field);
    }

    private Recording.Builder recording(String uuid, Upload upload) {
        Instant now = clock.instant();
        Metadata metadata = upload.metadata();
        return Recording.builder(uuid, upload.org())
                .usecase(metadata.useCase())
                .client(upload.client(), upload.profile())
                .storageKey(storageKey(upload, uuid))
                .metadata(metadata.json(), metadata.callDate(), metadata.callType())
                .hints(metadata.hints())
                .times(now, now);
    }

    private interface Overflow {
        Refused refusal(long written);
    }

    private long store(String key, InputStream content, long maxBytes, String field, Overflow overflow)
            throws IOException {
        try {
            return blobs.write(key, content, maxBytes);
        } catch (BlobStore.BlobTooLargeException e) {
            throw overflow.refusal(maxBytes + 1);
        } catch (EOFException e) {
            // The client went away mid-upload: nothing was stored. (Disk errors stay server errors.)
            throw new Refused(
                    Refused.Reason.INTERRUPTED,
                    "The upload was interrupted before it completed: nothing was stored",
                    field);
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
            throw new Refused(Refused.Reason.NOT_AUDIO, "Unsupported or unreadable audio: " + e.getMessage(), "file");
        }
    }

    private static Refused mismatch(long got, long declared) {
        return new Refused(
                Refused.Reason.SIZE_MISMATCH,
                "The upload has " + got + " bytes but file_size declared " + declared
                        + ": request a new link with the right size",
                "file_size");
    }

    /** {@code client_name/client_profile/recordings/uuid.ext}. */
    private static String storageKey(Upload upload, String uuid) {
        return upload.client() + "/" + upload.profile() + "/recordings/" + uuid + "." + upload.extension();
    }
}
