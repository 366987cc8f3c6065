package io.callintel.server.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.core.pipeline.Transcription;
import io.callintel.core.recording.Recording;
import io.callintel.core.transcript.Transcript;
import io.callintel.engine.CallIntelEngine;
import java.nio.file.Path;

/**
 * The pipeline's recognition stage on the shared engine. Per-upload options come from
 * the recording's metadata: {@code agent_channel} (0 = left, 1 = right) and {@code speakers} (how
 * many in a mono call, when known).
 */
final class AsrTranscription implements Transcription {

    private final CallIntelEngine engine;
    private final ObjectMapper json;

    AsrTranscription(CallIntelEngine engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    @Override
    public Transcript transcribe(Path audio, Recording recording) throws InterruptedException {
        return engine.transcribe(audio, options(recording));
    }

    private TranscriptionOptions options(Recording recording) {
        TranscriptionOptions options = TranscriptionOptions.defaults();
        JsonNode metadata;
        try {
            metadata = json.readTree(recording.metadata());
        } catch (JsonProcessingException e) {
            return options; // checked when it was uploaded; a damaged row falls back to the defaults
        }
        if (metadata.path("agent_channel").isIntegralNumber()) {
            options = options.withAgentChannel(metadata.get("agent_channel").asInt());
        }
        if (metadata.path("speakers").isIntegralNumber()) {
            options = options.withSpeakers(metadata.get("speakers").asInt());
        }
        return options;
    }
}
