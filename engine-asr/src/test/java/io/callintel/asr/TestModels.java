package io.callintel.asr;

import io.callintel.asr.vosk.VoskModel;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled Vosk model, loaded once for all tests of the module (the build unpacks it before the tests run). */
final class TestModels {

    private static VoskModel vosk;

    private TestModels() {}

    static synchronized VoskModel vosk() {
        if (vosk == null) {
            Path directory = Path.of("../models/vosk-model-en-us");
            if (!Files.isDirectory(directory)) {
                throw new IllegalStateException(
                        directory.toAbsolutePath() + " is missing: build the models module first (./mvnw verify does)");
            }
            vosk = VoskModel.load(directory);
        }
        return vosk;
    }
}
