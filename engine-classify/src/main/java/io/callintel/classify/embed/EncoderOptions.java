package io.callintel.classify.embed;

/**
 * How a {@link SentenceEncoder} runs the model.
 *
 * @param maxBatch       sentences per model call; longer lists are split. Larger batches amortise the
 *                       call overhead but pad every sentence to the longest one in its batch.
 * @param maxTokens      word pieces per sentence, special tokens included; longer text is truncated
 *                       (all-MiniLM-L6-v2 was trained with 256, its position table allows 512)
 * @param intraOpThreads threads one model call may use. 1 by default: the service runs several
 *                       analyses at once, and one thread per call keeps them from fighting over cores.
 * @param exact          whether a sentence must get the same vector whatever it is encoded with. A dynamically
 *                       quantized model (the bundled e5-small-v2-q) moves a vector slightly with its batch
 *                       companions ({@code BatchProbe}); exact runs such a model one sentence at a time. Off by
 *                       default: batching is about 1.5x faster on the bundled model, and on the labelled calls it
 *                       moved only answers that sit at a threshold, a few either way (README, How the analysis
 *                       works).
 */
public record EncoderOptions(int maxBatch, int maxTokens, int intraOpThreads, boolean exact) {

    /** The position table of BERT-style models, the hard ceiling on {@link #maxTokens}. */
    static final int MODEL_MAX_TOKENS = 512;

    public EncoderOptions {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        if (maxTokens < 2 || maxTokens > MODEL_MAX_TOKENS) {
            throw new IllegalArgumentException("maxTokens must be 2.." + MODEL_MAX_TOKENS + ", got " + maxTokens);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, got " + intraOpThreads);
        }
    }

    /** Not {@link #exact}. */
    public EncoderOptions(int maxBatch, int maxTokens, int intraOpThreads) {
        this(maxBatch, maxTokens, intraOpThreads, false);
    }

    /** 32 sentences a batch, 256 tokens a sentence (as sentence-transformers), one thread a call, batched. */
    public static EncoderOptions defaults() {
        return new EncoderOptions(32, 256, 1, false);
    }

    public EncoderOptions withMaxBatch(int maxBatch) {
        return new EncoderOptions(maxBatch, maxTokens, intraOpThreads, exact);
    }

    public EncoderOptions withMaxTokens(int maxTokens) {
        return new EncoderOptions(maxBatch, maxTokens, intraOpThreads, exact);
    }

    public EncoderOptions withIntraOpThreads(int intraOpThreads) {
        return new EncoderOptions(maxBatch, maxTokens, intraOpThreads, exact);
    }

    public EncoderOptions withExact(boolean exact) {
        return new EncoderOptions(maxBatch, maxTokens, intraOpThreads, exact);
    }
}
