package io.callintel.asr;

import io.callintel.asr.vad.FrameEnergies;
import io.callintel.asr.vad.SpeechSpan;
import java.util.List;

/**
 * Benchmarks only (this class lives in the benchmarks module, in engine-asr's package, to reach its
 * package-private chunk planner): the stretches of a recording that {@link Transcriber} hands to the
 * recognizers, so that the corpus can report how much audio the VAD saves and {@code StagePrinter}
 * can time recognition of exactly those stretches.
 *
 * <p>The planner settings are {@link Transcriber}'s own.
 */
public final class BenchHooks {

    public static final double MAX_CHUNK_SECONDS = Transcriber.MAX_CHUNK_SECONDS;
    public static final double JOIN_GAP_SECONDS = Transcriber.JOIN_GAP_SECONDS;
    public static final double PADDING_SECONDS = Transcriber.PADDING_SECONDS;

    private BenchHooks() {
    }

    /** The chunks the transcriber would recognize, given the VAD's speech spans and the frame energies. */
    public static List<SpeechSpan> plan(List<SpeechSpan> speech, FrameEnergies energies) {
        return new ChunkPlanner(MAX_CHUNK_SECONDS, JOIN_GAP_SECONDS, PADDING_SECONDS).plan(speech, energies);
    }
}
