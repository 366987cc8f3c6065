package io.callintel.server.service;

import io.callintel.core.store.RecordingStore;
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

    /** @return false when the recording is not finished (analysed or failed); then nothing changed */
    public boolean reprocess(String uuid) {
        if (!recordings.reprocess(uuid)) {
            return false;
        }
        // A worker needs seconds of recognition before it indexes the recording anew, so this comes first.
        unindex.accept(uuid);
        queued.run();
        return true;
    }
}
