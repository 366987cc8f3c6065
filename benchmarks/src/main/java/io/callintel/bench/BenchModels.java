package io.callintel.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the Vosk model for the speech benchmarks. */
final class BenchModels {

    private BenchModels() {
    }

    /**
     * {@code -Dcallintel.vosk.model=DIR}, else {@code CALLINTEL_VOSK_MODEL}, else {@code models/vosk-model-en-us}
     * under the working directory or one of its parents (the build unpacks it there).
     */
    static Path voskModel() {
        String configured = System.getProperty("callintel.vosk.model", System.getenv("CALLINTEL_VOSK_MODEL"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("models/vosk-model-en-us");
            if (Files.isRegularFile(candidate.resolve("am/final.mdl"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Vosk model: run from the checkout (models/vosk-model-en-us, unpacked by the build) "
                + "or pass -Dcallintel.vosk.model=DIR");
    }
}
