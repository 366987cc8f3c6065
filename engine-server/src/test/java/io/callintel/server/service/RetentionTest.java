package io.callintel.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callintel.core.recording.ProcessingHints;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.store.RecordingStore;
import io.callintel.server.store.Database;
import io.callintel.server.store.FileBlobStore;
import io.callintel.server.store.JdbcOrgSettings;
import io.callintel.server.store.JdbcRecordingStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention sweep deletes what is past its organization's period, or the server's default, and nothing else. */
class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void recordingsPastTheirOrganizationsPeriodAreDeletedWithTheirAudio(@TempDir Path dir) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (Database db = Database.open(dir.resolve("callintel.db"))) {
            JdbcRecordingStore recordings = new JdbcRecordingStore(db, clock);
            FileBlobStore blobs = new FileBlobStore(dir.resolve("audio"));
            JdbcOrgSettings settings = new JdbcOrgSettings(db);
            List<String> unindexed = new ArrayList<>();
            RecordingRemoval removal = new RecordingRemoval(recordings, blobs, unindexed::add);
            store(recordings, blobs, "keeps-30-old", "short", Duration.ofDays(40));
            store(recordings, blobs, "keeps-30-new", "short", Duration.ofDays(10));
            store(recordings, blobs, "default-old", "plain", Duration.ofDays(100));
            store(recordings, blobs, "default-new", "plain", Duration.ofDays(80));
            store(recordings, blobs, "unset-old", "unset", Duration.ofDays(900));
            settings.setRetentionDays("short", Optional.of(30));
            settings.setRetentionDays("unset", Optional.empty());

            Retention retention = new Retention(recordings, settings, removal, Optional.of(1000), clock);
            assertEquals(1, retention.sweep(), "short: 30 days; the others: the default, 1000");
            assertEquals(List.of("keeps-30-old"), unindexed);
            assertEquals(Optional.empty(), recordings.find("keeps-30-old"));
            assertEquals(Optional.empty(), blobs.file("acme/default/recordings/keeps-30-old.wav"), "its audio too");

            Retention shorter = new Retention(recordings, settings, removal, Optional.of(90), clock);
            assertEquals(2, shorter.sweep(), "default 90 days: default-old and unset-old");
            assertEquals(List.of("keeps-30-old", "default-old", "unset-old"), unindexed);
            assertEquals(0, shorter.sweep(), "nothing more");
            for (String kept : List.of("keeps-30-new", "default-new")) {
                assertEquals(kept, recordings.find(kept).orElseThrow().uuid());
            }

            assertEquals(0, new Retention(recordings, settings, removal, Optional.empty(), clock).sweep());
        }
    }

    @Test
    void aRecordingAWorkerHoldsIsNotDeleted(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("callintel.db"))) {
            JdbcRecordingStore recordings = new JdbcRecordingStore(db, Clock.systemUTC());
            FileBlobStore blobs = new FileBlobStore(dir.resolve("audio"));
            store(recordings, blobs, "busy", "org", Duration.ZERO);
            recordings.transition("busy", RecordingState.INITIATED, "");
            recordings.claimNext().orElseThrow();
            RecordingRemoval removal = new RecordingRemoval(recordings, blobs, uuid -> {});
            assertThrows(RecordingStore.InProgress.class, () -> removal.remove("org", "busy"));
            assertEquals(0, removal.purge("org", Instant.now().plusSeconds(60)), "left for the next sweep");
            assertEquals("busy", recordings.find("busy").orElseThrow().uuid());
        }
    }

    private static void store(RecordingStore recordings, FileBlobStore blobs, String uuid, String org, Duration age)
            throws Exception {
        Instant created = NOW.minus(age);
        String key = "acme/default/recordings/" + uuid + ".wav";
        blobs.write(key, new ByteArrayInputStream(new byte[] {1, 2, 3}), 10);
        recordings.create(Recording.builder(uuid, org)
                .client("acme", "default")
                .file(uuid + ".wav", 3, "audio/wav")
                .storageKey(key)
                .metadata("{}", LocalDate.of(2026, 1, 1), Optional.empty())
                .state(RecordingState.ANALYSIS_COMPLETED, "")
                .times(created, created)
                .hints(ProcessingHints.NONE)
                .build());
    }
}
