package io.callintel.server.service;

import io.callintel.core.store.RecordingStore;
import io.callintel.server.store.JdbcOrgSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Deletes recordings older than their organization keeps them: its own {@code retention_days}, else the server's
 * default ({@code --retention-days}; none: kept for good). Sweeps at start and every hour; any node may sweep, as a
 * deletion is one transaction and a recording in processing waits for the next sweep.
 */
public final class Retention implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final RecordingStore recordings;
    private final JdbcOrgSettings settings;
    private final RecordingRemoval removal;
    private final Optional<Integer> defaultDays;
    private final Clock clock;
    private Periodic sweeper;

    Retention(
            RecordingStore recordings,
            JdbcOrgSettings settings,
            RecordingRemoval removal,
            Optional<Integer> defaultDays,
            Clock clock) {
        this.recordings = recordings;
        this.settings = settings;
        this.removal = removal;
        this.defaultDays = defaultDays;
        this.clock = clock;
    }

    public static Retention start(
            RecordingStore recordings,
            JdbcOrgSettings settings,
            RecordingRemoval removal,
            Optional<Integer> defaultDays,
            Clock clock) {
        Retention retention = new Retention(recordings, settings, removal, defaultDays, clock);
        retention.sweeper = Periodic.every(SWEEP_EVERY, "callintel-retention", retention::sweep);
        return retention;
    }

    /** One pass over every organization; how many recordings it deleted. */
    int sweep() {
        int deleted = 0;
        for (String org : recordings.orgs()) {
            Optional<Integer> days = settings.retentionDays(org).or(() -> defaultDays);
            if (days.isPresent()) {
                deleted += removal.purge(org, clock.instant().minus(Duration.ofDays(days.get())));
            }
        }
        int total = deleted;
        if (total > 0) {
            LOG.info(() -> "deleted " + total + " recording(s) past their organization's retention");
        }
        return total;
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.close();
        }
    }
}
