package io.callintel.classify.embed;

import java.util.List;

/**
 * A batch of tokenized sentences padded to the longest one, as the flat row-major arrays the
 * model's {@code [batch, tokens]} inputs take. Padding positions have id 0 and mask 0, so that
 * attention and mean pooling both ignore them.
 */
record ModelInputs(int batch, int tokens, long[] inputIds, long[] attentionMask, long[] tokenTypeIds) {

    static ModelInputs pad(List<TokenizedText> sentences) {
        int batch = sentences.size();
        int tokens = sentences.stream().mapToInt(TokenizedText::length).max().orElse(0);
        long[] ids = new long[batch * tokens];
        long[] mask = new long[batch * tokens];
        long[] types = new long[batch * tokens];
        for (int row = 0; row < batch; row++) {
            TokenizedText sentence = sentences.get(row);
            int offset = row * tokens;
            System.arraycopy(sentence.ids(), 0, ids, offset, sentence.length());
            System.arraycopy(sentence.typeIds(), 0, types, offset, sentence.length());
            for (int i = 0; i < sentence.length(); i++) {
                mask[offset + i] = 1;
            }
        }
        return new ModelInputs(batch, tokens, ids, mask, types);
    }

    long[] shape() {
        return new long[] {batch, tokens};
    }
}
