package io.callintel.core.pipeline;

import io.callintel.core.recording.Recording;
import io.callintel.core.transcript.Transcript;
import java.nio.file.Path;

/** The recognition stage's port: audio in, speaker-attributed transcript out. Thread-safe. */
public interface Transcription {

    /**
     * @param recording what the upload said about the file (per-upload options such as the agent's channel)
     * @throws io.callintel.core.audio.AudioDecodeException when the audio cannot be decoded: never retried
     */
    Transcript transcribe(Path audio, Recording recording) throws InterruptedException;
}
