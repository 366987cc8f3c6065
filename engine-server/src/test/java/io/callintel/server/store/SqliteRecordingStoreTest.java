package io.callintel.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callintel.core.audio.NoiseReductionMode;
import io.callintel.core.recording.ProcessingHints;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording's processing hints survive the store: typed at upload, kept in its metadata, typed again on load. */
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

    private static Recording recording(String uuid, String metadata, ProcessingHints hints) {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        return Recording.builder(uuid, "org")
                .client("acme", "default")
                .file(uuid + ".wav", 100, "audio/wav")
                .storageKey("acme/default/recordings/" + uuid + ".wav")
                .metadata(metadata, LocalDate.of(2026, 12, 1), Optional.of("sales"))
                .state(RecordingState.AWAITING_UPLOAD, "")
                .times(now, now)
                .hints(hints)
                .build();
    }
}
