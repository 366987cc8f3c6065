package io.callintel.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.core.analytics.BucketResult;
import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.analytics.CallMetrics;
import io.callintel.core.analytics.QuestionAnswer;
import io.callintel.core.audio.NoiseReductionMode;
import io.callintel.core.recording.ProcessingHints;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.store.PageRequest;
import io.callintel.core.store.RecordingQuery;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.Correction;
import io.callintel.core.usecase.UseCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the stores promise, whichever database they run on (each subclass opens a fresh one): processing hints typed
 * again on load, attempts, expired links, listings filtered by outcome and sorted, use cases by tag, results and
 * corrections.
 */
abstract class StoreContract {

    /** A new, empty database, migrated. */
    abstract Database open();

    @Test
    void hintsComeBackTypedFromTheStoredMetadata() {
        try (Database db = open()) {
            JdbcRecordingStore store = new JdbcRecordingStore(db, Clock.systemUTC());
            ProcessingHints hints =
                    new ProcessingHints(OptionalInt.of(1), OptionalInt.of(3), Optional.of(NoiseReductionMode.OFF));
            store.create(recording(
                    "a",
                    "{\"agent_channel\": 1, \"speakers\": 3, \"noise_reduction\": \"off\", \"call_type\": \"sales\"}",
                    hints));
            store.create(recording("b", "{\"call_type\": \"sales\"}", ProcessingHints.NONE));
            store.create(recording("c", "{\"agent_channel\": 7}", ProcessingHints.NONE));
            store.create(recording("d", "{\"noise_reduction\": \"loud\"}", ProcessingHints.NONE));

            assertEquals(hints, store.find("a").orElseThrow().hints());
            assertEquals(ProcessingHints.NONE, store.find("b").orElseThrow().hints());
            assertEquals(
                    ProcessingHints.NONE, store.find("c").orElseThrow().hints(), "a value out of range is no hint");
            assertEquals(ProcessingHints.NONE, store.find("d").orElseThrow().hints());
        }
    }

    @Test
    void aFailedAttemptStaysCountedAndAStoppedOneDoesNot() {
        try (Database db = open()) {
            JdbcRecordingStore store = new JdbcRecordingStore(db, Clock.systemUTC());
            store.create(recording("a", "{}", ProcessingHints.NONE));
            store.transition("a", RecordingState.INITIATED, "");

            Recording first = store.claimNext().orElseThrow();
            assertEquals(1, first.attempts());
            store.release(first, Duration.ZERO); // a transient error
            Recording second = store.claimNext().orElseThrow();
            assertEquals(2, second.attempts());
            store.handBack(second); // the process stopped
            assertEquals(1, store.find("a").orElseThrow().attempts());
            assertEquals(1, store.queueDepth(), "back in the queue");
            store.handBack(second);
            assertEquals(1, store.find("a").orElseThrow().attempts(), "an unclaimed recording is left alone");
        }
    }

    @Test
    void aRetryIsDueOnlyAfterItsBackoff() {
        try (Database db = open()) {
            TestClock clock = new TestClock();
            JdbcRecordingStore store = new JdbcRecordingStore(db, clock, Duration.ofSeconds(10), "node-a");
            store.create(recording("a", "{}", ProcessingHints.NONE));
            store.transition("a", RecordingState.INITIATED, "");

            store.release(store.claimNext().orElseThrow(), Duration.ofSeconds(30));
            assertEquals(Optional.empty(), store.claimNext().map(Recording::uuid), "not due yet");
            clock.advance(Duration.ofSeconds(31));
            assertEquals(Optional.of("a"), store.claimNext().map(Recording::uuid));
        }
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheStaleClaimCommitsNothing() {
        try (Database db = open()) {
            TestClock clock = new TestClock();
            JdbcRecordingStore store = new JdbcRecordingStore(db, clock, Duration.ofSeconds(10), "node-a");
            JdbcRecordingStore other = new JdbcRecordingStore(db, clock, Duration.ofSeconds(10), "node-b");
            store.create(recording("a", "{}", ProcessingHints.NONE));
            store.transition("a", RecordingState.INITIATED, "");

            Recording stalled = store.claimNext().orElseThrow();
            clock.advance(Duration.ofSeconds(5));
            assertTrue(store.renew(stalled), "a heartbeat in time");
            clock.advance(Duration.ofSeconds(9));
            assertEquals(Optional.empty(), other.claimNext(), "renewed: still held");
            assertEquals(0, store.queueDepth());
            clock.advance(Duration.ofSeconds(2)); // 11 s since the last heartbeat
            assertEquals(1, store.queueDepth(), "the lease ran out");
            Recording takenOver = other.claimNext().orElseThrow();
            assertEquals(2, takenOver.attempts());
            assertEquals(1, other.takeovers());
            assertEquals(
                    List.of("node-b"),
                    db.query("SELECT claimed_by FROM recording WHERE uuid = 'a'", row -> row.getString(1)));

            assertFalse(store.renew(stalled));
            assertFalse(
                    store.advance(stalled, RecordingState.ANALYSIS_COMPLETED, ""), "the stale worker commits nothing");
            store.handBack(stalled);
            store.release(stalled, Duration.ZERO);
            assertEquals(2, store.find("a").orElseThrow().attempts(), "nor gives back what it no longer holds");
            assertTrue(other.advance(takenOver, RecordingState.ANALYSIS_COMPLETED, ""));
            assertEquals(
                    1,
                    store.history("a").stream()
                            .filter(change -> change.state() == RecordingState.ANALYSIS_COMPLETED)
                            .count(),
                    "completed once");
        }
    }

    @Test
    void workersClaimingAtOnceNeverShareARecording() throws Exception {
        try (Database db = open()) {
            JdbcRecordingStore setup = new JdbcRecordingStore(db, Clock.systemUTC());
            for (int i = 0; i < 40; i++) {
                setup.create(recording("r" + i, "{}", ProcessingHints.NONE));
                setup.transition("r" + i, RecordingState.INITIATED, "");
            }
            List<String> claimed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            List<Thread> workers = new java.util.ArrayList<>();
            for (int w = 0; w < 4; w++) {
                JdbcRecordingStore store =
                        new JdbcRecordingStore(db, Clock.systemUTC(), Duration.ofMinutes(1), "node-" + w);
                workers.add(Thread.ofPlatform().start(() -> {
                    for (Optional<Recording> next = store.claimNext(); next.isPresent(); next = store.claimNext()) {
                        claimed.add(next.get().uuid());
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join(60_000);
            }
            assertEquals(40, claimed.size(), "each claimed once: " + claimed);
            assertEquals(40, Set.copyOf(claimed).size());
            assertEquals(0, setup.queueDepth());
        }
    }

    @Test
    void useCasesAreListedByTag() {
        try (Database db = open()) {
            JdbcUseCaseStore store = new JdbcUseCaseStore(db, new ObjectMapper());
            Instant now = Instant.parse("2026-12-01T10:00:00Z");
            store.create(new UseCase(
                    "u1", "org", "Sales", "", List.of("sales", "uk"), List.of(), AnalysisConfig.empty(), now, now));
            store.create(new UseCase(
                    "u2", "org", "Support", "", List.of("support"), List.of(), AnalysisConfig.empty(), now, now));
            store.create(new UseCase(
                    "u3", "other", "Theirs", "", List.of("sales"), List.of(), AnalysisConfig.empty(), now, now));

            assertEquals(List.of("u1"), uuidsOf(store.list("org", Optional.of("sales"), new PageRequest(1, 10))));
            assertEquals(List.of(), uuidsOf(store.list("org", Optional.of("sale"), new PageRequest(1, 10))));
            assertEquals(
                    2,
                    store.list("org", Optional.empty(), new PageRequest(1, 10)).total());
        }
    }

    @Test
    void aStateChangeQueuesItsWebhookDeliveriesAndEachIsTakenOnce() {
        try (Database db = open()) {
            JdbcRecordingStore store = new JdbcRecordingStore(db, Clock.systemUTC());
            JdbcWebhooks webhooks = new JdbcWebhooks(db, new ObjectMapper(), Clock.systemUTC());
            webhooks.create("org", "http://127.0.0.1:9/a", List.of(WebhookEvents.ANALYZED), Optional.empty());
            webhooks.create("org", "http://127.0.0.1:9/b", List.of(WebhookEvents.FAILED), Optional.empty());
            webhooks.create("org", "http://127.0.0.1:9/c", WebhookEvents.ALL, Optional.of("another-usecase"));
            webhooks.create("other", "http://127.0.0.1:9/d", WebhookEvents.ALL, Optional.empty());
            store.create(recording("a", "{}", ProcessingHints.NONE));
            store.transition("a", RecordingState.INITIATED, "");
            assertTrue(store.advance(store.claimNext().orElseThrow(), RecordingState.ANALYSIS_COMPLETED, ""));

            List<JdbcWebhooks.Due> due = webhooks.due(10, 60_000);
            assertEquals(
                    List.of("http://127.0.0.1:9/a"),
                    due.stream().map(JdbcWebhooks.Due::url).toList());
            assertEquals(WebhookEvents.ANALYZED, due.get(0).delivery().event());
            assertEquals(List.of(), webhooks.due(10, 60_000), "held while it is sent");
            assertEquals(1, db.count("SELECT COUNT(*) FROM webhook_delivery WHERE recording = 'a'"));
        }
    }

    private static List<String> uuidsOf(io.callintel.core.store.Page<UseCase> page) {
        return page.items().stream().map(UseCase::uuid).toList();
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void linksThatExpiredUnusedAreDeletedWithTheirHistory() {
        try (Database db = open()) {
            JdbcRecordingStore store = new JdbcRecordingStore(db, Clock.systemUTC());
            store.create(recording("unused", "{}", ProcessingHints.NONE));
            store.create(recording("uploaded", "{}", ProcessingHints.NONE));
            store.transition("uploaded", RecordingState.INITIATED, "");
            Instant created = store.find("unused").orElseThrow().createdAt();

            assertEquals(0, store.deleteUnusedLinks(created), "created at the cutoff: kept");
            assertEquals(1, store.deleteUnusedLinks(created.plusSeconds(1)));
            assertEquals(Optional.empty(), store.find("unused"));
            assertEquals(List.of(), store.history("unused"));
            assertEquals(
                    RecordingState.INITIATED,
                    store.find("uploaded").orElseThrow().state(),
                    "a file arrived");
        }
    }

    @Test
    void listingsFilterByOutcomeAsCorrectedAndSortAsAsked() {
        try (Database db = open()) {
            JdbcRecordingStore store = new JdbcRecordingStore(db, Clock.systemUTC());
            JdbcResultStore results = new JdbcResultStore(db, new ObjectMapper());
            String question = "Did they agree? (Yes/No)";
            store.create(recording("b", "{}", ProcessingHints.NONE));
            store.create(recording("a", "{}", ProcessingHints.NONE));
            store.create(recording("c", "{}", ProcessingHints.NONE));
            results.saveAnalytics("a", analytics("Hot", question, "Yes"));
            results.saveAnalytics("b", analytics("Cold", question, "No"));
            results.saveAnalytics("b", analytics("Hot", question, "No")); // analysed again: the newer outcome counts
            new JdbcCorrectionStore(db)
                    .save(new Correction("org", "usecase", "a", null, "Cold", Instant.now())); // a is Cold now

            assertEquals(List.of("b"), uuids(store, query(Optional.of("Hot"), Optional.empty())));
            assertEquals(List.of("a"), uuids(store, query(Optional.of("Cold"), Optional.empty())));
            assertEquals(
                    List.of("b"),
                    uuids(store, query(Optional.empty(), Optional.of(new RecordingQuery.Answer(question, "No")))));
            assertEquals(
                    List.of(),
                    uuids(store, query(Optional.of("Cold"), Optional.of(new RecordingQuery.Answer(question, "No")))));

            RecordingQuery all = query(Optional.empty(), Optional.empty());
            assertEquals(List.of("a", "b", "c"), uuids(store, sorted(all, RecordingQuery.Field.FILE_NAME, true)));
            assertEquals(List.of("c", "b", "a"), uuids(store, sorted(all, RecordingQuery.Field.FILE_NAME, false)));
            assertEquals(
                    List.of("a", "b", "c"),
                    uuids(store, withUseCases(all, Optional.empty())),
                    "any use case; the newest upload first, ties by uuid");
            assertEquals(List.of(), uuids(store, withUseCases(all, Optional.of(Set.of()))), "no use case matched");
            assertEquals(List.of(), uuids(store, withUseCases(all, Optional.of(Set.of("other")))));
        }
    }

    private static List<String> uuids(JdbcRecordingStore store, RecordingQuery query) {
        return store.list(query).items().stream().map(Recording::uuid).toList();
    }

    private static RecordingQuery query(Optional<String> bucket, Optional<RecordingQuery.Answer> answer) {
        return new RecordingQuery(
                "org",
                Optional.of(Set.of("usecase")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                bucket,
                answer,
                new RecordingQuery.Sort(RecordingQuery.Field.CREATED_AT, false),
                new PageRequest(1, 10));
    }

    private static RecordingQuery sorted(RecordingQuery q, RecordingQuery.Field field, boolean ascending) {
        return new RecordingQuery(
                q.org(),
                q.usecases(),
                q.state(),
                q.from(),
                q.to(),
                q.bucket(),
                q.answer(),
                new RecordingQuery.Sort(field, ascending),
                q.page());
    }

    private static RecordingQuery withUseCases(RecordingQuery q, Optional<Set<String>> usecases) {
        return new RecordingQuery(
                q.org(), usecases, q.state(), q.from(), q.to(), q.bucket(), q.answer(), q.sort(), q.page());
    }

    private static CallAnalytics analytics(String bucket, String question, String answer) {
        return new CallAnalytics(
                List.of(new QuestionAnswer(question, answer, "", 0.9, List.of())),
                new BucketResult(bucket, 0.8, Map.of(bucket, 0.8), List.of()),
                new CallMetrics(1, 0, 1, 1, 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of()));
    }

    private static Recording recording(String uuid, String metadata, ProcessingHints hints) {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        return Recording.builder(uuid, "org")
                .client("acme", "default")
                .file(uuid + ".wav", 100, "audio/wav")
                .storageKey("acme/default/recordings/" + uuid + ".wav")
                .usecase(Optional.of("usecase"))
                .metadata(metadata, LocalDate.of(2026, 12, 1), Optional.of("sales"))
                .state(RecordingState.AWAITING_UPLOAD, "")
                .times(now, now)
                .hints(hints)
                .build();
    }
}
