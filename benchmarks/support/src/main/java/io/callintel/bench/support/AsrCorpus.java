package io.callintel.bench.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.asr.Transcriber;
import io.callintel.asr.vad.EnergyVad;
import io.callintel.asr.vad.FrameEnergies;
import io.callintel.asr.vad.SpeechSpan;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.PcmStream;
import io.callintel.testing.Espeak;
import io.callintel.testing.Voice;
import io.callintel.testing.Wav;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The speech-recognition benchmarks' recordings, synthesised once and cached (like {@link Corpus}):
 *
 * <ul>
 *   <li>{@link Audio#DENSE}: ~2 min of real read speech with almost no pauses, the five LibriVox clips of
 *       the pocketsphinx test data (one reader) concatenated and looped, 16 kHz s16 mono WAV;</li>
 *   <li>{@link Audio#SILENT30}: a ~2 min two-voice call (espeak-ng agent and customer) with long pauses
 *       between turns and a hold gap, over a faint noise floor, 8 kHz µ-law mono WAV;</li>
 *   <li>{@link Audio#CALL10MIN}: a 10 min two-voice call of the same kind with ordinary turn-taking pauses
 *       and two hold gaps, 8 kHz µ-law mono WAV;</li>
 *   <li>{@link #soakClips}: 1-3 s clips cut from the first and last, alternately 16 kHz s16 and 8 kHz µ-law
 *       WAV, for {@link RecognizerSoak}.</li>
 * </ul>
 *
 * <p>Everything is deterministic (fixed seeds, fixed scripts). Files go to
 * {@code ${java.io.tmpdir}/callintel-asr-corpus-v1} (override with {@code -Dcallintel.bench.asrCorpus=DIR});
 * each is written under a temporary name and moved into place, so a file that exists is complete. Next to
 * each recording, {@code NAME.json} records its length, the designed speech share, and the share that the
 * engine's VAD and chunk planner keep for recognition.
 */
public final class AsrCorpus {

    private static final String VERSION = "v1";
    private static final String FFMPEG = System.getProperty("callintel.bench.ffmpeg", "ffmpeg");
    /** The LibriVox clips committed in engine-testing, found from the repository root (where benchmarks run). */
    private static final Path LIBRIVOX = Path.of(System.getProperty(
            "callintel.bench.librivox", "engine-testing/src/main/resources/io/callintel/testing/librivox"));

    private static final int RATE = 16_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The benchmark recordings; {@link #id()} is the JMH {@code @Param} value. */
    public enum Audio {
        DENSE("dense", "wav", "LibriVox read speech (1 reader), 5 clips looped, 16 kHz s16 mono WAV"),
        SILENT30(
                "silent30",
                "wav",
                "2-voice espeak-ng call, long pauses + 12 s hold, noise floor, 8 kHz µ-law mono WAV"),
        CALL10MIN(
                "call10min",
                "wav",
                "2-voice espeak-ng call, normal pauses + 2 holds, noise floor, 8 kHz µ-law mono WAV");

        private final String id;
        private final String extension;
        private final String description;

        Audio(String id, String extension, String description) {
            this.id = id;
            this.extension = extension;
            this.description = description;
        }

        public String id() {
            return id;
        }

        public String description() {
            return description;
        }

        public static Audio of(String id) {
            for (Audio a : values()) {
                if (a.id.equals(id)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown audio " + id);
        }
    }

    /**
     * What a recording holds.
     *
     * @param audioSeconds    decoded length
     * @param designedSpeech  share of the timeline filled with synthesised/read speech (espeak's own
     *                        leading/trailing silence trimmed; pauses inside a sentence count as speech)
     * @param vadSpeech       share the engine's {@link EnergyVad#forCalls()} marks as speech
     * @param recognized      share the engine hands to the recognizer (VAD spans padded, joined and cut by
     *                        the chunk planner): 1 - this is what the VAD saves
     * @param chunks          number of stretches handed to recognizers
     */
    public record Info(
            String id,
            String description,
            double audioSeconds,
            double designedSpeech,
            double vadSpeech,
            double recognized,
            int chunks) {}

    private static final String[][] SCRIPT = {
        {
            "Thank you for calling Northwind Bank, my name is Sarah, how can I help you today?",
            "Hi, I think I lost my debit card yesterday, and I'm worried someone might use it."
        },
        {
            "I'm sorry to hear that. I can block the card for you right away. Can I have your account number please?",
            "Yes, it's four five two, seven seven one, nine zero eight."
        },
        {"Thank you. And can you confirm your date of birth?", "The third of March, nineteen eighty six."},
        {"I can see two card payments this morning. Did you make those?", "No, I didn't. I was at home all morning."},
        {
            "Okay. I have blocked the card and opened a dispute for both payments.",
            "That's a relief. When will I get a new card?"
        },
        {
            "Your new card will arrive within five working days. Is there anything else I can help with?",
            "Actually yes, I also wanted to ask about the interest rate on my savings account."
        },
        {"Of course, let me check that for you, please hold the line for a moment.", "Sure, no problem."},
        {
            "Thank you for holding. Your savings account pays one point five percent at the moment.",
            "That seems low. Are there any better accounts I could move my money to?"
        },
        {
            "We have a fixed rate saver that pays three point two percent if you keep the money there for a year.",
            "And can I take money out during that year if I need it?"
        },
        {
            "You can, but you would lose ninety days of interest on the amount you take out.",
            "I see. I'll think about it and maybe call back next week."
        },
        {"That's fine. I can also send you the details by email if you like.", "Yes please, that would be helpful."},
        {
            "Which email address should I use? The one ending in example dot com?",
            "Yes, that one is correct. Thank you very much."
        },
        {
            "I have sent the email now. Is there anything else I can do for you today?",
            "No, that's everything. You've been very helpful."
        },
        {"You're welcome. Thank you for calling Northwind Bank and have a lovely day.", "Thanks, goodbye."},
        {"Good afternoon, this is Mark from Contoso Finance. Is that Mrs Patel?", "Yes, speaking. What is this about?"},
        {
            "You asked about a personal loan on our website, so I'm calling about the options.",
            "Oh right, yes. I'm thinking about borrowing money for a new kitchen."
        },
        {"How much would you like to borrow, and over how many years?", "Fifteen thousand pounds, over five years."},
        {
            "For that amount our rate is six point nine percent, fixed for the whole term.",
            "And what would the monthly payment be?"
        },
        {"About two hundred and ninety six pounds a month.", "That's a bit more than I hoped. Are there any fees?"},
        {
            "There are no arrangement fees, and you can repay early without any charge.",
            "Okay, send me the details by email and I'll think about it."
        },
    };

    private final Path directory;
    private final Map<String, short[]> spoken = new HashMap<>();

    private AsrCorpus(Path directory) {
        this.directory = directory;
    }

    /** The shared corpus directory (created if needed). */
    public static AsrCorpus standard() {
        return new AsrCorpus(
                BenchFiles.corpusDirectory("callintel.bench.asrCorpus", "callintel-asr-corpus-" + VERSION));
    }

    public Path directory() {
        return directory;
    }

    /** The recording, generated on first use. */
    public synchronized Path file(Audio audio) {
        Path target = directory.resolve(audio.id + "." + audio.extension);
        if (!Files.isRegularFile(target) || !Files.isRegularFile(infoFile(audio))) {
            double designed = switch (audio) {
                case DENSE -> dense(target);
                case SILENT30 -> call(target, 120, new Pauses(1.3, 3.6, 0.0, 0), List.of(60.0), 12, 30);
                case CALL10MIN -> call(target, 600, new Pauses(0.3, 1.1, 0.15, 1.8), List.of(180.0, 420.0), 15, 10);
            };
            writeInfo(audio, target, designed);
        }
        return target;
    }

    /** The recording's description (generating it first if needed). */
    public Info info(Audio audio) {
        file(audio);
        try {
            JsonNode n = JSON.readTree(infoFile(audio).toFile());
            double designed = n.path("designedSpeech").isNumber()
                    ? n.path("designedSpeech").asDouble()
                    : Double.NaN;
            return new Info(
                    audio.id,
                    audio.description,
                    n.path("audioSeconds").asDouble(),
                    designed,
                    n.path("vadSpeech").asDouble(),
                    n.path("recognized").asDouble(),
                    n.path("chunks").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path infoFile(Audio audio) {
        return directory.resolve(audio.id + ".json");
    }

    /** Decodes the whole recording to 16 kHz mono PCM with the engine's decoder. */
    public static short[] decode(AudioDecoder decoder, Path file) {
        short[] all = new short[1 << 20];
        int total = 0;
        try (PcmStream pcm = decoder.open(file)) {
            int n;
            while (true) {
                if (total == all.length) {
                    all = java.util.Arrays.copyOf(all, all.length * 2);
                }
                n = pcm.read(all, total, all.length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        }
        return java.util.Arrays.copyOf(all, total);
    }

    /**
     * {@code count} distinct 1-3 s clips (cut from the dense and the 10-minute recordings at seeded random
     * offsets), alternately 16 kHz s16 and 8 kHz µ-law WAV, generated on first use.
     */
    public synchronized List<Path> soakClips(int count) {
        Path dir = directory.resolve("soak-" + count);
        Path done = dir.resolve("complete");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(dir.resolve(String.format(Locale.ROOT, "clip-%04d.wav", i)));
        }
        if (Files.isRegularFile(done)) {
            return files;
        }
        try {
            Files.createDirectories(dir);
            AudioDecoder decoder = new FfmpegAudioDecoder();
            short[] dense = decode(decoder, file(Audio.DENSE));
            short[] call = decode(decoder, file(Audio.CALL10MIN));
            Random random = new Random(7);
            for (int i = 0; i < count; i++) {
                short[] source = i % 4 < 2 ? dense : call;
                int length = RATE + random.nextInt(2 * RATE + 1); // 1-3 s
                int start = random.nextInt(source.length - length);
                short[] clip = java.util.Arrays.copyOfRange(source, start, start + length);
                byte[] wav = i % 2 == 0 ? Wav.pcm16(clip, RATE) : Wav.muLaw(halve(clip), RATE / 2);
                Files.write(files.get(i), wav);
            }
            Files.writeString(done, Integer.toString(count));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    // ---- dense: LibriVox read speech ----

    private double dense(Path target) {
        List<short[]> clips = new ArrayList<>();
        try (var stream = Files.list(LIBRIVOX)) {
            for (Path p :
                    stream.filter(p -> p.toString().endsWith(".wav")).sorted().toList()) {
                clips.add(Wav.readMono16(Files.readAllBytes(p), RATE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the dense corpus needs the LibriVox clips in " + LIBRIVOX
                            + " (run from the repository root, or -Dcallintel.bench.librivox=DIR)",
                    e);
        }
        if (clips.isEmpty()) {
            throw new IllegalStateException("no LibriVox .wav clips in " + LIBRIVOX);
        }
        int loop = clips.stream().mapToInt(c -> c.length).sum();
        int loops = (int) Math.ceil(120.0 * RATE / loop);
        short[] all = new short[loop * loops];
        int at = 0;
        for (int l = 0; l < loops; l++) {
            for (short[] c : clips) {
                System.arraycopy(c, 0, all, at, c.length);
                at += c.length;
            }
        }
        CorpusFiles.write(target, Wav.pcm16(all, RATE));
        return Double.NaN; // read speech: the designed share is unknown (the VAD figure stands)
    }

    // ---- two-voice calls ----

    /** Pause between turns drawn uniformly from [min, max]; with probability {@code longChance} a longer one of {@code longSeconds}. */
    private record Pauses(double min, double max, double longChance, double longSeconds) {}

    /**
     * Lines of {@link #SCRIPT} alternately in the agent's and the customer's voice, cycled until {@code seconds}
     * are filled, separated by pauses and, at the given times, hold gaps; a noise floor over all of it.
     * Returns the designed speech share.
     */
    private double call(Path target, int seconds, Pauses pauses, List<Double> holdsAt, double holdSeconds, long seed) {
        int total = seconds * Espeak.SAMPLE_RATE;
        short[] timeline = new short[total];
        Random random = new Random(seed);
        List<Double> holds = new ArrayList<>(holdsAt);
        long speech = 0;
        int at = (int) (0.5 * Espeak.SAMPLE_RATE);
        int line = 0;
        while (true) {
            String[] pair = SCRIPT[(line / 2) % SCRIPT.length];
            boolean agent = line % 2 == 0;
            short[] words = speak(agent, pair[agent ? 0 : 1]);
            if (at + words.length > total) {
                break;
            }
            System.arraycopy(words, 0, timeline, at, words.length);
            at += words.length;
            speech += words.length;
            double pause = pauses.min + random.nextDouble() * (pauses.max - pauses.min);
            if (random.nextDouble() < pauses.longChance) {
                pause = pauses.longSeconds;
            }
            if (!holds.isEmpty() && at >= holds.get(0) * Espeak.SAMPLE_RATE) {
                holds.remove(0);
                pause = holdSeconds;
            }
            at += (int) (pause * Espeak.SAMPLE_RATE);
            line++;
        }
        addNoiseFloor(timeline, seed);
        Path source = directory.resolve(target.getFileName() + ".source-22k.wav");
        CorpusFiles.write(source, Wav.pcm16(timeline, Espeak.SAMPLE_RATE));
        CorpusFiles.produce(
                target,
                List.of(
                        FFMPEG,
                        "-nostdin",
                        "-v",
                        "error",
                        "-y",
                        "-i",
                        source.toString(),
                        "-ac",
                        "1",
                        "-ar",
                        "8000",
                        "-c:a",
                        "pcm_mulaw",
                        "-f",
                        "wav"));
        try {
            Files.delete(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return speech / (double) total;
    }

    private short[] speak(boolean agent, String text) {
        // The engine's test calls' two voices: a low male US agent, a high female British customer.
        return spoken.computeIfAbsent(
                (agent ? "A:" : "C:") + text, key -> trim(Espeak.speak(agent ? Voice.AGENT : Voice.CUSTOMER, text)));
    }

    /** Drops espeak-ng's leading and trailing silence. */
    private static short[] trim(short[] s) {
        int from = 0;
        int to = s.length;
        while (from < to && Math.abs(s[from]) < 64) {
            from++;
        }
        while (to > from && Math.abs(s[to - 1]) < 64) {
            to--;
        }
        return java.util.Arrays.copyOfRange(s, from, to);
    }

    /** Pink-ish noise (Paul Kellet's economy filter on white noise) at about -55 dBFS RMS: a phone line's floor. */
    private static void addNoiseFloor(short[] timeline, long seed) {
        Random random = new Random(seed * 31 + 1);
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        for (int i = 0; i < timeline.length; i++) {
            double white = random.nextGaussian();
            b0 = 0.99765 * b0 + white * 0.0990460;
            b1 = 0.96300 * b1 + white * 0.2965164;
            b2 = 0.57000 * b2 + white * 1.0526913;
            double pink = (b0 + b1 + b2 + white * 0.1848) * 0.25;
            int v = (int) Math.round(timeline[i] + pink * 58);
            timeline[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
    }

    // ---- metadata ----

    private void writeInfo(Audio audio, Path file, double designed) {
        AudioDecoder decoder = new FfmpegAudioDecoder();
        short[] pcm = decode(decoder, file);
        FrameEnergies energies = new FrameEnergies();
        energies.accept(pcm, 0, pcm.length);
        List<SpeechSpan> speech = EnergyVad.forCalls().detect(energies);
        List<SpeechSpan> chunks = Transcriber.plannedChunks(speech, energies);
        ObjectNode node = JSON.createObjectNode();
        node.put("id", audio.id);
        node.put("description", audio.description);
        node.put("audioSeconds", pcm.length / (double) RATE);
        if (!Double.isNaN(designed)) {
            node.put("designedSpeech", designed);
        } else {
            node.putNull("designedSpeech");
        }
        node.put("vadSpeech", speech.stream().mapToLong(SpeechSpan::length).sum() / (double) pcm.length);
        node.put("recognized", chunks.stream().mapToLong(SpeechSpan::length).sum() / (double) pcm.length);
        node.put("chunks", chunks.size());
        try {
            Path partial = infoFile(audio)
                    .resolveSibling(
                            audio.id + ".json.part-" + ProcessHandle.current().pid());
            JSON.writeValue(partial.toFile(), node);
            Files.move(partial, infoFile(audio), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 16 kHz to 8 kHz: a short low-pass ([1 3 3 1] / 8) then every second sample. */
    private static short[] halve(short[] s) {
        short[] out = new short[s.length / 2];
        for (int i = 0; i < out.length; i++) {
            int j = 2 * i;
            int a = s[Math.max(0, j - 1)];
            int b = s[j];
            int c = s[Math.min(s.length - 1, j + 1)];
            int d = s[Math.min(s.length - 1, j + 2)];
            out[i] = (short) ((a + 3 * b + 3 * c + d) / 8);
        }
        return out;
    }

    public static void main(String[] args) {
        AsrCorpus corpus = standard();
        for (Audio audio : Audio.values()) {
            long t0 = System.nanoTime();
            Path file = corpus.file(audio);
            Info info = corpus.info(audio);
            System.out.printf(
                    Locale.ROOT,
                    "%-9s %6.1f s audio, designed speech %s, VAD speech %.1f%%, recognized %.1f%% "
                            + "in %d chunks (non-speech skipped: %.1f%%)  %s  [%.1f s]%n",
                    audio.id,
                    info.audioSeconds(),
                    Double.isNaN(info.designedSpeech())
                            ? "n/a"
                            : String.format(Locale.ROOT, "%.1f%%", 100 * info.designedSpeech()),
                    100 * info.vadSpeech(),
                    100 * info.recognized(),
                    info.chunks(),
                    100 * (1 - info.recognized()),
                    file,
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}
