package io.callintel.classify.embed;

import java.nio.file.Path;

/**
 * Benchmarks only (this class lives in the benchmarks module, in engine-classify's package, to reach the
 * package-private loader): an encoder that batches even where {@link BatchProbe} found that batching
 * changes the vectors, so that the benchmark can show what the engine gives up by running the bundled
 * quantized model one sentence at a time.
 */
public final class EmbedBenchHooks {

    private EmbedBenchHooks() {
    }

    /** An encoder that batches up to {@code options.maxBatch()} sentences whatever the model. */
    public static SentenceEncoder loadBatched(Path modelDirectory, EncoderOptions options) {
        return SentenceEncoder.load(modelDirectory, options, false);
    }

    /** Sentences per model call that the encoder settled on at load. */
    public static int batchSize(SentenceEncoder encoder) {
        return encoder.batchSize();
    }
}
