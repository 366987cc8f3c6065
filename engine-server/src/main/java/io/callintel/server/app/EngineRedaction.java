package io.callintel.server.app;

import io.callintel.core.pipeline.PiiRedaction;
import io.callintel.core.transcript.Transcript;
import io.callintel.engine.CallIntelEngine;
import java.io.IOException;
import java.nio.file.Path;

/** The pipeline's redaction stage on the shared engine. */
final class EngineRedaction implements PiiRedaction {

    private final CallIntelEngine engine;

    EngineRedaction(CallIntelEngine engine) {
        this.engine = engine;
    }

    @Override
    public Transcript redact(Transcript transcript) {
        return engine.redact(transcript);
    }

    @Override
    public void redactAudio(Path recording, Transcript redacted, Path out) throws IOException {
        engine.redactAudio(recording, redacted, out);
    }
}
