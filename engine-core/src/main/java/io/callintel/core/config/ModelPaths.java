package io.callintel.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the two offline models live, as found by {@link ModelPathResolver} (which has checked that
 * they look complete).
 *
 * @param voskModel      the Vosk speech-recognition model directory (holds am/, conf/, graph/...)
 * @param embeddingModel the sentence-embedding model directory, holding {@code model.onnx} and {@code tokenizer.json}
 */
public record ModelPaths(Path voskModel, Path embeddingModel) {

    public ModelPaths {
        Objects.requireNonNull(voskModel, "voskModel");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
    }

    public Path embeddingOnnx() {
        return embeddingModel.resolve(ModelKind.EMBEDDING_ONNX);
    }

    public Path embeddingTokenizer() {
        return embeddingModel.resolve(ModelKind.EMBEDDING_TOKENIZER);
    }
}
