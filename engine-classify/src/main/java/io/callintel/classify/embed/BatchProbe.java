package io.callintel.classify.embed;

import ai.onnxruntime.OrtException;
import java.util.List;

/**
 * Finds out whether a model gives a sentence the same vector in a batch as alone. Not all do: a
 * dynamically quantized model (the bundled e5-small-v2-q is one: {@code DynamicQuantizeLinear}
 * before every {@code MatMulInteger}) picks one quantization scale per activation tensor, so the
 * other sentences of a batch and its padding shift every sentence's vector, by around 0.01 per
 * component. The same utterance would then score differently depending on the call it is in.
 * An encoder asked to be exact ({@link EncoderOptions#exact}) runs such a model one sentence at a time; by
 * default it batches anyway: batching is faster, and on the labelled calls the shift moved only answers that
 * sit at a threshold, a few either way (README).
 */
final class BatchProbe {

    /** Far below any similarity difference that matters, far above float noise between identical runs. */
    private static final float TOLERANCE = 1e-5f;
    /** A short and a longer sentence, so that the batch is padded. */
    private static final List<String> PROBES = List.of("yes", "thank you for calling, how can I help you today?");

    private BatchProbe() {}

    static boolean batchesExactly(LocalTokenizer tokenizer, OnnxModel model) throws OrtException {
        List<TokenizedText> probes = PROBES.stream().map(tokenizer::encode).toList();
        float[][] together = embed(model, probes);
        for (int i = 0; i < probes.size(); i++) {
            float[] alone = embed(model, List.of(probes.get(i)))[0];
            for (int d = 0; d < alone.length; d++) {
                if (Math.abs(alone[d] - together[i][d]) > TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }

    private static float[][] embed(OnnxModel model, List<TokenizedText> sentences) throws OrtException {
        ModelInputs inputs = ModelInputs.pad(sentences);
        return MeanPooling.pool(model.run(inputs), inputs.attentionMask());
    }
}
