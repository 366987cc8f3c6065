package io.callintel.classify.embed;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A BERT-style ONNX model that maps word-piece ids to one vector per token. One session for the
 * process: ONNX Runtime allows concurrent {@code run} calls on a session, and a session holds the
 * weights, so one per thread would only multiply memory.
 */
final class OnnxModel implements AutoCloseable {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final Set<String> KNOWN_INPUTS = Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS);
    /** The usual name of the per-token output in transformer exports. */
    private static final String TOKEN_OUTPUT = "last_hidden_state";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean takesTokenTypes;
    private final String output;
    private final int dimensions;

    private OnnxModel(
            OrtEnvironment environment, OrtSession session, boolean takesTokenTypes, String output, int dimensions) {
        this.environment = environment;
        this.session = session;
        this.takesTokenTypes = takesTokenTypes;
        this.output = output;
        this.dimensions = dimensions;
    }

    /**
     * @throws OrtException             when the file is not a model ONNX Runtime can load
     * @throws IllegalArgumentException when it loads but does not look like a sentence encoder
     */
    static OnnxModel load(Path file, int intraOpThreads) throws OrtException {
        // The environment is a process-wide singleton shared with any other ONNX user; never closed here.
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = sessionOptions(intraOpThreads)) {
            session = environment.createSession(file.toString(), options);
        }
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (!inputs.containsKey(INPUT_IDS)
                    || !inputs.containsKey(ATTENTION_MASK)
                    || !KNOWN_INPUTS.containsAll(inputs.keySet())) {
                throw new IllegalArgumentException(file + ": expected the inputs " + KNOWN_INPUTS
                        + " (token_type_ids optional), the model has " + inputs.keySet());
            }
            String output = tokenOutput(file, session.getOutputInfo());
            TensorInfo info = (TensorInfo) session.getOutputInfo().get(output).getInfo();
            long[] shape = info.getShape();
            int dimensions = (int) shape[shape.length - 1];
            if (dimensions <= 0) {
                throw new IllegalArgumentException(file + ": the output " + output + " has no fixed vector size");
            }
            return new OnnxModel(environment, session, inputs.containsKey(TOKEN_TYPE_IDS), output, dimensions);
        } catch (RuntimeException | OrtException e) {
            session.close();
            throw e;
        }
    }

    private static OrtSession.SessionOptions sessionOptions(int intraOpThreads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            // Idle pool threads would otherwise spin waiting for work, burning cores that parallel
            // analyses need; the latency they save is negligible next to a model call.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return options;
        } catch (OrtException e) {
            options.close();
            throw e;
        }
    }

    /** The float output of shape {@code [batch, tokens, dimensions]}: by name if present, else by shape. */
    private static String tokenOutput(Path file, Map<String, NodeInfo> outputs) {
        if (isTokenVectors(outputs.get(TOKEN_OUTPUT))) {
            return TOKEN_OUTPUT;
        }
        return outputs.values().stream()
                .filter(OnnxModel::isTokenVectors)
                .map(NodeInfo::getName)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        file + ": no float output of shape [batch, tokens, dimensions]; outputs " + outputs.keySet()));
    }

    private static boolean isTokenVectors(NodeInfo node) {
        return node != null
                && node.getInfo() instanceof TensorInfo tensor
                && tensor.type == OnnxJavaType.FLOAT
                && tensor.getShape().length == 3;
    }

    int dimensions() {
        return dimensions;
    }

    /** Runs the model on one padded batch. Thread-safe. */
    HiddenStates run(ModelInputs batch) throws OrtException {
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put(INPUT_IDS, tensor(batch.inputIds(), batch));
            feed.put(ATTENTION_MASK, tensor(batch.attentionMask(), batch));
            if (takesTokenTypes) {
                feed.put(TOKEN_TYPE_IDS, tensor(batch.tokenTypeIds(), batch));
            }
            try (OrtSession.Result result = session.run(feed, Set.of(output))) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                long[] shape = hidden.getInfo().getShape();
                if (shape[0] != batch.batch() || shape[1] != batch.tokens() || shape[2] != dimensions) {
                    throw new IllegalStateException("the model returned shape " + Arrays.toString(shape)
                            + " for a batch of " + batch.batch() + " x " + batch.tokens() + " tokens");
                }
                FloatBuffer buffer = hidden.getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                return new HiddenStates(batch.batch(), batch.tokens(), dimensions, values);
            }
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor tensor(long[] values, ModelInputs batch) throws OrtException {
        return OnnxTensor.createTensor(environment, LongBuffer.wrap(values), batch.shape());
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
