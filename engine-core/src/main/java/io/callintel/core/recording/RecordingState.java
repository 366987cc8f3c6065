package io.callintel.core.recording;

import java.util.Locale;

/** Where a recording is in its life. The wire names are the lower-case constant names. */
public enum RecordingState {
    /** An upload link was issued; the file has not arrived. */
    PENDING_UPLOAD,
    /** Upload received, queued for processing. */
    QUEUED,
    /** Being decoded and transcribed. */
    TRANSCRIBING,
    /** Audio transcribed, analysis in progress. */
    ANALYZING,
    /** Full analysis ready. */
    COMPLETED,
    /** Processing error occurred. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecordingState fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
