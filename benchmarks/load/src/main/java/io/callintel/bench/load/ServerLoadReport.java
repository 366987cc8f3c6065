package io.callintel.bench.load;

import java.util.Locale;

/** The benchmark's results as Markdown tables, with each target and a pass/FAIL verdict. */
final class ServerLoadReport {

    private static final double P99_TARGET_MS = 10;
    private static final double UPLOAD_TARGET_MB_S = 300;
    private static final double RSS_TARGET_MIB = 1024;

    private ServerLoadReport() {}

    static String markdown(ServerLoadBenchmark.Results r) {
        StringBuilder md = new StringBuilder();
        ServerLoadBenchmark.Options o = r.options();
        ServerLoadProc.Machine m = r.machine();
        md.append("## Server load (`ServerLoadBenchmark`, started ")
                .append(r.started())
                .append(")\n\n");
        md.append(f(
                "Machine: %d cores, `%s`, MemTotal %s, %s. Benchmark JVM: %s; server: `%s`. "
                        + "Server idle RSS after start: %.0f MiB.%n%n",
                m.cores(), m.cpuModel(), m.memTotal(), m.kernel(), m.benchmarkJdk(), m.serverJava(), r.idleRssMib()));

        md.append(f(
                "### Metadata endpoints: %d connections, closed loop, %d s warm-up + %d s measured%n%n",
                o.connections(), o.warmupSeconds(), o.durationSeconds()));
        md.append(
                "| endpoint | requests | req/s | mean ms | p50 ms | p90 ms | p99 ms | max ms | errors | server mean ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        ServerLoadLatency.Result overall = null;
        for (ServerLoadLatency.Result l : r.latency()) {
            boolean all = l.endpoint().equals("all endpoints");
            String name = all ? "**all endpoints**" : "`" + l.endpoint() + "`";
            md.append(f(
                    "| %s | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %d | %s |%n",
                    name,
                    l.requests(),
                    l.perSecond(),
                    l.meanMs(),
                    l.p50Ms(),
                    l.p90Ms(),
                    l.p99Ms(),
                    l.maxMs(),
                    l.errors(),
                    l.serverMeanMs() == null ? "-" : f("%.2f", l.serverMeanMs())));
            if (all) {
                overall = l;
            }
        }
        md.append('\n')
                .append(f(
                        "Server mean = the server's own handling time from its request metrics (no queueing before "
                                + "the request is read). Closed loop, so mean latency = connections / throughput (Little's law: %d / %.0f/s "
                                + "= %.1f ms): at %d connections, a p99 under %.0f ms needs well over %.0f requests/s.%n%n",
                        o.connections(),
                        overall.perSecond(),
                        o.connections() * 1e3 / overall.perSecond(),
                        o.connections(),
                        P99_TARGET_MS,
                        o.connections() * 1e3 / P99_TARGET_MS));
        md.append(verdict(
                f("p99 < %.0f ms (all endpoints) flat out, the server saturated", P99_TARGET_MS),
                f("%.2f ms", overall.p99Ms()),
                overall.p99Ms() < P99_TARGET_MS));
        md.append(cpu(r.latencyCpu(), m.cores()));
        if (!r.openLoop().isEmpty()) {
            md.append(openLoop(r, o));
        }

        md.append(f("### Upload throughput: presigned PUT of a %d MB WAV, %d runs%n%n", o.uploadMb(), o.uploadRuns()));
        md.append("Time from sending the PUT to the server's 200, which comes after the file is written, fsynced and "
                + "probed by FFmpeg. MB = 10^6 bytes.\n\n");
        md.append("One untimed upload first warms up the upload path.\n\n");
        md.append("| run | bytes | seconds | MB/s |\n|---:|---:|---:|---:|\n");
        for (ServerLoadUploads.UploadRun u : r.uploads()) {
            md.append(f("| %d | %d | %.3f | %.0f |%n", u.run(), u.bytes(), u.seconds(), u.mbPerSecond()));
        }
        md.append(f("| **median** | | | **%.0f** |%n%n", r.uploadMedianMbPerSecond()));
        md.append(f(
                "Yardstick: the same file copied from the page cache into a new file on the same disk and fsynced, by "
                        + "the benchmark itself (no HTTP): %.0f MB/s (median of 3).%n%n",
                r.diskWriteFsyncMbPerSecond()));
        md.append(verdict(
                f("median >= %.0f MB/s", UPLOAD_TARGET_MB_S),
                f("%.0f MB/s", r.uploadMedianMbPerSecond()),
                r.uploadMedianMbPerSecond() >= UPLOAD_TARGET_MB_S));
        md.append(cpu(r.uploadCpu(), m.cores()));

        md.append(f(
                "### Server memory during %d concurrent %d MB uploads, %d rounds%n%n",
                o.memoryUploads(), o.memoryMb(), o.memoryRounds()));
        md.append(
                "RSS from /proc/PID/status (VmRSS sampled every 100 ms; the peak also takes VmHWM, reset before each "
                        + "round), heap = sum of `jvm_memory_used_bytes{area=\"heap\"}` from /metrics (used, not live: includes "
                        + "garbage not yet collected). MiB = 2^20 bytes. Each round starts with a full GC (`jcmd PID GC.run`), so \"heap before\" is the live "
                        + "heap; after = 2 s after the last upload answered; then another full GC gives the live heap after.\n\n");
        md.append("| round | wall s | aggregate MB/s | RSS before MiB | RSS peak MiB | RSS after MiB | heap before MiB "
                + "| heap peak MiB | heap after MiB | heap committed before -> after MiB | live heap after full GC MiB |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double peak = 0;
        for (ServerLoadUploads.MemoryRound mr : r.memory()) {
            md.append(f(
                    "| %d | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f -> %.0f | %.1f |%n",
                    mr.round(),
                    mr.wallSeconds(),
                    mr.aggregateMbPerSecond(),
                    mr.rssBeforeMib(),
                    mr.rssPeakMib(),
                    mr.rssAfterMib(),
                    mr.heapBeforeMib(),
                    mr.heapPeakMib(),
                    mr.heapAfterMib(),
                    mr.heapCommittedBeforeMib(),
                    mr.heapCommittedAfterMib(),
                    mr.liveHeapAfterGcMib()));
            peak = Math.max(peak, mr.rssPeakMib());
        }
        md.append('\n').append(verdict("peak RSS < 1 GiB", f("%.0f MiB", peak), peak < RSS_TARGET_MIB));
        md.append(cpu(r.memoryCpu(), m.cores()));
        return md.toString();
    }

    /** One row per offered rate, all endpoints together. */
    private static String openLoop(ServerLoadBenchmark.Results r, ServerLoadBenchmark.Options o) {
        StringBuilder md = new StringBuilder();
        md.append(f(
                "### Metadata endpoints: %d connections at fixed request rates (open loop), %d s warm-up + %d s "
                        + "measured each%n%n",
                o.connections(), o.warmupSeconds(), o.durationSeconds()));
        md.append("Each connection sends on a fixed schedule (rate / connections per second); latency counts from the "
                + "scheduled send time, so waiting behind a slow answer on the same connection is included (no "
                + "coordinated omission).\n\n");
        md.append(
                "| offered req/s | answered req/s | mean ms | p50 ms | p90 ms | p99 ms | max ms | errors | server cores "
                        + "| client cores | idle cores |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ServerLoadBenchmark.RateRun run : r.openLoop()) {
            ServerLoadLatency.Result all = run.latency().get(run.latency().size() - 1);
            md.append(f(
                    "| %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %d | %.2f | %.2f | %.2f |%n",
                    run.offeredPerSecond(),
                    all.perSecond(),
                    all.meanMs(),
                    all.p50Ms(),
                    all.p90Ms(),
                    all.p99Ms(),
                    all.maxMs(),
                    all.errors(),
                    run.cpu().serverCores(),
                    run.cpu().clientCores(),
                    run.cpu().idleCores()));
        }
        md.append('\n');
        for (ServerLoadBenchmark.RateRun run : r.openLoop()) {
            double p99 = run.latency().get(run.latency().size() - 1).p99Ms();
            md.append(verdict(
                    f(
                            "p99 < %.0f ms at %d connections, %d requests/s",
                            P99_TARGET_MS, o.connections(), run.offeredPerSecond()),
                    f("%.2f ms", p99),
                    p99 < P99_TARGET_MS));
        }
        return md.toString();
    }

    private static String verdict(String target, String measured, boolean pass) {
        return f("Target %s: measured %s, **%s**.%n%n", target, measured, pass ? "pass" : "FAIL");
    }

    /** How the cores were shared during a phase: the client runs on the same machine as the server. */
    private static String cpu(ServerLoadProc.CpuShare c, int cores) {
        return f(
                "CPU over the phase (%.0f s, %d cores): server %.2f cores, benchmark client %.2f, everything else %.2f "
                        + "(other processes and kernel threads, e.g. disk writeback), "
                        + "idle %.2f; load average %s -> %s (it counts the benchmark's own busy and fsync-waiting threads).%n%n",
                c.seconds(),
                cores,
                c.serverCores(),
                c.clientCores(),
                c.otherCores(),
                c.idleCores(),
                c.loadBefore(),
                c.loadAfter());
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
