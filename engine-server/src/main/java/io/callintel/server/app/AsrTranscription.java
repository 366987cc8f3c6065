package io.callintel.server.app;

import io.callintel.asr.TranscriptionOptions;
import io.callintel.core.pipeline.Transcription;
import io.callintel.core.recording.Recording;
import io.callintel.core.transcript.Transcript;
import io.callintel.engine.CallIntelEngine;
import java.nio.file.Path;

/**
 * The pipeline's recognition stage on the shared engine. Per-upload options come from the
 * recording's processing hints: the agent's channel (0 = left, 1 = right), how many speak in a
 * mono call and whether to reduce noise, when the upload said.
 */
final class AsrTranscription implements Transcription {

    private final CallIntelEngine engine;

    AsrTranscription(CallIntelEngine engine) {
        this.engine = engine;
    }

    @Override
    public Transcript transcribe(Path audio, Recording recording) throws InterruptedException {
        return engine.transcribe(audio, options(recording));
    }

    private static TranscriptionOptions options(Recording recording) {
        TranscriptionOptions options = TranscriptionOptions.defaults();
        if (recording.hints().agentChannel().isPresent()) {
            options = options.withAgentChannel(recording.hints().agentChannel().getAsInt());
        }
        if (recording.hints().speakers().isPresent()) {
            options = options.withSpeakers(recording.hints().speakers().getAsInt());
        }
        if (recording.hints().noiseReduction().isPresent()) {
            options = options.withNoiseReduction(
                    recording.hints().noiseReduction().get());
        }
        return options;
    }
}
