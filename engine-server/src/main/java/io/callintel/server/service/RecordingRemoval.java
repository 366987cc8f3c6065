package io.callintel.server.service;

import io.callintel.core.recording.Recording;
import io.callintel.core.store.BlobStore;
import io.callintel.core.store.RecordingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deleting recordings for good: the database's rows (one transaction), then the audio and the search index's
 * entries. Used by the API's DELETE and by the retention sweep.
 */
public final class RecordingRemoval {

    private static final Logger LOG = Logger.getLogger(RecordingRemoval.class.getName());
    private static final int BATCH = 200;

    private final RecordingStore recordings;
    private final BlobStore blobs;
    private final Consumer<String> unindex;

    /**
     * @param recordings the store, observed by the summaries (they forget the deleted recording's use case)
     * @param unindex    takes a recording out of search
     */
    public RecordingRemoval(RecordingStore recordings, BlobStore blobs, Consumer<String> unindex) {
        this.recordings = recordings;
        this.blobs = blobs;
        this.unindex = unindex;
    }

    /**
     * @return false when the organisation has no such recording
     * @throws RecordingStore.InProgress when a worker holds it
     */
    public boolean remove(String org, String uuid) {
        var deleted = recordings.delete(org, uuid);
        deleted.ifPresent(this::removeOutsideTheDatabase);
        return deleted.isPresent();
    }

    /**
     * Deletes the organisation's recordings uploaded before {@code cutoff}; those in processing are left for the next
     * sweep.
     *
     * @return how many were deleted
     */
    public int purge(String org, Instant cutoff) {
        int deleted = 0;
        for (var batch = recordings.createdBefore(org, cutoff, BATCH); !batch.isEmpty(); ) {
            int before = deleted;
            for (String uuid : batch) {
                try {
                    deleted += remove(org, uuid) ? 1 : 0;
                } catch (RecordingStore.InProgress e) {
                    // its worker finishes it first; the next sweep deletes it
                }
            }
            if (deleted == before) {
                break; // only recordings in processing are left
            }
            batch = recordings.createdBefore(org, cutoff, BATCH);
        }
        return deleted;
    }

    private void removeOutsideTheDatabase(Recording recording) {
        unindex.accept(recording.uuid());
        try {
            blobs.delete(recording.storageKey());
            blobs.delete(recording.redactedAudioKey());
        } catch (IOException | UncheckedIOException e) {
            // The rows are gone: no URL can reach the file any more. Left on disk, it is logged for the operator.
            LOG.log(Level.WARNING, "could not delete the audio of deleted recording " + recording.uuid(), e);
        }
    }
}
