package io.callintel.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Real read speech with reference transcriptions: five public-domain LibriVox clips (Sense and Sensibility,
 * 16 kHz mono WAV, 25 s in all), as published in Debian's pocketsphinx-testdata and committed here; and the same
 * clips through a GSM 06.10 phone line ({@code regenerate-gsm.sh}, sox: no GSM encoder runs in process).
 */
public final class LibriVox {

    /** One clip: its id (the file name without {@code .wav}), what is said, and the WAV file. */
    public record Clip(String id, String reference, Path wav) {}

    private LibriVox() {}

    /** Writes the clips into {@code directory} as {@code <id>.wav} and returns them in the reference file's order. */
    public static List<Clip> clips(Path directory) {
        return clips(directory, "", "");
    }

    /** The clips through a GSM 06.10 phone line (8 kHz, 300-3400 Hz), written as {@code <id>-gsm.wav}. */
    public static List<Clip> gsm(Path directory) {
        return clips(directory, "gsm/", "-gsm");
    }

    private static List<Clip> clips(Path directory, String folder, String suffix) {
        List<Clip> clips = new ArrayList<>();
        for (String line : new String(bytes("transcription"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            // "<s> words </s> (id)"
            String id = line.substring(line.lastIndexOf('(') + 1, line.lastIndexOf(')'));
            String reference = line.substring(0, line.lastIndexOf('('))
                    .replace("<s>", "")
                    .replace("</s>", "")
                    .trim();
            Path wav = directory.resolve(id + suffix + ".wav");
            try (InputStream in = resource(folder + id + ".wav")) {
                Files.copy(in, wav, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            clips.add(new Clip(id, reference, wav));
        }
        return List.copyOf(clips);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = LibriVox.class.getResourceAsStream("librivox/" + name);
        if (in == null) {
            throw new IllegalStateException("test resource io/callintel/testing/librivox/" + name + " is missing");
        }
        return in;
    }
}
