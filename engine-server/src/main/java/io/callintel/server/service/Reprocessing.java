package io.callintel.server.service;

import io.callintel.core.recording.Recording;
import io.callintel.core.store.RecordingStore;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A finished recording processed again under its use case's settings now: after its questions, buckets or redaction
 * changed. Its transcript, analytics and search entries go at once, so a redaction switched on leaves none of the
 * words it hides readable while the recording waits in the queue. A recording whose audio was redacted is heard again
 * from the redacted audio: the original is gone.
 */
public final class Reprocessing {

    private final RecordingStore recordings;
    private final Consumer<String> unindex;
    private final Runnable queued;

    /**
     * @param unindex takes a recording out of search
     * @param queued  wakes the workers
     */
    public Reprocessing(RecordingStore recordings, Consumer<String> unindex, Runnable queued) {
        this.recordings = recordings;
        this.unindex = unindex;
        this.queued = queued;
    }

    /**
     * Every finished recording of the use case, each as by {@link #reprocess(String)}; those in processing are left
     * as they are (they already take the settings now).
     *
     * @return how many were queued
     */
    public int reprocessAll(String org, String useCase) {
        int queued = 0;
        for (String uuid : recordings.finished(org, useCase)) {
            queued += reprocess(uuid).isPresent() ? 1 : 0;
        }
        return queued;
    }

    /**
     * @return the recording as queued, before a worker takes it; empty when it is not finished (analysed or failed),
     *     and then nothing changed
     */
    public Optional<Recording> reprocess(String uuid) {
        if (!recordings.reprocess(uuid)) {
            return Optional.empty();
        }
        // A worker needs seconds of recognition before it indexes the recording anew, so this comes first.
        unindex.accept(uuid);
        Optional<Recording> requeued = recordings.find(uuid);
        queued.run();
        return requeued;
    }
}
