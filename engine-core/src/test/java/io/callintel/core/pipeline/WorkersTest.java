package io.callintel.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.analytics.CallMetrics;
import io.callintel.core.audio.AudioDecodeException;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.recording.StateChange;
import io.callintel.core.store.UseCaseStore;
import io.callintel.core.transcript.Transcript;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The workers' retry, failure and shutdown rules, with in-memory stores and stand-in stages. */
class WorkersTest {

    private static final Transcript EMPTY = new Transcript(1.0, List.of(), List.of(), List.of(), List.of(), List.of());
    private static final CallAnalytics NOTHING = new CallAnalytics(
            List.of(), null, new CallMetrics(1, 0, 1, 1, 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of()));

    private final InMemoryStores.Recordings recordings = new InMemoryStores.Recordings();
    private final InMemoryStores.Results results = new InMemoryStores.Results();
    private final UseCaseStore noUseCases = new UseCaseStore() {
        public void create(io.callintel.core.usecase.UseCase u) {}

        public Optional<io.callintel.core.usecase.UseCase> find(String org, String uuid) {
            return Optional.empty();
        }

        public boolean update(io.callintel.core.usecase.UseCase u) {
            return false;
        }

        public boolean delete(String org, String uuid) {
            return false;
        }

        public io.callintel.core.store.Page<io.callintel.core.usecase.UseCase> list(
                String org, Optional<String> tag, io.callintel.core.store.PageRequest page) {
            throw new UnsupportedOperationException();
        }
    };

    private Workers workers(Transcription transcription, int maxAttempts) {
        return workers(transcription, maxAttempts, Workers.Budget.DEFAULT);
    }

    private Workers workers(Transcription transcription, int maxAttempts, Workers.Budget budget) {
        RecordingPipeline pipeline = new RecordingPipeline(
                recordings,
                noUseCases,
                results,
                new InMemoryStores.Corrections(),
                new InMemoryStores.Blobs(),
                transcription,
                InMemoryStores.NO_REDACTION,
                (transcript, config, corrected) -> NOTHING,
                (recording, transcript) -> {},
                new PipelineListener() {});
        return new Workers(
                recordings, pipeline, new PipelineListener() {}, 1, maxAttempts, Duration.ofMillis(1), budget);
    }

    @Test
    void transientErrorsAreRetriedThenSucceed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        recordings.create(InMemoryStores.recording("a"));
        try (Workers workers = workers(
                (audio, recording) -> {
                    if (calls.incrementAndGet() < 3) {
                        throw new IllegalStateException("disk hiccup");
                    }
                    return EMPTY;
                },
                3)) {
            workers.start();
            awaitState("a", RecordingState.ANALYSIS_COMPLETED);
        }
        assertEquals(3, calls.get());
        assertEquals(3, recordings.find("a").orElseThrow().attempts());
        List<String> messages = recordings.history("a").stream()
                .map(StateChange::message)
                .filter(m -> !m.isEmpty())
                .toList();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).matches("attempt 1 failed, will retry in \\d+ ms: disk hiccup"), messages.get(0));
    }

    @Test
    void retriesAreBounded() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        recordings.create(InMemoryStores.recording("b"));
        try (Workers workers = workers(
                (audio, recording) -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("always broken");
                },
                2)) {
            workers.start();
            awaitState("b", RecordingState.FAILED);
        }
        assertEquals(2, calls.get());
        assertEquals(
                "failed after 2 attempts: always broken",
                recordings.find("b").orElseThrow().error());
    }

    @Test
    void undecodableAudioAndMissingFilesFailAtOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        recordings.create(InMemoryStores.recording("c"));
        recordings.create(InMemoryStores.recording("missing"));
        try (Workers workers = workers(
                (audio, recording) -> {
                    calls.incrementAndGet();
                    throw new AudioDecodeException(AudioDecodeException.Problem.UNRECOGNISED_FORMAT, "not audio");
                },
                3)) {
            workers.start();
            awaitState("c", RecordingState.FAILED);
            awaitState("missing", RecordingState.FAILED);
        }
        assertEquals(1, calls.get(), "never retried");
        assertTrue(recordings.find("c").orElseThrow().error().startsWith("the audio cannot be decoded: not audio"));
        assertTrue(recordings.find("missing").orElseThrow().error().contains("is missing"));
    }

    @Test
    void stoppingInterruptsAndRequeuesWorkInFlight() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        recordings.create(InMemoryStores.recording("d"));
        Workers workers = workers(
                (audio, recording) -> {
                    started.countDown();
                    Thread.sleep(60_000); // a long recognition, interrupted by stop
                    return EMPTY;
                },
                3);
        workers.start();
        started.await();
        workers.stop(Duration.ofMillis(50));
        assertEquals(
                RecordingState.INITIATED, recordings.find("d").orElseThrow().state());
        assertEquals(1, recordings.queueDepth(), "back in the queue, unclaimed");
        assertEquals(0, recordings.find("d").orElseThrow().attempts(), "a stop is not the recording's fault");
    }

    @Test
    void aRecordingThatNeverFinishesIsQuarantinedInsteadOfClaimedForever() throws Exception {
        // Three earlier processes claimed it and died with it (a native crash, or a hang ended by a kill): each
        // claim counted, and each start released the claim.
        recordings.create(InMemoryStores.recording("f"));
        for (int run = 0; run < 3; run++) {
            recordings.claimNext();
            recordings.releaseAll();
        }
        AtomicInteger calls = new AtomicInteger();
        try (Workers workers = workers(
                (audio, recording) -> {
                    calls.incrementAndGet();
                    return EMPTY;
                },
                3)) {
            workers.start();
            awaitState("f", RecordingState.FAILED);
        }
        assertEquals(0, calls.get(), "not tried a fourth time");
        assertEquals(
                "processing did not finish after 3 attempts",
                recordings.find("f").orElseThrow().error());
    }

    @Test
    void aRecordingPastItsBudgetFailsAndTheWorkerGoesOn() throws Exception {
        recordings.create(InMemoryStores.recording("g"));
        try (Workers workers = workers(
                (audio, recording) -> {
                    if (recording.uuid().equals("g")) {
                        Thread.sleep(60_000); // a recognition that hangs
                    }
                    return EMPTY;
                },
                3,
                new Workers.Budget(Duration.ofSeconds(1), 0, 0))) {
            workers.start();
            awaitState("g", RecordingState.FAILED);
            recordings.create(InMemoryStores.recording("h"));
            workers.wake();
            awaitState("h", RecordingState.ANALYSIS_COMPLETED);
        }
        assertEquals(
                "processing took longer than its budget of 1 s",
                recordings.find("g").orElseThrow().error());
    }

    @Test
    void aTranscribedRecordingResumesWithAnalysisOnly() throws Exception {
        recordings.create(InMemoryStores.recording("e"));
        recordings.transition("e", RecordingState.TRANSCRIPTION_COMPLETED, "");
        results.saveTranscript("e", EMPTY);
        try (Workers workers = workers(
                (audio, recording) -> {
                    throw new AssertionError("must not transcribe again");
                },
                1)) {
            workers.start();
            awaitState("e", RecordingState.ANALYSIS_COMPLETED);
        }
        assertEquals(NOTHING, results.analytics("e").orElseThrow());
    }

    private void awaitState(String uuid, RecordingState state) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (recordings.find(uuid).orElseThrow().state() != state) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        uuid + " is " + recordings.find(uuid).orElseThrow().state() + ", expected " + state);
            }
            Thread.sleep(5);
        }
    }
}
