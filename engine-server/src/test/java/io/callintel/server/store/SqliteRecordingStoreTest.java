package io.callintel.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.callintel.core.usecase.Correction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording store on SQLite: processing hints typed again on load, attempts, expired links, and listings filtered
 * by outcome and sorted.
 */
class SqliteRecordingStoreTest {

    @Test
    void hintsComeBackTypedFromTheStoredMetadata(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("callintel.db"))) {
            SqliteRecordingStore store = new SqliteRecordingStore(db, Clock.systemUTC());
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
    void aFailedAttemptStaysCountedAndAStoppedOneDoesNot(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("callintel.db"))) {
            SqliteRecordingStore store = new SqliteRecordingStore(db, Clock.systemUTC());
            store.create(recording("a", "{}", ProcessingHints.NONE));
            store.transition("a", RecordingState.INITIATED, "");

            assertEquals(1, store.claimNext().orElseThrow().attempts());
            store.release("a"); // a transient error
            assertEquals(2, store.claimNext().orElseThrow().attempts());
            store.handBack("a"); // the process stopped
            assertEquals(1, store.find("a").orElseThrow().attempts());
            assertEquals(1, store.queueDepth(), "back in the queue");
            store.handBack("a");
            assertEquals(1, store.find("a").orElseThrow().attempts(), "an unclaimed recording is left alone");
        }
    }

    @Test
    void linksThatExpiredUnusedAreDeletedWithTheirHistory(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("callintel.db"))) {
            SqliteRecordingStore store = new SqliteRecordingStore(db, Clock.systemUTC());
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
    void listingsFilterByOutcomeAsCorrectedAndSortAsAsked(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("callintel.db"))) {
            SqliteRecordingStore store = new SqliteRecordingStore(db, Clock.systemUTC());
            SqliteResultStore results = new SqliteResultStore(db, new ObjectMapper());
            String question = "Did they agree? (Yes/No)";
            store.create(recording("b", "{}", ProcessingHints.NONE));
            store.create(recording("a", "{}", ProcessingHints.NONE));
            store.create(recording("c", "{}", ProcessingHints.NONE));
            results.saveAnalytics("a", analytics("Hot", question, "Yes"));
            results.saveAnalytics("b", analytics("Cold", question, "No"));
            results.saveAnalytics("b", analytics("Hot", question, "No")); // analysed again: the newer outcome counts
            new SqliteCorrectionStore(db)
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

    private static List<String> uuids(SqliteRecordingStore store, RecordingQuery query) {
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
                new CallMetrics(1, 0, 1, 1, 0, 0, 0, 0, 0, 0, List.of(), List.of()));
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
