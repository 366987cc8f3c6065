package io.callintel.core.store;

import io.callintel.core.recording.AudioFile;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.recording.StateChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recordings, their processing history, and the durable work queue: a recording in a
 * {@linkplain RecordingState#isProcessing() processing state} is work, until a worker claims it.
 * Every method commits before it returns.
 */
public interface RecordingStore {

    /** Stores a new recording and its first history entry (its state at creation). */
    void create(Recording recording);

    /** Within one organisation: another org's recording is absent. */
    Optional<Recording> find(String org, String uuid);

    /** Any org's recording; for the pipeline and for signed URLs, never for a caller's lookup. */
    Optional<Recording> find(String uuid);

    Optional<Recording> findByStorageKey(String storageKey);

    Page<Recording> list(RecordingQuery query);

    /** Oldest first. */
    List<StateChange> history(String uuid);

    /** Recordings per state for each of these use cases (states without recordings are left out). */
    Map<String, Map<RecordingState, Long>> countsByState(List<String> usecases);

    /** Every recording of a use case, to rebuild its summary. */
    List<Recording> all(String usecase);

    /** The file arrived: record what it is and move to {@code INITIATED}, queued for processing. */
    void uploaded(String uuid, AudioFile audio);

    /**
     * Moves a recording to a state, recording the change; a claimed recording stays claimed.
     *
     * @param message why (for failures and retries); empty otherwise
     */
    void transition(String uuid, RecordingState state, String message);

    /**
     * Takes the oldest recording that has work left, is due, and is unclaimed or whose claim's lease ran out; marks it
     * claimed for one {@link #lease()} and counts an attempt. Two workers never hold the same recording: the
     * returned recording's {@link Recording#attempts()} tells this claim from any later one, and the methods below
     * that take a claimed recording act only while it is still the latest claim.
     */
    Optional<Recording> claimNext();

    /** How long a claim holds without {@link #renew}: past it, another worker may claim the recording. */
    Duration lease();

    /** Extends a claim by one {@link #lease()}. False when it is no longer this claim (its lease ran out and another worker took it). */
    boolean renew(Recording claimed);

    /**
     * Moves a claimed recording to a state, recording the change, while the claim is still this one: results are
     * committed once even when two workers raced on an expired lease. False (nothing changes) for a stale claim.
     *
     * @param message why (for failures and retries); empty otherwise
     */
    boolean advance(Recording claimed, RecordingState state, String message);

    /**
     * Gives a claimed recording back to the queue after a transient error, due again after {@code backoff}; the
     * attempt stays counted. Nothing changes for a stale claim.
     */
    void release(Recording claimed, Duration backoff);

    /**
     * Gives a claimed recording back to the queue uncounted: the process is stopping and the recording was not at
     * fault, so the attempt it was claimed for is taken back. Nothing changes for a stale claim.
     */
    void handBack(Recording claimed);

    /**
     * Called once at start-up, before this process's workers run, so that recordings left mid-way by a crash or
     * restart are processed again: a store that only this process uses releases every claim at once; a store shared
     * by many nodes releases none, since the claims may be live ones of other nodes (their leases run out instead).
     *
     * @return how many were released
     */
    int releaseAll();

    /**
     * Puts a failed recording back in the queue, from the start, with its attempts reset: someone asked for it
     * to be tried again. False when it is not failed (then nothing changes).
     */
    boolean requeue(String uuid);

    /**
     * Puts a finished recording (analysed or failed) back in the queue, from the start, with its attempts reset and
     * its transcript and analytics deleted in the same step: it is to be processed again under its use case's
     * settings now. False when it is not finished (then nothing changes).
     */
    boolean reprocess(String uuid);

    /**
     * Deletes the recordings still waiting for their upload that were created before {@code cutoff}: their links
     * have expired, so no file can arrive for them any more.
     *
     * @return how many were deleted
     */
    int deleteUnusedLinks(Instant cutoff);

    /**
     * Deletes a recording of this organisation and everything the database keeps of it: history, transcript,
     * analytics, outcomes, corrections and webhook deliveries about it, in one transaction. A recording a worker holds (its lease still running)
     * is left alone: its worker would write its results back.
     *
     * @return the deleted recording; empty when the organisation has none of that id
     * @throws InProgress when a worker holds it
     */
    Optional<Recording> delete(String org, String uuid);

    /** Ids of the use case's recordings that are finished (analysed or failed), oldest first. */
    List<String> finished(String org, String useCase);

    /** Ids of this organisation's recordings uploaded before {@code cutoff}, oldest first, at most {@code limit}. */
    List<String> createdBefore(String org, Instant cutoff, int limit);

    /** Organisations that have recordings. */
    List<String> orgs();

    /** A worker holds the recording now; try again once it is done. */
    final class InProgress extends RuntimeException {
        public InProgress(String uuid) {
            super("Recording " + uuid + " is being processed; delete it once it is done");
        }
    }

    /** Recordings with work left that no live claim holds. */
    long queueDepth();

    /** Recordings per state, over all organisations (for the server's metrics). */
    Map<RecordingState, Long> countsByState();
}
