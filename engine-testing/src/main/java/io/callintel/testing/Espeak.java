package io.callintel.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * espeak-ng, the synthesizer of the benchmark corpora and of most test calls ({@link Synthesizer} has the others).
 * It writes 22050 Hz mono 16-bit WAV; the same text and voice give the same samples. Tests never run it (they read {@link SpeechClips}); recording clips
 * and the benchmark corpora do.
 */
public final class Espeak {

    public static final int SAMPLE_RATE = 22_050;
    private static final String EXECUTABLE = "espeak-ng";

    private Espeak() {}

    /** The line spoken by the voice, at {@link #SAMPLE_RATE}. */
    public static short[] speak(Voice voice, String text) {
        if (voice.synthesizer() != Synthesizer.ESPEAK) {
            throw new IllegalArgumentException(voice + " is not an espeak-ng voice");
        }
        List<String> command = new ArrayList<>();
        command.add(EXECUTABLE);
        command.addAll(voice.arguments());
        command.add("--stdout");
        // "--" so that a line starting with '-' is still text, not an option.
        command.add("--");
        command.add(text);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] wav;
            try (InputStream out = process.getInputStream()) {
                wav = out.readAllBytes();
            }
            int status = process.waitFor();
            if (status != 0) {
                throw new IllegalStateException(EXECUTABLE + " exited with " + status + " for: " + text);
            }
            return Wav.readMono16(wav, SAMPLE_RATE);
        } catch (IOException e) {
            throw new UncheckedIOException(EXECUTABLE + " could not run (apt-get install espeak-ng)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
