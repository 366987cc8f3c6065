package io.callintel.server.service;

import io.callintel.core.store.RecordingStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes the recordings whose upload link expired before any file arrived: without this, every link a client
 * asked for and never used stays in the database for good. Runs at start and every ten minutes; a link is kept
 * an hour past its expiry, so an upload that started just in time can still finish.
 */
public final class UnusedLinks implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UnusedLinks.class.getName());
    static final Duration GRACE = Duration.ofHours(1);
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final RecordingStore recordings;
    private final Duration linkValidity;
    private final Clock clock;
    private final ScheduledExecutorService sweeper;

    private UnusedLinks(RecordingStore recordings, Duration linkValidity, Clock clock) {
        this.recordings = recordings;
        this.linkValidity = linkValidity;
        this.clock = clock;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "callintel-link-sweeper");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @param linkValidity how long an upload link can be used */
    public static UnusedLinks start(RecordingStore recordings, Duration linkValidity, Clock clock) {
        UnusedLinks links = new UnusedLinks(recordings, linkValidity, clock);
        links.sweeper.scheduleWithFixedDelay(links::sweep, 0, SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return links;
    }

    /** Deletes the unused links that expired over the grace period ago; how many. */
    int sweep() {
        try {
            int deleted = recordings.deleteUnusedLinks(
                    clock.instant().minus(linkValidity).minus(GRACE));
            if (deleted > 0) {
                LOG.info(() -> "deleted " + deleted + " recording(s) whose upload link expired unused");
            }
            return deleted;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "deleting expired upload links failed", e);
            return 0;
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
