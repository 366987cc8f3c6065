package io.callintel.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What Linux's /proc says about the server process, this process and the machine: resident memory, CPU
 * time, and who else is using the cores. The benchmark shares the machine with the server it drives (and
 * possibly with other work), so every phase reports how the cores were split.
 */
final class ServerLoadProc {

    /** USER_HZ: the unit of /proc CPU times; 100 on every mainstream Linux build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ServerLoadProc() {}

    /** Machine description for the report. */
    record Machine(
            int cores, String cpuModel, String memTotal, String kernel, String benchmarkJdk, String serverJava) {}

    static Machine machine(String serverJava) {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                field(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"),
                field(Path.of("/proc/meminfo"), "MemTotal").orElse("unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.vendor") + " " + Runtime.version(),
                serverJava);
    }

    /** A value of /proc/PID/status in kB (VmRSS, VmHWM), as MiB. */
    static double statusMib(long pid, String key) {
        String value = field(Path.of("/proc/" + pid + "/status"), key)
                .orElseThrow(() -> new IllegalStateException("no " + key + " for process " + pid + ": has it exited?"));
        return Long.parseLong(value.replace("kB", "").trim()) / 1024.0;
    }

    /**
     * Resets the process's VmHWM to its current RSS (Linux 4.0+, "5" > clear_refs), so that a round's
     * peak is its own and not the whole run's. Returns false where the kernel does not allow it.
     */
    static boolean resetPeakRss(long pid) {
        try {
            Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Asks the server JVM for a full GC ({@code jcmd PID GC.run}, the JDK's jcmd next to the server's java),
     * so that the heap used afterwards is the live heap: "used" alone also counts garbage G1 has not yet
     * collected, which rises and falls with allocation and says nothing about what is retained.
     * Returns false when jcmd is missing or fails.
     */
    static boolean fullGc(long pid, String javaCommand) {
        Path jcmd = Path.of(javaCommand).resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** CPU counters at one moment, in ticks: the whole machine, the server, this process. */
    record CpuSnapshot(long nanos, long machineBusy, long machineTotal, long server, long client, String load) {}

    /** Average cores used over an interval by the server, this process (the client) and everything else. */
    record CpuShare(
            double seconds,
            double serverCores,
            double clientCores,
            double otherCores,
            double idleCores,
            String loadBefore,
            String loadAfter) {}

    static CpuSnapshot cpu(long serverPid) {
        long[] machine = machineTicks();
        return new CpuSnapshot(
                System.nanoTime(),
                machine[0],
                machine[1],
                processTicks("/proc/" + serverPid + "/stat"),
                processTicks("/proc/self/stat"),
                loadAverage());
    }

    static CpuShare between(CpuSnapshot a, CpuSnapshot b) {
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        double ticks = seconds * TICKS_PER_SECOND;
        double server = (b.server() - a.server()) / ticks;
        double client = (b.client() - a.client()) / ticks;
        double busy = (b.machineBusy() - a.machineBusy()) / ticks;
        double idle = ((b.machineTotal() - a.machineTotal()) - (b.machineBusy() - a.machineBusy())) / ticks;
        return new CpuShare(seconds, server, client, Math.max(0, busy - server - client), idle, a.load(), b.load());
    }

    /** {busy, total} from the "cpu" line of /proc/stat; iowait counts as idle (the core could run something). */
    private static long[] machineTicks() {
        String[] f = read(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
        long idle = Long.parseLong(f[4]), iowait = Long.parseLong(f[5]), irq = Long.parseLong(f[6]);
        long softirq = Long.parseLong(f[7]), steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
        long busy = user + nice + system + irq + softirq + steal;
        return new long[] {busy, busy + idle + iowait};
    }

    /** utime + stime of a process (fields 14 and 15 of its stat line; counted after the parenthesised name). */
    private static long processTicks(String statFile) {
        String line = read(Path.of(statFile)).get(0);
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static java.util.Optional<String> field(Path file, String key) {
        String prefix = key.toLowerCase(Locale.ROOT);
        return read(file).stream()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix) && line.contains(":"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
