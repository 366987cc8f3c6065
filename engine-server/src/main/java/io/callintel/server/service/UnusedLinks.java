package io.callintel.server.service;

import io.callintel.core.store.RecordingStore;
import java.time.Clock;
import java.time.Duration;
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
    private Periodic sweeper;

    private UnusedLinks(RecordingStore recordings, Duration linkValidity, Clock clock) {
        this.recordings = recordings;
        this.linkValidity = linkValidity;
        this.clock = clock;
    }

    /** @param linkValidity how long an upload link can be used */
    public static UnusedLinks start(RecordingStore recordings, Duration linkValidity, Clock clock) {
        UnusedLinks links = new UnusedLinks(recordings, linkValidity, clock);
        links.sweeper = Periodic.every(SWEEP_EVERY, "callintel-link-sweeper", links::sweep);
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
        sweeper.close();
    }
}
