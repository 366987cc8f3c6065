package io.callintel.bench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the benchmark corpora and probes share: where a corpus lives, the process's memory as Linux
 * reports it, and the CPU time the process has used.
 */
public final class BenchFiles {

    private BenchFiles() {}

    /** The corpus directory: the system property {@code property} if set, else {@code name} in the temp directory; created if needed. */
    public static Path corpusDirectory(String property, String name) {
        String override = System.getProperty(property);
        Path dir = override != null ? Path.of(override) : Path.of(System.getProperty("java.io.tmpdir"), name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A /proc/self/status field (VmRSS, VmHWM, RssAnon...) in bytes, or -1 where there is none (not Linux). */
    public static long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** CPU time used by all of this process's threads so far, in nanoseconds. */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
