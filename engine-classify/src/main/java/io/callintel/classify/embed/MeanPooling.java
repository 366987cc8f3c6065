package io.callintel.classify.embed;

/**
 * Sentence vectors from token vectors the way sentence-transformers does for all-MiniLM-L6-v2:
 * the mean of the token vectors under the attention mask (padding excluded), scaled to unit length
 * so that a dot product is the cosine similarity.
 */
final class MeanPooling {

    /** sentence-transformers clamps the norm at this, so that an all-zero vector stays zero. */
    private static final double MIN_NORM = 1e-12;

    private MeanPooling() {}

    static float[][] pool(HiddenStates states, long[] attentionMask) {
        int dims = states.dimensions();
        float[] values = states.values();
        float[][] sentences = new float[states.batch()][];
        for (int row = 0; row < states.batch(); row++) {
            double[] sum = new double[dims];
            int counted = 0;
            for (int token = 0; token < states.tokens(); token++) {
                if (attentionMask[row * states.tokens() + token] == 0) {
                    continue;
                }
                int offset = (row * states.tokens() + token) * dims;
                for (int d = 0; d < dims; d++) {
                    sum[d] += values[offset + d];
                }
                counted++;
            }
            sentences[row] = normalise(sum, Math.max(counted, 1));
        }
        return sentences;
    }

    private static float[] normalise(double[] sum, int count) {
        double squares = 0;
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= count;
            squares += sum[d] * sum[d];
        }
        double norm = Math.max(Math.sqrt(squares), MIN_NORM);
        float[] vector = new float[sum.length];
        for (int d = 0; d < sum.length; d++) {
            vector[d] = (float) (sum[d] / norm);
        }
        return vector;
    }
}
