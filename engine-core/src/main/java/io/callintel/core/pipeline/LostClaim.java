package io.callintel.core.pipeline;

import io.callintel.core.recording.Recording;

/**
 * The worker's claim on a recording is gone: its lease ran out (the worker stalled) and another worker claimed the
 * recording. The work done under it is dropped; the newer claim commits its own.
 */
public final class LostClaim extends RuntimeException {

    LostClaim(Recording recording) {
        super("the claim on recording " + recording.uuid() + " (attempt " + recording.attempts()
                + ") was taken over after its lease ran out");
    }
}
