package io.callintel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The speech synthesizers the test speech is recorded with: three Debian packages with voices of their own, so
 * that the labelled calls are not all one machine's voice. Tests never run them (they read {@link SpeechClips});
 * recording clips does. Each writes 16-bit mono WAV at its own rate.
 */
public enum Synthesizer {
    /** espeak-ng: formant synthesis, many voices and variants ({@code en-us}, {@code en+f3}). */
    ESPEAK("espeak-ng"),
    /** flite: CMU's small synthesizer; voices {@code kal16}, {@code awb}, {@code rms}, {@code slt}. */
    FLITE("flite"),
    /** festival's {@code text2wave}: diphone voices {@code kal_diphone}, {@code ked_diphone}, HTS {@code cmu_us_slt_arctic_hts}. */
    FESTIVAL("festival");

    private final String packageName;

    Synthesizer(String packageName) {
        this.packageName = packageName;
    }

    /** The line spoken by the voice, as 16 kHz samples. */
    float[] speak(Voice voice, String text) {
        if (this == ESPEAK) {
            return new Resampler(Espeak.SAMPLE_RATE, SpeechClips.SAMPLE_RATE)
                    .resample(Wav.toFloat(Espeak.speak(voice, text)));
        }
        try {
            Path wav = Files.createTempFile("callintel-voice", ".wav");
            // text2wave reads the text from a file; flite takes it on the command line.
            Path input =
                    Files.writeString(Files.createTempFile("callintel-voice", ".txt"), text, StandardCharsets.UTF_8);
            try {
                run(command(voice, text, input, wav));
                return Wav.toFloat(Wav.readMono16(Files.readAllBytes(wav), SpeechClips.SAMPLE_RATE));
            } finally {
                Files.deleteIfExists(wav);
                Files.deleteIfExists(input);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name() + " could not run (apt-get install " + packageName + ")", e);
        }
    }

    private List<String> command(Voice voice, String text, Path input, Path wav) {
        List<String> command = new ArrayList<>();
        double stretch = 160.0 / voice.speed(); // the voices' natural pace is about 160 words a minute
        if (this == FLITE) {
            command.addAll(List.of("flite", "-voice", voice.name(), "--setf", "duration_stretch=" + stretch));
            if (voice.pitch() > 0) {
                command.addAll(List.of("--setf", "int_f0_target_mean=" + voice.pitch()));
            }
            command.addAll(List.of("-o", wav.toString(), "-t", text));
        } else {
            String script = "(voice_" + voice.name() + ") (Parameter.set 'Duration_Stretch " + stretch + ")";
            command.addAll(List.of("text2wave", "-F", Integer.toString(SpeechClips.SAMPLE_RATE), "-otype", "riff"));
            command.addAll(List.of("-eval", script, "-o", wav.toString(), input.toString()));
        }
        return command;
    }

    static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException(command.getFirst() + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
