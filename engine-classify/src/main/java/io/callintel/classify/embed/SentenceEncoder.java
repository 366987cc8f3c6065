package io.callintel.classify.embed;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

/**
 * Sentence embeddings from a local sentence-transformers model exported to ONNX (e5-small-v2 by
 * default): word pieces from the model's own {@code tokenizer.json}, the transformer through ONNX
 * Runtime, then mean pooling and unit length, as the sentence-transformers library computes them.
 * Nothing is downloaded, ever: both files are read from the model directory.
 *
 * <p>Thread-safe: load one per process and share it. {@link #close()} waits for encodes in flight.
 */
public final class SentenceEncoder implements AutoCloseable {

    static final String MODEL_FILE = "model.onnx";
    static final String TOKENIZER_FILE = "tokenizer.json";
    /**
     * Optional, beside the model: {@code pooling=mean|cls} (mean by default) and {@code prefix=...}, text put
     * before every sentence (e5 models are trained with "query: ").
     */
    static final String SETTINGS_FILE = "encoder.properties";

    private final LocalTokenizer tokenizer;
    private final OnnxModel model;
    /** Sentences per model call: {@link EncoderOptions#maxBatch()}, or 1 where exact and batching changes vectors. */
    private final int batchSize;

    private final Pooling pooling;
    private final String prefix;
    /** Encodes share the read side; close takes the write side, so native memory is never freed under a call. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();

    private boolean closed;

    private SentenceEncoder(LocalTokenizer tokenizer, OnnxModel model, int batchSize, Pooling pooling, String prefix) {
        this.tokenizer = tokenizer;
        this.model = model;
        this.batchSize = batchSize;
        this.pooling = pooling;
        this.prefix = prefix;
    }

    /** Loads {@code model.onnx} and {@code tokenizer.json} from a directory, with default options. */
    public static SentenceEncoder load(Path modelDirectory) {
        return load(modelDirectory, EncoderOptions.defaults());
    }

    /**
     * @throws IllegalArgumentException when the directory or one of its two files is missing or unusable
     * @throws UncheckedIOException     when a file cannot be read
     */
    public static SentenceEncoder load(Path modelDirectory, EncoderOptions options) {
        Objects.requireNonNull(options, "options");
        Path modelFile = requireFile(modelDirectory, MODEL_FILE);
        Path tokenizerFile = requireFile(modelDirectory, TOKENIZER_FILE);
        java.util.Properties settings = settings(modelDirectory);
        Pooling pooling;
        try {
            pooling = Pooling.valueOf(
                    settings.getProperty("pooling", "mean").trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(modelDirectory.resolve(SETTINGS_FILE)
                    + ": pooling must be mean or cls, got '" + settings.getProperty("pooling") + "'");
        }
        String prefix = settings.getProperty("prefix", "");
        LocalTokenizer tokenizer;
        try {
            tokenizer = LocalTokenizer.load(tokenizerFile, options.maxTokens());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tokenizerFile, e);
        }
        OnnxModel model;
        try {
            model = OnnxModel.load(modelFile, options.intraOpThreads());
        } catch (OrtException e) {
            tokenizer.close();
            throw new IllegalArgumentException(modelFile + " is not a usable ONNX model: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
        try {
            boolean batches = !options.exact() || BatchProbe.batchesExactly(tokenizer, model);
            int batchSize = batches ? options.maxBatch() : 1;
            return new SentenceEncoder(tokenizer, model, batchSize, pooling, prefix);
        } catch (OrtException | RuntimeException e) {
            IllegalArgumentException failure =
                    new IllegalArgumentException(modelFile + " fails on a test sentence: " + e.getMessage(), e);
            tokenizer.close();
            try {
                model.close();
            } catch (OrtException closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
    }

    private static java.util.Properties settings(Path directory) {
        java.util.Properties settings = new java.util.Properties();
        Path file = directory.resolve(SETTINGS_FILE);
        if (Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file)) {
                settings.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return settings;
    }

    private static Path requireFile(Path directory, String name) {
        Objects.requireNonNull(directory, "modelDirectory");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("embedding model directory " + directory + " does not exist");
        }
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("embedding model directory " + directory + " has no readable " + name);
        }
        return file;
    }

    /** Sentences per model call, as decided at load. */
    public int batchSize() {
        return batchSize;
    }

    /** Length of the vectors (384 for e5-small-v2 and all-MiniLM-L6-v2). */
    public int dimensions() {
        return model.dimensions();
    }

    /** One unit-length vector. */
    public float[] encode(String sentence) {
        return encode(List.of(sentence))[0];
    }

    /**
     * Unit-length vectors, one per sentence, in order. Sentences are batched by similar length (so that
     * little padding is computed) into batches of at most {@link EncoderOptions#maxBatch()}; with
     * {@link EncoderOptions#exact()}, only where the model gives a sentence the same vector whatever it is
     * encoded with (see {@link BatchProbe}: the bundled quantized model does not, and then runs a sentence at a
     * time).
     * Text longer than {@link EncoderOptions#maxTokens()} word pieces is truncated.
     *
     * @throws IllegalStateException when the encoder is closed or the model fails
     */
    public float[][] encode(List<String> sentences) {
        List<TokenizedText> tokenized = new ArrayList<>(sentences.size());
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the sentence encoder is closed");
            }
            for (String sentence : sentences) {
                tokenized.add(tokenizer.encode(prefix + Objects.requireNonNull(sentence, "sentence")));
            }
            return embed(tokenized);
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private float[][] embed(List<TokenizedText> tokenized) throws OrtException {
        int[] byLength = IntStream.range(0, tokenized.size())
                .boxed()
                .sorted(Comparator.comparingInt(i -> tokenized.get(i).length()))
                .mapToInt(Integer::intValue)
                .toArray();
        float[][] vectors = new float[tokenized.size()][];
        for (int from = 0; from < byLength.length; from += batchSize) {
            int to = Math.min(from + batchSize, byLength.length);
            List<TokenizedText> batch = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                batch.add(tokenized.get(byLength[i]));
            }
            ModelInputs inputs = ModelInputs.pad(batch);
            float[][] pooled = pooling.pool(model.run(inputs), inputs.attentionMask());
            for (int i = from; i < to; i++) {
                vectors[byLength[i]] = pooled[i - from];
            }
        }
        return vectors;
    }

    /**
     * Cosine similarity of two vectors from {@link #encode}: their dot product, as both have unit
     * length. -1..1; for these models unrelated sentences score around 0-0.2, paraphrases 0.6 and up.
     */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Override
    public void close() {
        Lock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (tokenizer) {
                model.close();
            } catch (OrtException e) {
                throw new IllegalStateException("cannot release the embedding model: " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }
}
