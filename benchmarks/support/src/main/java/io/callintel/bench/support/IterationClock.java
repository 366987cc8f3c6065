package io.callintel.bench.support;

/** Wall time and this process's CPU time over one benchmark iteration, for the {@code [cpu]} lines. */
public final class IterationClock {

    /** What one iteration took, in seconds. */
    public record Elapsed(double wall, double cpu) {
        /** How many cores were busy on average. */
        public double cores() {
            return cpu / wall;
        }
    }

    private long cpuAtStart;
    private long wallAtStart;

    public void start() {
        cpuAtStart = BenchFiles.processCpuNanos();
        wallAtStart = System.nanoTime();
    }

    public Elapsed stop() {
        return new Elapsed((System.nanoTime() - wallAtStart) / 1e9, (BenchFiles.processCpuNanos() - cpuAtStart) / 1e9);
    }
}
