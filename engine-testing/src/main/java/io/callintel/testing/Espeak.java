package io.callintel.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Runs espeak-ng, which writes 22050 Hz mono 16-bit WAV; the same text and voice give the same samples. */
final class Espeak {

    static final int SAMPLE_RATE = 22_050;
    private static final String EXECUTABLE = "espeak-ng";

    private Espeak() {}

    static short[] speak(Voice voice, String text) {
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
            return samples(wav);
        } catch (IOException e) {
            throw new UncheckedIOException(EXECUTABLE + " could not run (apt-get install espeak-ng)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The samples of the data chunk. espeak-ng streams, so its header's sizes are placeholders: read to the end. */
    static short[] samples(byte[] wav) {
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || in.getInt(0) != 0x46464952 || in.getInt(8) != 0x45564157) {
            throw new IllegalStateException("espeak-ng did not write a WAV file");
        }
        int position = 12;
        while (position + 8 <= wav.length) {
            int id = in.getInt(position);
            int size = in.getInt(position + 4);
            if (id == 0x20746d66) { // "fmt "
                int rate = in.getInt(position + 12);
                int bits = in.getShort(position + 22);
                if (rate != SAMPLE_RATE || bits != 16 || in.getShort(position + 10) != 1) {
                    throw new IllegalStateException("unexpected espeak-ng output: " + rate + " Hz, " + bits + " bit");
                }
            } else if (id == 0x61746164) { // "data"
                int start = position + 8;
                short[] samples = new short[(wav.length - start) / 2];
                in.position(start);
                in.asShortBuffer().get(samples);
                return samples;
            }
            position += 8 + size + (size & 1);
        }
        throw new IllegalStateException("espeak-ng output has no data chunk");
    }
}
