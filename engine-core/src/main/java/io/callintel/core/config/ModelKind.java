package io.callintel.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One of the two models: the names it goes by in each configuration source, and what a valid copy contains. */
enum ModelKind {
    VOSK(
            "Vosk speech model",
            "--vosk-model",
            "CALLINTEL_VOSK_MODEL",
            "vosk.model",
            "vosk-model-en-us",
            // Every Vosk model has its acoustic model here; checking it catches a path one level off.
            List.of("am/final.mdl")),
    EMBEDDING(
            "embedding model",
            "--embedding-model",
            "CALLINTEL_EMBEDDING_MODEL",
            "embedding.model",
            "e5-small-v2-q",
            List.of(ModelKind.EMBEDDING_ONNX, ModelKind.EMBEDDING_TOKENIZER));

    static final String EMBEDDING_ONNX = "model.onnx";
    static final String EMBEDDING_TOKENIZER = "tokenizer.json";

    /** Where the build unpacks the models, relative to the project root. */
    static final String MODELS_DIR = "models";

    final String title;
    final String flag;
    final String environmentVariable;
    final String propertyKey;
    final String defaultDirectoryName;
    private final List<String> requiredFiles;

    ModelKind(
            String title,
            String flag,
            String environmentVariable,
            String propertyKey,
            String defaultDirectoryName,
            List<String> requiredFiles) {
        this.title = title;
        this.flag = flag;
        this.environmentVariable = environmentVariable;
        this.propertyKey = propertyKey;
        this.defaultDirectoryName = defaultDirectoryName;
        this.requiredFiles = requiredFiles;
    }

    /** {@code models/<name>}: the default location under a project root. */
    Path defaultUnder(Path projectRoot) {
        return projectRoot.resolve(MODELS_DIR).resolve(defaultDirectoryName);
    }

    /** Why {@code directory} is not a usable copy of this model, or empty when it is. */
    Optional<String> defect(Path directory) {
        if (!Files.exists(directory)) {
            return Optional.of("does not exist");
        }
        if (!Files.isDirectory(directory)) {
            return Optional.of("is not a directory");
        }
        List<String> missing = requiredFiles.stream()
                .filter(name -> !Files.isRegularFile(directory.resolve(name)))
                .toList();
        if (!missing.isEmpty()) {
            return Optional.of("is not a " + title + " directory (missing " + String.join(", ", missing) + ")");
        }
        return Optional.empty();
    }
}
