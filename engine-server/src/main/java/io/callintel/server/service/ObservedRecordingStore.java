package io.callintel.server.service;

import io.callintel.core.recording.AudioFile;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.recording.StateChange;
import io.callintel.core.store.Page;
import io.callintel.core.store.RecordingQuery;
import io.callintel.core.store.RecordingStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A recording store that tells the summaries of each recording created, each upload received and each unused
 * link deleted, once the store has committed it. Processing steps are told by the pipeline, so {@link #transition} is passed through.
 */
final class ObservedRecordingStore implements RecordingStore {

    private final RecordingStore store;
    private final Summaries summaries;

    ObservedRecordingStore(RecordingStore store, Summaries summaries) {
        this.store = store;
        this.summaries = summaries;
    }

    @Override
    public void create(Recording recording) {
        store.create(recording);
        summaries.added(recording);
    }

    @Override
    public void uploaded(String uuid, AudioFile audio) {
        Optional<Recording> before = store.find(uuid);
        store.uploaded(uuid, audio);
        before.ifPresent(recording -> summaries.moved(recording, RecordingState.INITIATED));
    }

    @Override
    public Optional<Recording> find(String org, String uuid) {
        return store.find(org, uuid);
    }

    @Override
    public Optional<Recording> find(String uuid) {
        return store.find(uuid);
    }

    @Override
    public Optional<Recording> findByStorageKey(String storageKey) {
        return store.findByStorageKey(storageKey);
    }

    @Override
    public Page<Recording> list(RecordingQuery query) {
        return store.list(query);
    }

    @Override
    public List<StateChange> history(String uuid) {
        return store.history(uuid);
    }

    @Override
    public Map<String, Map<RecordingState, Long>> countsByState(List<String> usecases) {
        return store.countsByState(usecases);
    }

    @Override
    public List<Recording> all(String usecase) {
        return store.all(usecase);
    }

    @Override
    public void transition(String uuid, RecordingState state, String message) {
        store.transition(uuid, state, message);
    }

    @Override
    public Optional<Recording> claimNext() {
        return store.claimNext();
    }

    @Override
    public Duration lease() {
        return store.lease();
    }

    @Override
    public boolean renew(Recording claimed) {
        return store.renew(claimed);
    }

    @Override
    public boolean advance(Recording claimed, RecordingState state, String message) {
        return store.advance(claimed, state, message);
    }

    @Override
    public void release(Recording claimed, Duration backoff) {
        store.release(claimed, backoff);
    }

    @Override
    public boolean requeue(String uuid) {
        Optional<Recording> before = store.find(uuid);
        boolean requeued = store.requeue(uuid);
        if (requeued) {
            before.ifPresent(recording -> summaries.moved(recording, RecordingState.INITIATED));
        }
        return requeued;
    }

    @Override
    public boolean reprocess(String uuid) {
        Optional<Recording> before = store.find(uuid);
        boolean requeued = store.reprocess(uuid);
        if (requeued) {
            // its bucket and answers left the counts: rebuilt when next asked for
            before.flatMap(Recording::usecase).ifPresent(summaries::forget);
        }
        return requeued;
    }

    @Override
    public int deleteUnusedLinks(Instant cutoff) {
        int deleted = store.deleteUnusedLinks(cutoff);
        if (deleted > 0) {
            summaries.forgetAll(); // they were counted as awaiting upload; rare enough to rebuild
        }
        return deleted;
    }

    @Override
    public void handBack(Recording claimed) {
        store.handBack(claimed);
    }

    @Override
    public Optional<Recording> delete(String org, String uuid) {
        Optional<Recording> deleted = store.delete(org, uuid);
        deleted.flatMap(Recording::usecase).ifPresent(summaries::forget); // rebuilt without it when next asked
        return deleted;
    }

    @Override
    public List<String> createdBefore(String org, Instant cutoff, int limit) {
        return store.createdBefore(org, cutoff, limit);
    }

    @Override
    public List<String> finished(String org, String useCase) {
        return store.finished(org, useCase);
    }

    @Override
    public List<String> orgs() {
        return store.orgs();
    }

    @Override
    public int releaseAll() {
        return store.releaseAll();
    }

    @Override
    public long queueDepth() {
        return store.queueDepth();
    }

    @Override
    public Map<RecordingState, Long> countsByState() {
        return store.countsByState();
    }
}
