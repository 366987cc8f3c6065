package io.callintel.server.data;

import io.callintel.server.service.Periodic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Keeps the upload spool ({@code data/tmp}) from filling the disk. Jetty writes the parts of multipart uploads
 * there while they arrive and deletes them when the request ends, but a process killed mid-upload leaves them
 * behind. At start the spool is emptied (no upload is in flight then); afterwards, every ten minutes, files
 * untouched for an hour are removed (an upload still arriving keeps its file fresh).
 */
public final class UploadSpool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UploadSpool.class.getName());
    static final Duration STALE_AFTER = Duration.ofHours(1);
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final Path directory;
    private final Clock clock;
    private Periodic sweeper;

    private UploadSpool(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Empties the spool, then sweeps it at intervals until closed. */
    public static UploadSpool start(Path directory, Clock clock) throws IOException {
        UploadSpool spool = new UploadSpool(directory, clock);
        try {
            int removed = spool.sweep(Instant.MAX);
            if (removed > 0) {
                LOG.info(() -> "removed " + removed + " upload part(s) left in " + directory + " by the previous run");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        spool.sweeper = Periodic.every(
                SWEEP_EVERY,
                SWEEP_EVERY,
                "callintel-spool-sweeper",
                () -> spool.sweep(clock.instant().minus(STALE_AFTER)));
        return spool;
    }

    /** Removes the spool's files last modified before {@code cutoff}; how many. */
    int sweep(Instant cutoff) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int removed = 0;
        for (Path file : files) {
            try {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                    removed++;
                }
            } catch (IOException e) {
                // gone meanwhile (its request ended), or not ours to delete: the next sweep looks again
            }
        }
        return removed;
    }

    @Override
    public void close() {
        sweeper.close();
    }
}
