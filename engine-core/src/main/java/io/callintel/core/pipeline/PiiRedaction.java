package io.callintel.core.pipeline;

import io.callintel.core.transcript.Transcript;
import java.io.IOException;
import java.nio.file.Path;

/** The redaction stage's port: finds the personal data said in a call and hides it. */
public interface PiiRedaction {

    /**
     * The transcript with every word that says personal data replaced by its kind's token ({@code [CARD_NUMBER]}),
     * each keeping its time, and the utterances' text rebuilt from the words.
     */
    Transcript redact(Transcript transcript);

    /** Writes the recording as WAV with a tone over the times of the redacted transcript's tokens. */
    void redactAudio(Path recording, Transcript redacted, Path out) throws IOException, InterruptedException;
}
