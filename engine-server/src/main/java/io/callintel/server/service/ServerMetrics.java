package io.callintel.server.service;

import io.callintel.core.pipeline.PipelineListener;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.store.RecordingStore;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * What {@code /metrics} shows, in Prometheus' text format: queue depth, recordings per state, stage
 * durations and real-time factors, HTTP requests, and the JVM's memory, threads and CPU.
 */
public final class ServerMetrics implements PipelineListener {

    /** State counts are read from the database at most this often, however often Prometheus scrapes. */
    private static final long STATE_COUNT_TTL_NANOS = Duration.ofSeconds(2).toNanos();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RecordingStore recordings;
    private final AtomicReference<Counted> stateCounts = new AtomicReference<>(new Counted(Map.of(), 0));

    private record Counted(Map<RecordingState, Long> counts, long atNanos) {}

    /** @param recognizerReplacements how many speech recognizers were replaced so far (cold starts) */
    /** @param takeovers claims this node took over from workers whose lease had run out */
    public ServerMetrics(RecordingStore recordings, IntSupplier recognizerReplacements, LongSupplier takeovers) {
        this.recordings = recordings;
        FunctionCounter.builder("callintel_lease_expiries", takeovers, LongSupplier::getAsLong)
                .description(
                        "Recordings this node took over after their worker's lease ran out (a worker died or stalled)")
                .register(registry);
        Gauge.builder("callintel_queue_depth", recordings, RecordingStore::queueDepth)
                .description("Recordings waiting for a worker")
                .register(registry);
        FunctionCounter.builder("callintel_recognizer_replacements", recognizerReplacements, IntSupplier::getAsInt)
                .description(
                        "Speech recognizers replaced by fresh ones, each a cold start (--replace-recognizer-after)")
                .register(registry);
        for (RecordingState state : RecordingState.values()) {
            Gauge.builder("callintel_recordings", this, metrics -> metrics.count(state))
                    .tag("state", state.wireName())
                    .description("Recordings per state")
                    .register(registry);
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    private double count(RecordingState state) {
        Counted counted = stateCounts.get();
        if (System.nanoTime() - counted.atNanos() > STATE_COUNT_TTL_NANOS) {
            counted = new Counted(new EnumMap<>(recordings.countsByState()), System.nanoTime());
            stateCounts.set(counted);
        }
        return counted.counts().getOrDefault(state, 0L);
    }

    @Override
    public void timed(String stage, double seconds, double audioSeconds) {
        Timer.builder("callintel_stage_duration")
                .tag("stage", stage)
                .description("Wall time per recording and stage (claim: taking it off the queue)")
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(Duration.ofNanos((long) (seconds * 1e9)));
        if (seconds > 0 && audioSeconds > 0) {
            DistributionSummary.builder("callintel_stage_realtime_factor")
                    .tag("stage", stage)
                    .description("Audio seconds processed per wall second (higher is faster)")
                    .register(registry)
                    .record(audioSeconds / seconds);
        }
    }

    /** One HTTP request answered. */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder("callintel_http_requests")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    public String scrape() {
        return registry.scrape();
    }
}
