package io.callintel.server.cli;

import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.analytics.UseCaseSummary;
import io.callintel.core.recording.RecordingState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The table printed at the end of a batch: files, audio, wall time, speed, failures, buckets and answers. */
final class BatchSummary {

    private static final int FAILURES_SHOWN = 10;

    private final UseCaseSummary analyses = new UseCaseSummary(); // the same totals the server's summaries keep
    private final List<String> failures = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private int succeeded;
    private int skipped;
    private double audioSeconds;

    synchronized void skipped(int count) {
        skipped += count;
    }

    synchronized void succeeded(double audio, CallAnalytics analytics) {
        succeeded++;
        audioSeconds += Double.isFinite(audio) ? audio : 0;
        if (analytics != null) {
            analyses.added(RecordingState.ANALYSIS_COMPLETED, List.of(), Map.of());
            analyses.analysed(analytics);
        }
    }

    synchronized void failed(String file, String error) {
        failures.add(file + ": " + error);
    }

    synchronized int failures() {
        return failures.size();
    }

    synchronized void print(PrintWriter err) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        err.println();
        err.println("| summary | |");
        err.println("|---|---:|");
        row(err, "files analysed", Integer.toString(succeeded));
        row(err, "files failed", Integer.toString(failures.size()));
        row(err, "files skipped (already in the output)", Integer.toString(skipped));
        row(err, "audio", Progress.clock(audioSeconds) + String.format(" (%.2f h)", audioSeconds / 3600));
        row(err, "wall time", Progress.clock(wall));
        row(err, "speed", wall > 0 ? String.format("%.1fx real time", audioSeconds / wall) : "-");
        UseCaseSummary.Snapshot totals = analyses.snapshot();
        if (!totals.buckets().isEmpty()) {
            err.println();
            err.println("| bucket | calls |");
            err.println("|---|---:|");
            totals.buckets().forEach((bucket, count) -> row(err, bucket, Long.toString(count)));
        }
        if (!totals.answers().isEmpty()) {
            err.println();
            err.println("| question | answers |");
            err.println("|---|---|");
            totals.answers().forEach((question, counts) -> row(err, question, counts.toString()));
        }
        if (!failures.isEmpty()) {
            err.println();
            err.println("Failed:");
            failures.stream().limit(FAILURES_SHOWN).forEach(failure -> err.println("  " + failure));
            if (failures.size() > FAILURES_SHOWN) {
                err.println("  ... and " + (failures.size() - FAILURES_SHOWN) + " more (see the output)");
            }
        }
        err.flush();
    }

    private static void row(PrintWriter err, String name, String value) {
        err.println("| " + name.replace("|", "\\|") + " | " + value + " |");
    }
}
