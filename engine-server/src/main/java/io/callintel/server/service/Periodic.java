package io.callintel.server.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A housekeeping task run every so often on a daemon thread of its own, until closed. A failed run is logged and
 * the next one goes ahead.
 */
public final class Periodic implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Periodic.class.getName());

    private final ScheduledExecutorService scheduler;

    private Periodic(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs the task now and then every {@code period}. @param name the thread's name, and what a failure's log says */
    public static Periodic every(Duration period, String name, Runnable task) {
        return every(period, Duration.ZERO, name, task);
    }

    /** Runs the task after {@code first}, then every {@code period}. */
    public static Periodic every(Duration period, Duration first, String name, Runnable task) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + " failed", e);
            }
        };
        scheduler.scheduleWithFixedDelay(guarded, first.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return new Periodic(scheduler);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
