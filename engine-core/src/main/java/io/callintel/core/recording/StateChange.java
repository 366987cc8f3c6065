package io.callintel.core.recording;

import java.time.Instant;

/**
 * One step of a recording's processing history.
 *
 * @param message why, for failures and retries; empty otherwise
 */
public record StateChange(RecordingState state, Instant at, String message) {}
