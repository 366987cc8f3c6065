package io.callintel.server.service;

import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.analytics.UseCaseSummary;
import io.callintel.core.pipeline.PipelineListener;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.store.RecordingStore;
import io.callintel.core.store.ResultStore;
import io.callintel.core.usecase.UseCase;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Each use case's running totals ({@link UseCaseSummary}), kept in memory and updated as recordings
 * arrive, move and complete. A use case's totals are built from the database the first time they
 * are asked for (after a start, or after the use case changed), then only updated: a summary request
 * never re-reads every call. Arrivals come from the store ({@link #observing}), processing from the
 * pipeline (as its {@link PipelineListener}); nobody else reports to it. With a database shared by many nodes, the
 * others' changes never reach this one, so every request builds its totals from the database instead.
 */
public final class Summaries implements PipelineListener {

    /** A use case's totals and the tags they are broken down by (the use case's when they were built). */
    private record Tracked(UseCaseSummary summary, List<String> tags) {}

    private final RecordingStore recordings;
    private final ResultStore results;
    /** Other nodes change the same recordings: totals are built from the database for every request. */
    private final boolean shared;
    /** Guarded by this: building and updating exclude each other, so no change slips between the two. */
    private final Map<String, Tracked> byUseCase = new HashMap<>();

    /** @param shared whether other nodes share the database (then nothing is kept between requests) */
    public Summaries(RecordingStore recordings, ResultStore results, boolean shared) {
        this.recordings = recordings;
        this.results = results;
        this.shared = shared;
    }

    /** The use case's totals now. */
    public synchronized UseCaseSummary.Snapshot of(UseCase useCase) {
        if (shared) {
            return build(useCase, recording -> true).snapshot();
        }
        return byUseCase
                .computeIfAbsent(useCase.uuid(), uuid -> new Tracked(build(useCase, recording -> true), useCase.tags()))
                .summary()
                .snapshot();
    }

    /**
     * The use case's recordings per state (the rest of the snapshot may be empty): with a shared database, one
     * aggregate query instead of a build from every call.
     */
    public UseCaseSummary.Snapshot counts(UseCase useCase) {
        if (!shared) {
            return of(useCase);
        }
        return UseCaseSummary.ofStates(
                        recordings.countsByState(List.of(useCase.uuid())).getOrDefault(useCase.uuid(), Map.of()))
                .snapshot();
    }

    /**
     * The use case's totals over the calls dated {@code from} to {@code to}, both included: built from the database
     * for this request, so it reads every call of the use case once.
     */
    public UseCaseSummary.Snapshot between(UseCase useCase, LocalDate from, LocalDate to) {
        return build(
                        useCase,
                        recording -> !recording.callDate().isBefore(from)
                                && !recording.callDate().isAfter(to))
                .snapshot();
    }

    /**
     * The store, reporting here each recording it creates and each upload it receives. Hand this, not the
     * plain store, to whatever takes uploads.
     */
    public RecordingStore observing(RecordingStore store) {
        return new ObservedRecordingStore(store, this);
    }

    private UseCaseSummary build(UseCase useCase, Predicate<Recording> included) {
        UseCaseSummary summary = new UseCaseSummary();
        for (Recording recording : recordings.all(useCase.uuid())) {
            if (!included.test(recording)) {
                continue;
            }
            summary.added(recording.state(), useCase.tags(), dimensions(recording));
            if (recording.state() == RecordingState.ANALYSIS_COMPLETED) {
                results.analytics(recording.uuid()).ifPresent(summary::analysed);
            }
        }
        return summary;
    }

    /** A new recording was stored. */
    synchronized void added(Recording recording) {
        recording
                .usecase()
                .map(byUseCase::get)
                .ifPresent(
                        tracked -> tracked.summary().added(recording.state(), tracked.tags(), dimensions(recording)));
    }

    @Override
    public synchronized void moved(Recording recording, RecordingState to) {
        recording
                .usecase()
                .map(byUseCase::get)
                .ifPresent(tracked -> tracked.summary().moved(recording.state(), to));
    }

    @Override
    public synchronized void analysed(Recording recording, CallAnalytics analytics) {
        recording
                .usecase()
                .map(byUseCase::get)
                .ifPresent(tracked -> tracked.summary().analysed(analytics));
    }

    /** Recordings went away: every use case's totals are rebuilt when next asked for. */
    synchronized void forgetAll() {
        byUseCase.clear();
    }

    /** The use case changed or went away: its totals are rebuilt when next asked for. */
    public synchronized void forget(String useCase) {
        byUseCase.remove(useCase);
    }

    private static Map<String, String> dimensions(Recording recording) {
        return recording.callType().map(type -> Map.of("call_type", type)).orElse(Map.of());
    }
}
