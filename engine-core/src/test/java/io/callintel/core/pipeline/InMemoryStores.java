package io.callintel.core.pipeline;

import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.recording.AudioFile;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.recording.StateChange;
import io.callintel.core.store.BlobStore;
import io.callintel.core.store.Page;
import io.callintel.core.store.RecordingQuery;
import io.callintel.core.store.RecordingStore;
import io.callintel.core.store.ResultStore;
import io.callintel.core.transcript.Transcript;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Plain in-memory stores for testing the pipeline's and the workers' logic on their own. */
final class InMemoryStores {

    private InMemoryStores() {}

    static Recording recording(String uuid) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return Recording.builder(uuid, "org")
                .client("client", "default")
                .file(uuid + ".wav", 10, "audio/wav")
                .storageKey("client/default/recordings/" + uuid + ".wav")
                .metadata("{}", java.time.LocalDate.of(2026, 1, 1), Optional.empty())
                .state(RecordingState.INITIATED, "")
                .times(now, now)
                .build();
    }

    /** Recordings and their history; claims as in the real store. */
    static final class Recordings implements RecordingStore {
        final Map<String, Recording> rows = new LinkedHashMap<>();
        final Map<String, List<StateChange>> history = new HashMap<>();
        final Set<String> claimed = ConcurrentHashMap.newKeySet();

        @Override
        public synchronized void create(Recording r) {
            rows.put(r.uuid(), r);
            history.computeIfAbsent(r.uuid(), u -> new ArrayList<>())
                    .add(new StateChange(r.state(), Instant.now(), ""));
        }

        @Override
        public synchronized Optional<Recording> find(String org, String uuid) {
            return find(uuid).filter(r -> r.org().equals(org));
        }

        @Override
        public synchronized Optional<Recording> find(String uuid) {
            return Optional.ofNullable(rows.get(uuid));
        }

        @Override
        public Optional<Recording> findByStorageKey(String key) {
            return rows.values().stream()
                    .filter(r -> r.storageKey().equals(key))
                    .findFirst();
        }

        @Override
        public Page<Recording> list(RecordingQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized List<StateChange> history(String uuid) {
            return List.copyOf(history.getOrDefault(uuid, List.of()));
        }

        @Override
        public Map<String, Map<RecordingState, Long>> countsByState(List<String> usecases) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Recording> all(String usecase) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void uploaded(String uuid, AudioFile audio) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized void transition(String uuid, RecordingState state, String message) {
            Recording r = rows.get(uuid);
            rows.put(
                    uuid,
                    r.toBuilder()
                            .state(state, state == RecordingState.FAILED ? message : "")
                            .times(r.createdAt(), Instant.now())
                            .build());
            history.get(uuid).add(new StateChange(state, Instant.now(), message));
        }

        @Override
        public synchronized Optional<Recording> claimNext() {
            Optional<Recording> next = rows.values().stream()
                    .filter(r -> r.state().isProcessing() && !claimed.contains(r.uuid()))
                    .min(Comparator.comparing(Recording::createdAt));
            next.ifPresent(r -> {
                claimed.add(r.uuid());
                rows.put(r.uuid(), r.toBuilder().attempts(r.attempts() + 1).build());
            });
            return next.map(r -> rows.get(r.uuid()));
        }

        @Override
        public Duration lease() {
            return Duration.ofMinutes(1);
        }

        @Override
        public synchronized boolean renew(Recording claimed) {
            return holds(claimed);
        }

        @Override
        public synchronized boolean advance(Recording claimed, RecordingState state, String message) {
            if (!holds(claimed)) {
                return false;
            }
            transition(claimed.uuid(), state, message);
            return true;
        }

        @Override
        public synchronized void release(Recording claimed, Duration backoff) {
            if (holds(claimed)) {
                this.claimed.remove(claimed.uuid());
            }
        }

        /** Still the latest claim: claimed, and no attempt counted since. */
        private boolean holds(Recording claimed) {
            Recording now = rows.get(claimed.uuid());
            return this.claimed.contains(claimed.uuid()) && now != null && now.attempts() == claimed.attempts();
        }

        @Override
        public synchronized void handBack(Recording claimedRecording) {
            String uuid = claimedRecording.uuid();
            if (holds(claimedRecording) && claimed.remove(uuid)) {
                Recording r = rows.get(uuid);
                rows.put(
                        uuid,
                        r.toBuilder().attempts(Math.max(0, r.attempts() - 1)).build());
            }
        }

        @Override
        public synchronized boolean requeue(String uuid) {
            return backToQueue(uuid, java.util.Set.of(RecordingState.FAILED), "retried");
        }

        @Override
        public synchronized boolean reprocess(String uuid) {
            return backToQueue(
                    uuid, java.util.Set.of(RecordingState.FAILED, RecordingState.ANALYSIS_COMPLETED), "reprocessed");
        }

        private boolean backToQueue(String uuid, java.util.Set<RecordingState> from, String message) {
            Recording r = rows.get(uuid);
            if (r == null || !from.contains(r.state())) {
                return false;
            }
            rows.put(
                    uuid,
                    r.toBuilder()
                            .state(RecordingState.INITIATED, "")
                            .attempts(0)
                            .build());
            history.get(uuid).add(new StateChange(RecordingState.INITIATED, Instant.now(), message));
            return true;
        }

        @Override
        public synchronized int deleteUnusedLinks(java.time.Instant cutoff) {
            List<String> unused = rows.values().stream()
                    .filter(r -> r.state() == RecordingState.AWAITING_UPLOAD
                            && r.createdAt().isBefore(cutoff))
                    .map(Recording::uuid)
                    .toList();
            unused.forEach(uuid -> {
                rows.remove(uuid);
                history.remove(uuid);
            });
            return unused.size();
        }

        @Override
        public int releaseAll() {
            int n = claimed.size();
            claimed.clear();
            return n;
        }

        @Override
        public long queueDepth() {
            return rows.values().stream()
                    .filter(r -> r.state().isProcessing() && !claimed.contains(r.uuid()))
                    .count();
        }

        @Override
        public Map<RecordingState, Long> countsByState() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Recording> delete(String org, String uuid) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> createdBefore(String org, Instant cutoff, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> finished(String org, String useCase) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> orgs() {
            throw new UnsupportedOperationException();
        }
    }

    static final class Results implements ResultStore {
        final Map<String, Transcript> transcripts = new ConcurrentHashMap<>();
        final Map<String, CallAnalytics> analytics = new ConcurrentHashMap<>();

        @Override
        public void saveTranscript(String recording, Transcript transcript) {
            transcripts.put(recording, transcript);
        }

        @Override
        public Optional<Transcript> transcript(String recording) {
            return Optional.ofNullable(transcripts.get(recording));
        }

        @Override
        public void saveAnalytics(String recording, CallAnalytics value) {
            analytics.put(recording, value);
        }

        @Override
        public Optional<CallAnalytics> analytics(String recording) {
            return Optional.ofNullable(analytics.get(recording));
        }
    }

    /** Every key exists, as this path; nothing is written. */
    static final class Corrections implements io.callintel.core.store.CorrectionStore {
        private final List<io.callintel.core.usecase.Correction> all =
                new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void save(io.callintel.core.usecase.Correction correction) {
            all.removeIf(c -> c.recording().equals(correction.recording())
                    && java.util.Objects.equals(c.question(), correction.question()));
            all.add(correction);
        }

        @Override
        public List<io.callintel.core.usecase.Correction> forRecording(String org, String recording) {
            return all.stream()
                    .filter(c -> c.org().equals(org) && c.recording().equals(recording))
                    .toList();
        }

        @Override
        public List<io.callintel.core.usecase.Correction> forUseCase(String org, String useCase) {
            return all.stream()
                    .filter(c -> c.org().equals(org) && c.useCase().equals(useCase))
                    .toList();
        }
    }

    /** For use cases that redact nothing: never called. */
    static final PiiRedaction NO_REDACTION = new PiiRedaction() {
        @Override
        public io.callintel.core.transcript.Transcript redact(io.callintel.core.transcript.Transcript transcript) {
            throw new UnsupportedOperationException("no use case here redacts");
        }

        @Override
        public void redactAudio(Path recording, io.callintel.core.transcript.Transcript redacted, Path out) {
            throw new UnsupportedOperationException("no use case here redacts");
        }
    };

    static final class Blobs implements BlobStore {
        @Override
        public long write(String key, InputStream content, long maxBytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Path> file(String key) {
            // every recording's audio is there, none redacted
            return key.contains("missing") || key.endsWith(".redacted.wav")
                    ? Optional.empty()
                    : Optional.of(Path.of("/audio", key));
        }

        @Override
        public boolean delete(String key) {
            return false;
        }

        @Override
        public boolean reachable() {
            return true;
        }
    }
}
