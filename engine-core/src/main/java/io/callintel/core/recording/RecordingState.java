package io.callintel.core.recording;

import java.util.Locale;

/**
 * Where a recording is in its life. The wire names are the constant names, as the hosted API
 * writes them: {@code INITIATED -> TRANSCRIPTION_COMPLETED -> ANALYSIS_COMPLETED}, or {@code FAILED}.
 */
public enum RecordingState {
    /** An upload link was issued; the file has not arrived. Not a state of the hosted API: it has no such recordings. */
    AWAITING_UPLOAD,
    /** Upload received, queued for processing. */
    INITIATED,
    /** Audio transcribed, analysis in progress. */
    TRANSCRIPTION_COMPLETED,
    /** Full analysis ready. */
    ANALYSIS_COMPLETED,
    /** Processing error occurred; the recording's error says which. */
    FAILED;

    public String wireName() {
        return name();
    }

    /** Whether the pipeline still has work to do on a recording in this state. */
    public boolean isProcessing() {
        return this == INITIATED || this == TRANSCRIPTION_COMPLETED;
    }

    /** @throws IllegalArgumentException for an unknown name (case and surrounding spaces do not matter) */
    public static RecordingState fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
