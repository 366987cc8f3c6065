package io.callintel.classify.embed;

/**
 * How a model's token vectors become one sentence vector, as the model was trained: the mean under the
 * attention mask (sentence-transformers models: all-MiniLM-L6-v2, e5) or the first token's vector (BGE).
 * Both end at unit length.
 */
enum Pooling {
    MEAN,
    CLS;

    float[][] pool(HiddenStates states, long[] attentionMask) {
        if (this == MEAN) {
            return MeanPooling.pool(states, attentionMask);
        }
        int dims = states.dimensions();
        float[][] sentences = new float[states.batch()][dims];
        for (int row = 0; row < states.batch(); row++) {
            int offset = row * states.tokens() * dims;
            double squares = 0;
            for (int d = 0; d < dims; d++) {
                squares += states.values()[offset + d] * states.values()[offset + d];
            }
            double norm = Math.max(Math.sqrt(squares), 1e-12);
            for (int d = 0; d < dims; d++) {
                sentences[row][d] = (float) (states.values()[offset + d] / norm);
            }
        }
        return sentences;
    }
}
