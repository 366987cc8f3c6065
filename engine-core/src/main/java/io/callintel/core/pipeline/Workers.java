package io.callintel.core.pipeline;

import io.callintel.core.pipeline.RecordingPipeline.PermanentFailure;
import io.callintel.core.recording.AudioFile;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.store.RecordingStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A pool of threads that take recordings off the durable queue and run them through the pipeline.
 * Each claim is leased, and a heartbeat renews the leases of the recordings in flight, so that a worker
 * that dies (its process killed, its node gone) loses its recordings to other workers once their leases
 * run out. A transient error makes the recording due again after a backoff that doubles with each attempt,
 * up to {@code maxAttempts}; a permanent one fails it with its message. Every claim counts an attempt, so a recording that never
 * finishes (it hangs until the process is killed, or crashes it natively) is quarantined as failed
 * when it is claimed once more than allowed, instead of crashing every restart. {@link #close()} lets
 * work in flight finish within the grace period, then interrupts it and hands it back to the queue
 * without counting the attempt. A recording that runs past its {@link Budget} is interrupted and
 * failed (native code that never returns keeps its thread, but no longer holds a worker).
 */
public final class Workers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Workers.class.getName());
    /** Polling interval when idle: work queued by another process (or missed wake-ups) is still found. */
    private static final long IDLE_POLL_MILLIS = 1_000;

    private final RecordingStore recordings;
    private final RecordingPipeline pipeline;
    private final PipelineListener listener;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final Budget budget;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "callintel-worker-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Thread> threads = new ArrayList<>();
    /** Each worker's claimed recording, whose lease the heartbeat renews. */
    private final Map<Thread, Recording> inFlight = new ConcurrentHashMap<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean stopping;

    /**
     * How long one recording may take: a base plus a multiple of its length (the longest call accepted when
     * its length is unknown). The default, 10 minutes plus twice the audio's length, is many times what
     * transcription and analysis take on a loaded machine.
     */
    public record Budget(Duration base, double perAudioSecond, double unknownLengthSeconds) {
        public static final Budget DEFAULT = new Budget(Duration.ofMinutes(10), 2, 4 * 3600);

        Duration of(Recording recording) {
            double seconds = recording
                    .audio()
                    .map(AudioFile::duration)
                    .filter(d -> Double.isFinite(d) && d >= 0)
                    .orElse(unknownLengthSeconds);
            return base.plusMillis(Math.round(seconds * perAudioSecond * 1000));
        }
    }

    /**
     * @param maxAttempts processing attempts per recording before it fails (1 = no retry)
     * @param retryDelay  how long after a failed first attempt the recording is due again, doubled for each further one
     * @param budget      how long one recording may take before it fails
     */
    public Workers(
            RecordingStore recordings,
            RecordingPipeline pipeline,
            PipelineListener listener,
            int count,
            int maxAttempts,
            Duration retryDelay,
            Budget budget) {
        if (count < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "workers must be 0 or more (0: accept uploads, process none) and attempts 1 or more");
        }
        this.recordings = recordings;
        this.pipeline = pipeline;
        this.listener = listener;
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
        this.budget = budget;
        for (int i = 1; i <= count; i++) {
            Thread thread = new Thread(this::run, "callintel-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    /** Releases claims left by a previous process, then starts the threads and the heartbeat that renews their leases. */
    public void start() {
        int resumed = recordings.releaseAll();
        if (resumed > 0) {
            LOG.info(() -> "resuming " + resumed + " recording(s) left mid-way by the previous run");
        }
        long beat = Math.max(1, recordings.lease().toMillis() / 3);
        watchdog.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        threads.forEach(Thread::start);
    }

    /** Renews the lease of every recording in flight, so that no other node takes it while it is worked on. */
    private void heartbeat() {
        inFlight.forEach((worker, recording) -> {
            try {
                recordings.renew(recording);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not renew the lease on recording " + recording.uuid(), e);
            }
        });
    }

    /** New work is queued: wake an idle worker now instead of at its next poll. */
    public void wake() {
        lock.lock();
        try {
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!stopping) {
            long claiming = System.nanoTime();
            Optional<Recording> next = recordings.claimNext();
            if (next.isEmpty()) {
                idle();
                continue;
            }
            listener.timed("claim", (System.nanoTime() - claiming) / 1e9, 0);
            if (next.get().attempts() > maxAttempts) {
                fail(next.get(), "processing did not finish after " + maxAttempts + " attempts");
                continue;
            }
            try {
                process(next.get());
            } catch (InterruptedException e) {
                recordings.handBack(next.get()); // shutting down: the next start takes it up again
                return;
            }
        }
    }

    private void idle() {
        lock.lock();
        try {
            if (!stopping) {
                work.await(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private void process(Recording recording) throws InterruptedException {
        Alarm alarm = new Alarm(Thread.currentThread());
        Duration limit = budget.of(recording);
        ScheduledFuture<?> scheduled = watchdog.schedule(alarm::ring, limit.toMillis(), TimeUnit.MILLISECONDS);
        inFlight.put(Thread.currentThread(), recording);
        try {
            attempt(recording);
        } catch (InterruptedException e) {
            if (!alarm.rang()) {
                throw e;
            }
        } finally {
            inFlight.remove(Thread.currentThread());
            scheduled.cancel(false);
            if (alarm.silence()) {
                Thread.interrupted(); // the alarm's interrupt is spent: the next claim must not see it
                if (recordings
                        .find(recording.uuid())
                        .map(r -> r.state().isProcessing())
                        .orElse(false)) {
                    fail(recording, "processing took longer than its budget of " + limit.toSeconds() + " s");
                }
            }
        }
    }

    /** Interrupts a worker that runs past its budget, unless it finished first. */
    private static final class Alarm {
        private final Thread worker;
        private boolean finished;
        private boolean rang;

        Alarm(Thread worker) {
            this.worker = worker;
        }

        synchronized void ring() {
            if (!finished) {
                rang = true;
                worker.interrupt();
            }
        }

        synchronized boolean rang() {
            return rang;
        }

        /** No ring after this; whether it rang. */
        synchronized boolean silence() {
            finished = true;
            return rang;
        }
    }

    private void attempt(Recording recording) throws InterruptedException {
        try {
            pipeline.process(recording);
        } catch (InterruptedException e) {
            throw e;
        } catch (LostClaim e) {
            LOG.warning(e.getMessage());
        } catch (PermanentFailure e) {
            fail(recording, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            if (Thread.currentThread().isInterrupted() || stopping && isInterruption(e)) {
                throw new InterruptedException("stopped");
            }
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.log(
                    Level.WARNING,
                    "attempt " + recording.attempts() + " on recording " + recording.uuid() + " failed",
                    e);
            if (recording.attempts() >= maxAttempts) {
                fail(recording, "failed after " + recording.attempts() + " attempts: " + reason);
            } else {
                RecordingState state =
                        recordings.find(recording.uuid()).map(Recording::state).orElse(recording.state());
                Duration backoff = retryDelay.multipliedBy(1L << Math.min(20, recording.attempts() - 1));
                recordings.advance(
                        recording,
                        state,
                        "attempt " + recording.attempts() + " failed, will retry in " + backoff.toMillis() + " ms: "
                                + reason);
                recordings.release(recording, backoff); // due again after it; meanwhile this worker takes other work
            }
        }
    }

    private static boolean isInterruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private void fail(Recording recording, String reason) {
        Recording current = recordings.find(recording.uuid()).orElse(recording);
        if (recordings.advance(recording, RecordingState.FAILED, reason)) {
            listener.moved(current, RecordingState.FAILED);
        }
    }

    /**
     * Stops taking work, waits up to {@code grace} for recordings in flight, then interrupts them:
     * an interrupted recording goes back to the queue.
     */
    public void stop(Duration grace) throws InterruptedException {
        stopping = true;
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        watchdog.shutdownNow();
    }

    /** {@link #stop} with 30 seconds' grace. */
    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
