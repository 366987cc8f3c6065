package io.callintel.classify.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PoolingTest {

    @Test
    void padsToTheLongestSentenceWithMaskZero() {
        ModelInputs inputs = ModelInputs.pad(List.of(
                new TokenizedText(new long[] {101, 7, 102}, new long[] {0, 0, 0}),
                new TokenizedText(new long[] {101, 102}, new long[] {0, 0})));
        assertEquals(2, inputs.batch());
        assertEquals(3, inputs.tokens());
        assertArrayEquals(new long[] {101, 7, 102, 101, 102, 0}, inputs.inputIds());
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 0}, inputs.attentionMask());
        assertArrayEquals(new long[] {2, 3}, inputs.shape());
    }

    @Test
    void meanOverUnmaskedTokensThenUnitLength() {
        // Two sentences, three token slots, two dimensions; the second sentence's last slot is padding.
        float[] values = {
            1, 0, 3, 0, 2, 0, // sentence 0: mean (2, 0)
            0, 3, 0, 1, 100, 100, // sentence 1: mean (0, 2); the padding must not count
        };
        float[][] pooled = MeanPooling.pool(new HiddenStates(2, 3, 2, values), new long[] {1, 1, 1, 1, 1, 0});
        assertArrayEquals(new float[] {1, 0}, pooled[0], 1e-6f);
        assertArrayEquals(new float[] {0, 1}, pooled[1], 1e-6f);
    }

    @Test
    void zeroVectorStaysZero() {
        float[][] pooled = MeanPooling.pool(new HiddenStates(1, 1, 2, new float[2]), new long[] {1});
        assertArrayEquals(new float[] {0, 0}, pooled[0]);
    }

    @Test
    void optionsAreValidated() {
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new EncoderOptions(0, 256, 1));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new EncoderOptions(1, 513, 1));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new EncoderOptions(1, 256, 0));
        assertEquals(
                new EncoderOptions(8, 128, 2),
                EncoderOptions.defaults().withMaxBatch(8).withMaxTokens(128).withIntraOpThreads(2));
    }

    @Test
    void clsTakesTheFirstTokenAtUnitLength() {
        float[] values = {3, 4, 9, 9, 0, 2, 7, 7};
        float[][] pooled = Pooling.CLS.pool(new HiddenStates(2, 2, 2, values), new long[] {1, 1, 1, 0});
        assertArrayEquals(new float[] {0.6f, 0.8f}, pooled[0], 1e-6f);
        assertArrayEquals(new float[] {0, 1}, pooled[1], 1e-6f);
    }
}
