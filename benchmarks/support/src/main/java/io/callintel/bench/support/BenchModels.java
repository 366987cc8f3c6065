package io.callintel.bench.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the models for the benchmarks: the Vosk model (speech) and the sentence-embedding model (analysis). */
public final class BenchModels {

    private BenchModels() {}

    /**
     * {@code -Dcallintel.vosk.model=DIR}, else {@code CALLINTEL_VOSK_MODEL}, else {@code models/vosk-model-en-us}
     * under the working directory or one of its parents (the build unpacks it there).
     */
    public static Path voskModel() {
        return find("callintel.vosk.model", "CALLINTEL_VOSK_MODEL", "models/vosk-model-en-us", "am/final.mdl");
    }

    /**
     * {@code -Dcallintel.embedding.model=DIR}, else {@code CALLINTEL_EMBEDDING_MODEL}, else
     * {@code models/e5-small-v2-q} under the working directory or one of its parents.
     */
    public static Path embeddingModel() {
        return find("callintel.embedding.model", "CALLINTEL_EMBEDDING_MODEL", "models/e5-small-v2-q", "model.onnx");
    }

    private static Path find(String property, String variable, String relative, String marker) {
        String configured = System.getProperty(property, System.getenv(variable));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate.resolve(marker))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no model at " + relative
                + ": run from the checkout (the build unpacks it there) " + "or pass -D" + property + "=DIR");
    }
}
