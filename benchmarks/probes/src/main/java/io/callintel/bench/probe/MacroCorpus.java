package io.callintel.bench.probe;

import io.callintel.asr.vad.EnergyVad;
import io.callintel.asr.vad.FrameEnergies;
import io.callintel.asr.vad.SpeechSpan;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.bench.support.AsrCorpus;
import io.callintel.bench.support.BenchFiles;
import io.callintel.bench.support.CorpusFiles;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.testing.Wav;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@link MacroBenchmark}'s corpus: as many two-voice calls of 2-4 minutes as it takes to fill the asked number of
 * hours, in mixed formats (16 kHz WAV, MP3, 8 kHz µ-law WAV, in turn).
 *
 * <p>Nothing new is synthesised: every call is an excerpt of {@link AsrCorpus}'s two espeak-ng calls
 * ({@code call10min} then {@code silent30}, taken as one 12-minute ring of audio: ordinary turn-taking pauses, a
 * stretch of long pauses, three hold gaps, a line-noise floor), starting at a seeded random offset and cut at pauses
 * (midpoints of the engine VAD's non-speech gaps), so no call starts or ends inside a word. Each is then played
 * at a seeded tempo of 0.9-1.1 (FFmpeg's {@code atempo}: pitch kept) and gain of -6..+3 dB, so that no two calls are
 * the same audio, and encoded with the {@code ffmpeg} command line. The words repeat across calls (the scripts
 * are 12 minutes long); the recognizer's cost per second does not depend on that.
 *
 * <p>Deterministic: call {@code i} depends only on {@code i}, so a smaller corpus is a prefix of a larger one and
 * the files are shared. Generated on first use into {@code ${java.io.tmpdir}/callintel-macro-corpus-v2} (override
 * with {@code -Dcallintel.bench.macroCorpus=DIR}); each file is written under a temporary name and moved into
 * place, so a file that exists is complete. About 1 s per call to generate.
 */
final class MacroCorpus {

    private static final String VERSION = "v2";
    private static final String FFMPEG = System.getProperty("callintel.bench.ffmpeg", "ffmpeg");
    private static final int RATE = SpeechSpan.SAMPLE_RATE;
    /** Cut only in non-speech gaps at least this long (seconds). */
    private static final double MIN_GAP = 0.4;

    /** The formats, used in turn: call {@code i} is {@code values()[i % 3]}. */
    enum Format {
        WAV("wav", "wav, pcm_s16le, 16 kHz mono", "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", "-f", "wav"),
        MP3(
                "mp3",
                "mp3, 48 kbit/s CBR, 22.05 kHz mono",
                "-ar",
                "22050",
                "-ac",
                "1",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "48k",
                "-f",
                "mp3"),
        WAV_MULAW(
                "wav",
                "wav, pcm_mulaw (G.711), 8 kHz mono",
                "-ar",
                "8000",
                "-ac",
                "1",
                "-c:a",
                "pcm_mulaw",
                "-f",
                "wav");

        final String extension;
        final String description;
        final List<String> encoderArgs;

        Format(String extension, String description, String... encoderArgs) {
            this.extension = extension;
            this.description = description;
            this.encoderArgs = List.of(encoderArgs);
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One call of the corpus.
     *
     * @param sourceStart    where the excerpt starts in the 12-minute source ring, seconds
     * @param excerptSeconds length of the excerpt before the tempo change
     * @param seconds        designed length of the call (excerpt / tempo); the decoder's figure is the one reported
     */
    record Call(
            int index,
            Path file,
            Format format,
            double sourceStart,
            double excerptSeconds,
            double tempo,
            double gainDb,
            double seconds) {}

    private final Path directory;

    private MacroCorpus(Path directory) {
        this.directory = directory;
    }

    static MacroCorpus standard() {
        return new MacroCorpus(
                BenchFiles.corpusDirectory("callintel.bench.macroCorpus", "callintel-macro-corpus-" + VERSION));
    }

    Path directory() {
        return directory;
    }

    /** The first calls whose designed lengths add up to at least {@code hours}; missing files are generated. */
    synchronized List<Call> calls(double hours) {
        AsrCorpus asr = AsrCorpus.standard();
        AudioDecoder decoder = new FfmpegAudioDecoder();
        short[] a = AsrCorpus.decode(decoder, asr.file(AsrCorpus.Audio.CALL10MIN));
        short[] b = AsrCorpus.decode(decoder, asr.file(AsrCorpus.Audio.SILENT30));
        short[] ring = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, ring, a.length, b.length);
        long[] cuts = cutPoints(ring);

        List<Call> calls = new ArrayList<>();
        double total = 0;
        for (int i = 0; total < hours * 3600; i++) {
            Call call = plan(i, ring.length, cuts);
            calls.add(call);
            total += call.seconds();
        }
        for (Call call : calls) {
            if (!Files.isRegularFile(call.file())) {
                generate(call, ring);
            }
        }
        return calls;
    }

    /** Midpoints of the VAD's non-speech gaps of at least {@link #MIN_GAP}, over two turns of the ring. */
    private static long[] cutPoints(short[] ring) {
        FrameEnergies energies = new FrameEnergies();
        energies.accept(ring, 0, ring.length);
        List<SpeechSpan> speech = EnergyVad.forCalls().detect(energies);
        List<Long> cuts = new ArrayList<>();
        long previousEnd = 0;
        for (SpeechSpan span : speech) {
            if (span.start() - previousEnd >= MIN_GAP * RATE) {
                cuts.add((previousEnd + span.start()) / 2);
            }
            previousEnd = span.end();
        }
        long[] out = new long[cuts.size() * 2];
        for (int k = 0; k < cuts.size(); k++) {
            out[k] = cuts.get(k);
            out[k + cuts.size()] = cuts.get(k) + ring.length;
        }
        return out;
    }

    private Call plan(int index, int ringLength, long[] cuts) {
        // SplittableRandom mixes its seed: java.util.Random's first draws for seeds 9000, 9001, ... are nearly equal.
        SplittableRandom random = new SplittableRandom(9_000L + index);
        double seconds = 120 + 120 * random.nextDouble();
        double tempo = 0.9 + 0.2 * random.nextDouble();
        double gain = -6 + 9 * random.nextDouble();
        long start = nearest(cuts, (long) (random.nextDouble() * ringLength));
        long end = nearest(cuts, start + Math.round(seconds * tempo * RATE));
        Format format = Format.values()[index % Format.values().length];
        Path file =
                directory.resolve(String.format(Locale.ROOT, "call-%03d-%s.%s", index, format.id(), format.extension));
        double excerpt = (end - start) / (double) RATE;
        return new Call(
                index, file, format, (start % ringLength) / (double) RATE, excerpt, tempo, gain, excerpt / tempo);
    }

    /** The cut point closest to {@code target}. */
    private static long nearest(long[] sorted, long target) {
        int at = Arrays.binarySearch(sorted, target);
        if (at >= 0) {
            return sorted[at];
        }
        int after = -at - 1;
        if (after == 0) {
            return sorted[0];
        }
        if (after == sorted.length) {
            return sorted[sorted.length - 1];
        }
        return target - sorted[after - 1] <= sorted[after] - target ? sorted[after - 1] : sorted[after];
    }

    private void generate(Call call, short[] ring) {
        long start = Math.round(call.sourceStart() * RATE);
        int length = (int) Math.round(call.excerptSeconds() * RATE);
        short[] excerpt = new short[length];
        for (int k = 0; k < length; k++) {
            excerpt[k] = ring[(int) ((start + k) % ring.length)];
        }
        Path source = directory.resolve(
                ".source-" + call.index() + "-" + ProcessHandle.current().pid() + ".wav");
        Path partial = call.file()
                .resolveSibling(call.file().getFileName() + ".part-"
                        + ProcessHandle.current().pid());
        try {
            Files.write(source, Wav.pcm16(excerpt, RATE));
            List<String> command = new ArrayList<>(List.of(
                    FFMPEG,
                    "-nostdin",
                    "-v",
                    "error",
                    "-y",
                    "-i",
                    source.toString(),
                    "-af",
                    String.format(Locale.ROOT, "atempo=%.4f,volume=%.2fdB", call.tempo(), call.gainDb())));
            command.addAll(call.format().encoderArgs);
            command.add(partial.toString());
            CorpusFiles.run(command);
            Files.move(partial, call.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(source);
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // a stray temporary file in the corpus directory is harmless
            }
        }
    }
}
