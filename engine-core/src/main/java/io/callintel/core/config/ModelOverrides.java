package io.callintel.core.config;

import java.nio.file.Path;

/**
 * Values given explicitly (command-line flags). They beat every other source. Any of them may be
 * null, meaning "not given"; relative paths are taken against the working directory.
 *
 * @param voskModel      {@code --vosk-model}
 * @param embeddingModel {@code --embedding-model}
 * @param configFile     {@code --config}
 */
public record ModelOverrides(Path voskModel, Path embeddingModel, Path configFile) {

    public static ModelOverrides none() {
        return new ModelOverrides(null, null, null);
    }
}
