package io.callintel.asr.vad;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Silero VAD v5, a small neural voice activity model, run on ONNX Runtime: the probability that each 32 ms of 16 kHz
 * audio is speech. Unlike loudness it tells speech from steady noise at the same level. The model ships in this
 * jar (the build fetches it); one instance serves any number of recordings at once, each through its own
 * {@link Listener}, which carries the model's recurrent state.
 */
public final class SileroVad implements AutoCloseable {

    /** Samples per probability: 32 ms at 16 kHz, the window the 16 kHz model was trained on. */
    public static final int WINDOW = 512;
    /** Samples of the previous window the model sees in front of each one. */
    private static final int CONTEXT = 64;

    private static final int STATE = 2 * 128;
    private static final String RESOURCE = "silero_vad_16k.onnx";

    private final OrtEnvironment environment;
    private final OrtSession session;

    private SileroVad(OrtEnvironment environment, OrtSession session) {
        this.environment = environment;
        this.session = session;
    }

    /** The model bundled with the engine. */
    public static SileroVad load() {
        byte[] model;
        try (InputStream in = SileroVad.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is missing from the engine-asr jar: rebuild it with ./mvnw");
            }
            model = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // A window costs well under a millisecond; more threads per window only add hand-offs, and the
            // recognizer workers already use the cores.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return new SileroVad(environment, environment.createSession(model, options));
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the voice activity model: " + e.getMessage(), e);
        }
    }

    /** A new listener for one stream of audio. */
    public Listener listener() {
        return new Listener();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hears one stream's 16 kHz PCM in order and keeps a probability per window; not thread-safe. */
    public final class Listener {

        private final float[] input = new float[CONTEXT + WINDOW];
        private float[] state = new float[STATE];
        private int filled;
        private final SpeechProbabilities.Builder probabilities = new SpeechProbabilities.Builder();

        private Listener() {}

        public void accept(short[] pcm, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                input[CONTEXT + filled++] = pcm[i] / 32768f;
                if (filled == WINDOW) {
                    probabilities.add(run());
                    System.arraycopy(input, WINDOW, input, 0, CONTEXT);
                    filled = 0;
                }
            }
            probabilities.samples(length);
        }

        /** The probabilities of every complete window heard so far. */
        public SpeechProbabilities probabilities() {
            return probabilities.build();
        }

        private float run() {
            try (OnnxTensor audio = OnnxTensor.createTensor(
                            environment, FloatBuffer.wrap(input), new long[] {1, input.length});
                    OnnxTensor recurrent =
                            OnnxTensor.createTensor(environment, FloatBuffer.wrap(state), new long[] {2, 1, 128});
                    OnnxTensor rate = OnnxTensor.createTensor(environment, (long) SpeechSpan.SAMPLE_RATE);
                    OrtSession.Result result = session.run(Map.of("input", audio, "state", recurrent, "sr", rate))) {
                float probability = ((float[][]) result.get(0).getValue())[0][0];
                FloatBuffer next = ((OnnxTensor) result.get(1)).getFloatBuffer();
                state = new float[STATE];
                next.get(state);
                return probability;
            } catch (OrtException e) {
                throw new IllegalStateException("voice activity model failed: " + e.getMessage(), e);
            }
        }
    }
}
