package io.callintel.testing;

import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.PcmStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The synthesized speech of the test calls: one committed FLAC clip (16 kHz mono) per voice and line,
 * under the resources' {@code io/callintel/testing/speech/}, so that running the tests needs no
 * speech synthesizer. Each clip carries its voice and text as FLAC tags.
 *
 * <p>A line without a clip fails with the command that records it. {@code engine-testing/regenerate-speech.sh}
 * runs the tests with {@code -Dcallintel.speech.record=DIR}: missing clips are then synthesized with
 * espeak-ng, resampled to 16 kHz and written to DIR with the {@code flac} tool.
 */
final class SpeechClips {

    static final int SAMPLE_RATE = AudioDecoder.SAMPLE_RATE;
    static final String RECORD_PROPERTY = "callintel.speech.record";
    private static final AudioDecoder DECODER = new FfmpegAudioDecoder();

    private SpeechClips() {}

    /** The line spoken by the voice, as 16 kHz samples. */
    static short[] speak(Voice voice, String text) {
        String name = name(voice, text);
        String record = System.getProperty(RECORD_PROPERTY, "");
        if (!record.isBlank()) {
            Path clip = Path.of(record).resolve(name);
            if (!Files.exists(clip)) {
                record(clip, voice, text);
            }
            try (InputStream in = Files.newInputStream(clip)) {
                return decode(in, name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (InputStream in = SpeechClips.class.getResourceAsStream("speech/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no recorded speech " + name + " for " + voice + ": \"" + text
                        + "\". A new or changed line: record it with engine-testing/regenerate-speech.sh");
            }
            return decode(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The clip's file name: a digest of the voice and the text, so a changed line never reuses an old clip. */
    static String name(Voice voice, String text) {
        try {
            byte[] key = (String.join(" ", voice.arguments()) + "\n" + text).getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 10) + ".flac";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static short[] decode(InputStream in, String name) {
        try (PcmStream stream = DECODER.open(in, name, DecodeOptions.defaults())) {
            short[] samples = new short[SAMPLE_RATE * 8];
            int size = 0;
            for (int n; (n = stream.read(samples, size, samples.length - size)) >= 0; ) {
                size += n;
                if (size == samples.length) {
                    samples = Arrays.copyOf(samples, samples.length * 2);
                }
            }
            return Arrays.copyOf(samples, size);
        }
    }

    /** Synthesizes the line and writes it as FLAC; written to a temporary name first, so a clip is whole or absent. */
    private static void record(Path clip, Voice voice, String text) {
        float[] speech =
                new Resampler(Espeak.SAMPLE_RATE, SAMPLE_RATE).resample(Wav.toFloat(Espeak.speak(voice, text)));
        try {
            Files.createDirectories(clip.getParent());
            Path wav = Files.createTempFile(clip.getParent(), "clip", ".wav");
            Path flac = Files.createTempFile(clip.getParent(), "clip", ".flac.part");
            try {
                Wav.write(wav, SAMPLE_RATE, new float[][] {speech}, false);
                run(List.of(
                        "flac",
                        "--silent",
                        "--best",
                        "--force",
                        "-T",
                        "VOICE=" + String.join(" ", voice.arguments()),
                        "-T",
                        "TEXT=" + text,
                        "-o",
                        flac.toString(),
                        wav.toString()));
                Files.move(flac, clip, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(wav);
                Files.deleteIfExists(flac);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record " + clip + " (needs the flac tool: apt-get install flac)", e);
        }
    }

    private static void run(List<String> command) throws IOException {
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
