package io.callintel.server.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadSpoolTest {

    @Test
    void partsLeftByAKilledProcessAreRemovedAtStart(@TempDir Path spool) throws Exception {
        Path left = Files.writeString(spool.resolve("MultiPart123.tmp"), "half an upload");
        try (UploadSpool ignored = UploadSpool.start(spool, Clock.systemUTC())) {
            assertFalse(Files.exists(left));
        }
    }

    @Test
    void aSweepRemovesOnlyFilesUntouchedForAnHour(@TempDir Path spool) throws Exception {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        try (UploadSpool swept = UploadSpool.start(spool, Clock.fixed(now, java.time.ZoneOffset.UTC))) {
            Path stale = Files.writeString(spool.resolve("MultiPart1.tmp"), "abandoned");
            Path arriving = Files.writeString(spool.resolve("MultiPart2.tmp"), "still arriving");
            Files.setLastModifiedTime(
                    stale, FileTime.from(now.minus(UploadSpool.STALE_AFTER).minusSeconds(1)));
            Files.setLastModifiedTime(arriving, FileTime.from(now.minusSeconds(5)));

            assertEquals(1, swept.sweep(now.minus(UploadSpool.STALE_AFTER)));
            assertFalse(Files.exists(stale));
            assertTrue(Files.exists(arriving));
        }
    }
}
