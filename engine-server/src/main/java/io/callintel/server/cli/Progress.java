package io.callintel.server.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A batch's progress on stderr: a live bar redrawn in place when stderr is a terminal, a plain
 * line every half minute otherwise (logs, CI). Files done, audio hours done, speed in times real
 * time, ETA. Thread-safe.
 */
final class Progress implements AutoCloseable {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final int total;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private int done;
    private int failed;
    private int skipped;
    private double audioSeconds;

    /** @param total recordings to process in this run (skipped ones not counted) */
    Progress(PrintWriter err, boolean terminal, int total) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
        this.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "callintel-progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = terminal ? 500 : 30_000;
        ticker.scheduleAtFixedRate(this::print, period, period, TimeUnit.MILLISECONDS);
    }

    synchronized void skipped(int count) {
        skipped += count;
    }

    synchronized void finished(double audio, boolean ok) {
        done++;
        audioSeconds += Double.isFinite(audio) ? audio : 0;
        if (!ok) {
            failed++;
        }
    }

    private synchronized void print() {
        String line = line();
        if (terminal) {
            err.print("\r" + line + "\u001b[K"); // erase what a longer previous line left
        } else {
            err.println("progress: " + line);
        }
        err.flush();
    }

    synchronized String line() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        String speed = wall > 0 && audioSeconds > 0 ? String.format("%.1fx real time", audioSeconds / wall) : "-";
        String eta = done == 0 ? "--:--:--" : clock(wall / done * (total - done));
        int filled = total == 0 ? BAR_WIDTH : BAR_WIDTH * done / total;
        String bar = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
        return String.format(
                "%s %d/%d files, %.2f h audio, %s, ETA %s%s%s",
                bar,
                done,
                total,
                audioSeconds / 3600,
                speed,
                eta,
                failed > 0 ? ", " + failed + " failed" : "",
                skipped > 0 ? ", " + skipped + " skipped" : "");
    }

    static String clock(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return String.format("%02d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    /** Stops the ticker and leaves the final state on its own line. */
    @Override
    public void close() {
        ticker.shutdownNow();
        synchronized (this) {
            if (terminal) {
                err.print("\r" + line() + "\u001b[K\n");
            } else {
                err.println("progress: " + line());
            }
            err.flush();
        }
    }
}
