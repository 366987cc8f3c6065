package io.callintel.server.cli;

import io.callintel.core.audio.DecodeReport;
import io.callintel.core.audio.MediaInfo;

/** What probing one file found: it decoded, or why it did not. {@code file} is the argument as the user typed it. */
sealed interface ProbeResult {

    String file();

    /** The whole file was decoded (possibly with damage skipped, as {@code report} says). */
    record Decoded(String file, MediaInfo info, DecodeReport report) implements ProbeResult {}

    /**
     * The file could not be decoded.
     *
     * @param problem the {@link io.callintel.core.audio.AudioDecodeException.Problem} name, lower-cased
     */
    record Failed(String file, String error, String problem) implements ProbeResult {}
}
