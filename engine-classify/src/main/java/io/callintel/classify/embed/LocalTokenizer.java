package io.callintel.classify.embed;

import ai.djl.engine.EngineException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The model's HuggingFace tokenizer, read from its local {@code tokenizer.json} and nothing else.
 * Thread-safe: the native tokenizer is only read after construction (its truncation settings are
 * fixed here, once), and each encode works on its own output.
 */
final class LocalTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    private LocalTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * @throws IllegalArgumentException when the file is not a tokenizer definition
     * @throws IllegalStateException    when the native library cannot be loaded, or DJL would not run offline
     */
    static LocalTokenizer load(Path tokenizerJson, int maxTokens) throws IOException {
        DjlOffline.enforce();
        // Padding is done per batch by the encoder (to the batch's longest sentence), so the fixed
        // 128-token padding and truncation in the file are replaced. Loading from a stream rather
        // than a path keeps DJL from looking for other files (tokenizer_config.json) next to it.
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "padding", "false",
                "maxLength", Integer.toString(maxTokens),
                "modelMaxLength", Integer.toString(EncoderOptions.MODEL_MAX_TOKENS));
        try (InputStream json = Files.newInputStream(tokenizerJson)) {
            return new LocalTokenizer(HuggingFaceTokenizer.newInstance(json, options));
        } catch (EngineException e) {
            throw new IllegalStateException("cannot load the tokenizer's native library: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The native side reports a malformed file as a bare RuntimeException.
            throw new IllegalArgumentException(tokenizerJson + " is not a usable tokenizer: " + e.getMessage(), e);
        }
    }

    TokenizedText encode(String text) {
        // One sentence at a time: the native batch call fans out over its own thread pool, which
        // would compete with the analyses running in parallel. Tokenizing is cheap next to the model.
        Encoding encoding = tokenizer.encode(text);
        return new TokenizedText(encoding.getIds(), encoding.getTypeIds());
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
