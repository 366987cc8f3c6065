package io.callintel.testing;

import io.callintel.core.audio.AudioDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The synthesized speech of the test calls: one committed clip (16 kHz mono FLAC, or Ogg Opus) per voice and
 * line, under the resources' {@code io/callintel/testing/speech/}, so that running the tests needs no
 * speech synthesizer. Each clip carries its voice and text as tags.
 *
 * <p>A line without a clip fails with the command that records it. {@code engine-testing/regenerate-speech.sh}
 * runs the tests with {@code -Dcallintel.speech.record=DIR}: missing clips are then synthesized by the voice's
 * {@link Synthesizer}, resampled to 16 kHz and written to DIR as Opus with the {@code ffmpeg} tool.
 */
final class SpeechClips {

    static final int SAMPLE_RATE = AudioDecoder.SAMPLE_RATE;
    static final String RECORD_PROPERTY = "callintel.speech.record";
    /** The clips' formats, in lookup order: the first clips were FLAC; clips are recorded as Opus. */
    private static final String RECORDED_FORMAT = ".opus";

    private static final List<String> FORMATS = List.of(".flac", RECORDED_FORMAT);

    private SpeechClips() {}

    /** The line spoken by the voice, as 16 kHz samples. */
    static short[] speak(Voice voice, String text) {
        String name = name(voice, text);
        String record = System.getProperty(RECORD_PROPERTY, "");
        if (!record.isBlank()) {
            Path directory = Path.of(record);
            Path clip = FORMATS.stream()
                    .map(format -> directory.resolve(name + format))
                    .filter(Files::exists)
                    .findFirst()
                    .orElseGet(() -> record(directory.resolve(name + RECORDED_FORMAT), voice, text));
            try (InputStream in = Files.newInputStream(clip)) {
                return Pcm.decode(in, clip.getFileName().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String format : FORMATS) {
            try (InputStream in = SpeechClips.class.getResourceAsStream("speech/" + name + format)) {
                if (in != null) {
                    return Pcm.decode(in, name + format);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no recorded speech " + name + " for " + voice + ": \"" + text
                + "\". A new or changed line: record it with engine-testing/regenerate-speech.sh");
    }

    /** The clip's file name without its extension: a digest of the voice and the text, so a changed line never reuses an old clip. */
    static String name(Voice voice, String text) {
        try {
            byte[] key = (String.join(" ", voice.arguments()) + "\n" + text).getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Synthesizes the line and writes it as Ogg Opus at 32 kbit/s, with the ffmpeg tool: a fifth of FLAC's size,
     * and no audible loss for speech. Written to a temporary name first, so a clip is whole or absent.
     */
    private static Path record(Path clip, Voice voice, String text) {
        float[] speech = voice.synthesizer().speak(voice, text);
        try {
            Files.createDirectories(clip.getParent());
            Path wav = Files.createTempFile(clip.getParent(), "clip", ".wav");
            Path encoded = Files.createTempFile(clip.getParent(), "clip", RECORDED_FORMAT + ".part");
            try {
                Wav.write(wav, SAMPLE_RATE, new float[][] {speech}, false);
                Synthesizer.run(List.of(
                        "ffmpeg",
                        "-nostdin",
                        "-loglevel",
                        "error",
                        "-y",
                        "-i",
                        wav.toString(),
                        "-c:a",
                        "libopus",
                        "-b:a",
                        "32k",
                        "-application",
                        "voip",
                        "-metadata",
                        "VOICE=" + String.join(" ", voice.arguments()),
                        "-metadata",
                        "TEXT=" + text,
                        "-f",
                        "ogg",
                        encoded.toString()));
                Files.move(encoded, clip, StandardCopyOption.ATOMIC_MOVE);
                return clip;
            } finally {
                Files.deleteIfExists(wav);
                Files.deleteIfExists(encoded);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot record " + clip + " (needs the ffmpeg tool: apt-get install ffmpeg)", e);
        }
    }
}
