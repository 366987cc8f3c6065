package io.callintel.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * A generated call recording and its ground truth.
 *
 * @param file     the WAV file
 * @param turns    one reference turn per script line, in time order; they never overlap
 * @param duration seconds of audio in the file
 */
public record SynthesizedCall(
        Dialogue dialogue, CallFormat format, Path file, List<ReferenceTurn> turns, double duration) {

    public SynthesizedCall {
        turns = List.copyOf(turns);
    }

    @Override
    public String toString() {
        return dialogue.name() + " " + format;
    }
}
