package io.callintel.bench.support;

import io.callintel.testing.Espeak;
import io.callintel.testing.Voice;
import io.callintel.testing.Wav;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decode benchmarks' test recordings, synthesised with the {@code espeak-ng} and {@code ffmpeg}
 * command lines: a two-voice "call" (agent on the left channel, customer on the right, over a faint
 * pink-noise line floor so that no codec sees digital silence), {@value #SECONDS} s long, encoded
 * into each {@link Format}.
 *
 * <p>Files are generated once into {@code ${java.io.tmpdir}/callintel-decode-corpus-v1} (override with
 * {@code -Dcallintel.bench.corpus=DIR}) and reused by later forks and runs: every JMH fork would
 * otherwise synthesise them again. Each file is written under a temporary name and moved into place,
 * so a file that exists is complete. Delete the directory to regenerate.
 */
public final class Corpus {

    /** Length of every benchmark recording, in seconds of audio. */
    public static final int SECONDS = 60;

    private static final String VERSION = "v1";
    private static final String FFMPEG = System.getProperty("callintel.bench.ffmpeg", "ffmpeg");

    private static final String AGENT =
            "Thank you for calling customer support, my name is Alex. How can I help you today? "
                    + "I can see your account here. Let me check that invoice for you, it will only take a moment. "
                    + "You are right, the order was charged twice, on the twelfth of March. I have refunded the second payment, "
                    + "you should see it on your statement within three to five working days.";
    private static final String CUSTOMER =
            "Hello, yes, I am calling about my last invoice. I think I was charged twice "
                    + "for the same order. The account number is four seven one two, nine nine eight. "
                    + "That is great, thank you very much. Could you also send me an email confirming the refund? "
                    + "Perfect, that is all I needed. Have a nice day.";

    /** The benchmarked formats: container, codec and the source layout a real call would have. */
    public enum Format {
        WAV("wav", "wav, pcm_s16le, 16 kHz mono", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", "-f", "wav"),
        WAV_MULAW("wav", "wav, pcm_mulaw, 8 kHz mono", "-ac", "1", "-ar", "8000", "-c:a", "pcm_mulaw", "-f", "wav"),
        MP3("mp3", "mp3, 128 kbit/s CBR, 44.1 kHz stereo", "-c:a", "libmp3lame", "-b:a", "128k", "-f", "mp3"),
        OGG_VORBIS(
                "ogg", "ogg, vorbis q4 (~110 kbit/s), 44.1 kHz stereo", "-c:a", "libvorbis", "-q:a", "4", "-f", "ogg"),
        OGG_OPUS(
                "opus",
                "ogg, opus 48 kbit/s, 48 kHz stereo",
                "-ar",
                "48000",
                "-c:a",
                "libopus",
                "-b:a",
                "48k",
                "-f",
                "ogg"),
        WEBM_OPUS(
                "webm",
                "webm, opus 48 kbit/s, 48 kHz stereo",
                "-ar",
                "48000",
                "-c:a",
                "libopus",
                "-b:a",
                "48k",
                "-f",
                "webm"),
        FLAC("flac", "flac, 16 bit, 44.1 kHz stereo", "-c:a", "flac", "-f", "flac"),
        M4A_AAC("m4a", "m4a, aac-lc 128 kbit/s, 44.1 kHz stereo", "-c:a", "aac", "-b:a", "128k", "-f", "ipod");

        private final String extension;
        private final String description;
        private final List<String> encoderArgs;

        Format(String extension, String description, String... encoderArgs) {
            this.extension = extension;
            this.description = description;
            this.encoderArgs = List.of(encoderArgs);
        }

        /** The JMH {@code @Param} value: {@code wav}, {@code wav_mulaw}, {@code mp3}, ... */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String description() {
            return description;
        }

        public static Format of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    private final Path directory;

    private Corpus(Path directory) {
        this.directory = directory;
    }

    /** The shared corpus directory (created if needed). */
    public static Corpus standard() {
        return new Corpus(BenchFiles.corpusDirectory("callintel.bench.corpus", "callintel-decode-corpus-" + VERSION));
    }

    public Path directory() {
        return directory;
    }

    /** The {@value #SECONDS} s recording in the given format, generated on first use. */
    public synchronized Path file(Format format) {
        Path target = directory.resolve("call-" + SECONDS + "s-" + format.id() + "." + format.extension);
        if (!Files.isRegularFile(target)) {
            Path source = source();
            List<String> command =
                    new ArrayList<>(List.of(FFMPEG, "-nostdin", "-v", "error", "-y", "-i", source.toString()));
            command.addAll(format.encoderArgs);
            CorpusFiles.produce(target, command);
        }
        return target;
    }

    /**
     * About {@code targetBytes} of the same call, looped without re-encoding ({@code -stream_loop} and
     * {@code -c copy}): the heap probe's large file. Only sensible for formats with a constant bit rate.
     */
    public synchronized Path large(Format format, long targetBytes) {
        Path unit = file(format);
        long unitBytes;
        try {
            unitBytes = Files.size(unit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long copies = Math.max(1, (targetBytes + unitBytes - 1) / unitBytes);
        Path target = directory.resolve("call-x" + copies + "-" + format.id() + "." + format.extension);
        if (!Files.isRegularFile(target)) {
            List<String> command = new ArrayList<>(List.of(
                    FFMPEG,
                    "-nostdin",
                    "-v",
                    "error",
                    "-y",
                    "-stream_loop",
                    Long.toString(copies - 1),
                    "-i",
                    unit.toString(),
                    "-map",
                    "0:a",
                    "-c",
                    "copy"));
            int f = format.encoderArgs.indexOf("-f");
            command.addAll(format.encoderArgs.subList(f, f + 2));
            CorpusFiles.produce(target, command);
        }
        return target;
    }

    /** 44.1 kHz stereo PCM: agent left, customer right, looped to {@value #SECONDS} s, plus a noise floor. */
    private Path source() {
        Path source = directory.resolve("source-" + SECONDS + "s-44k-stereo.wav");
        if (Files.isRegularFile(source)) {
            return source;
        }
        Path agent = directory.resolve("agent.wav");
        Path customer = directory.resolve("customer.wav");
        // espeak-ng's default pitch (50); the tests' call voices differ in pitch, these differ in accent and speed.
        CorpusFiles.write(agent, Wav.pcm16(Espeak.speak(new Voice("en-us", 50, 165), AGENT), Espeak.SAMPLE_RATE));
        CorpusFiles.write(
                customer, Wav.pcm16(Espeak.speak(new Voice("en-gb+f3", 50, 150), CUSTOMER), Espeak.SAMPLE_RATE));
        CorpusFiles.produce(
                source,
                List.of(
                        FFMPEG,
                        "-nostdin",
                        "-v",
                        "error",
                        "-y",
                        "-stream_loop",
                        "-1",
                        "-i",
                        agent.toString(),
                        "-stream_loop",
                        "-1",
                        "-i",
                        customer.toString(),
                        "-f",
                        "lavfi",
                        "-i",
                        "anoisesrc=r=44100:a=0.003:c=pink:seed=42",
                        "-filter_complex",
                        "[0:a]aresample=44100[a];[1:a]aresample=44100[b];"
                                + "[a][b]join=inputs=2:channel_layout=stereo[s];[2:a]pan=stereo|c0=c0|c1=c0[n];"
                                + "[s][n]amix=inputs=2:normalize=0[out]",
                        "-map",
                        "[out]",
                        "-t",
                        Integer.toString(SECONDS),
                        "-c:a",
                        "pcm_s16le",
                        "-f",
                        "wav"));
        return source;
    }

    /** Generates every format (and prints where), e.g. to prepare the corpus before a timed run. */
    public static void main(String[] args) {
        Corpus corpus = standard();
        for (Format format : Format.values()) {
            Path file = corpus.file(format);
            System.out.printf(Locale.ROOT, "%-11s %-48s %s%n", format.id(), format.description(), file);
        }
    }
}
