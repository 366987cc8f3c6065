package io.callintel.bench.probe;

import io.callintel.asr.Transcriber;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.asr.vad.NoiseEstimate;
import io.callintel.asr.vosk.RecognizedWord;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.asr.vosk.VoskModel;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.bench.support.BenchModels;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.NoiseReductionMode;
import io.callintel.core.audio.PcmStream;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Word;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogues;
import io.callintel.testing.LabelledCalls;
import io.callintel.testing.LibriVox;
import io.callintel.testing.PhoneChannel;
import io.callintel.testing.Wav;
import io.callintel.testing.WordErrorRate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Word error rate through telephone conditions ({@link PhoneChannel}): the five LibriVox clips (real read speech)
 * and every {@code --every}th labelled call (synthesized two-party calls, three synthesizers), each condition
 * measured three ways in one run on the same files: a plain Vosk loop over the decoded PCM, the pipeline with
 * noise reduction off, and the pipeline as it runs by default (noise reduction where a channel is noisy). Prints
 * a Markdown table (the README's), with the front end's cost: the time of the denoised decoding passes (the
 * extra pass that finds speech in the denoised audio, and the denoising of the pass that feeds recognition) over
 * the default pipeline's wall time, both on the same files in the same run. The files are rebuilt in
 * {@code --dir} on every run: the conditions are deterministic.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp benchmarks/probes/target/probes.jar \
 *     io.callintel.bench.probe.TelephoneBenchmark [--every 12] [--conditions white-20db,brown-20db] [--dir DIR]</pre>
 */
public final class TelephoneBenchmark {

    private record Item(String id, String reference, short[] speech, boolean real) {}

    private TelephoneBenchmark() {}

    public static void main(String[] args) throws Exception {
        int every = 12;
        List<String> names = PhoneChannel.CONDITIONS.stream()
                .map(PhoneChannel.Condition::name)
                .toList();
        Path dir = Files.createTempDirectory("callintel-telephone");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--every" -> every = Integer.parseInt(args[++i]);
                case "--conditions" -> names = Arrays.asList(args[++i].split(","));
                case "--dir" -> dir = Files.createDirectories(Path.of(args[++i]));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<Item> items = items(dir, every);
        short[] babble = PhoneChannel.babble(
                items.stream()
                        .filter(item -> !item.real())
                        .limit(6)
                        .map(Item::speech)
                        .toList(),
                16_000 * 120);
        AudioDecoder decoder = new FfmpegAudioDecoder();
        try (VoskModel model = VoskModel.load(BenchModels.voskModel());
                Transcriber transcriber = new Transcriber(decoder, model, 2)) {
            System.out.println("| condition | real speech: plain Vosk | pipeline, no noise reduction | pipeline"
                    + " (default) | synthesized calls: plain Vosk | no noise reduction | pipeline (default) | noise"
                    + " reduction ran | front end's share of the time |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (String name : names) {
                PhoneChannel.Condition condition = PhoneChannel.named(name);
                WordErrorRate[] real = {new WordErrorRate(), new WordErrorRate(), new WordErrorRate()};
                WordErrorRate[] synthesized = {new WordErrorRate(), new WordErrorRate(), new WordErrorRate()};
                int reduced = 0;
                int seed = 0;
                long pipelineNanos = 0;
                long frontEndNanos = 0;
                for (Item item : items) {
                    Path file = dir.resolve(item.id() + "-" + name + ".wav");
                    Files.write(file, PhoneChannel.mono(condition, item.speech(), babble, seed++));
                    WordErrorRate[] wer = item.real() ? real : synthesized;
                    wer[0].add(item.reference(), plainLoop(decoder, model, file));
                    wer[1].add(item.reference(), text(transcriber.transcribe(file, options(NoiseReductionMode.OFF))));
                    long start = System.nanoTime();
                    Transcript auto = transcriber.transcribe(file, options(NoiseReductionMode.AUTO));
                    pipelineNanos += System.nanoTime() - start;
                    wer[2].add(item.reference(), text(auto));
                    if (auto.audio().get(0).noiseReduced()) {
                        reduced++;
                        frontEndNanos +=
                                frontEnd(decoder, file, auto.audio().get(0).noiseFloorDbfs());
                    }
                    Files.delete(file);
                }
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s | %s | %d of %d | %.1f%% |%n",
                        name,
                        percent(real[0]),
                        percent(real[1]),
                        percent(real[2]),
                        percent(synthesized[0]),
                        percent(synthesized[1]),
                        percent(synthesized[2]),
                        reduced,
                        items.size(),
                        100.0 * frontEndNanos / pipelineNanos);
            }
        }
    }

    private static TranscriptionOptions options(NoiseReductionMode mode) {
        return TranscriptionOptions.defaults().withNoiseReduction(mode);
    }

    private static List<Item> items(Path dir, int every) throws Exception {
        List<Item> items = new ArrayList<>();
        for (LibriVox.Clip clip : LibriVox.clips(dir)) {
            items.add(new Item(
                    clip.id(), clip.reference(), Wav.readMono16(Files.readAllBytes(clip.wav()), 16_000), true));
        }
        List<LabelledCalls.Call> calls = LabelledCalls.all();
        for (int i = 0; i < calls.size(); i += every) {
            LabelledCalls.Call call = calls.get(i);
            Path file = Dialogues.generate(call.dialogue(), CallFormat.MONO_16K, dir)
                    .file();
            String reference = call.referenceTranscript().segments().stream()
                    .map(Segment::text)
                    .collect(Collectors.joining(" "));
            items.add(new Item(
                    call.dialogue().name(), reference, Wav.readMono16(Files.readAllBytes(file), 16_000), false));
        }
        return items;
    }

    /**
     * What noise reduction adds to transcribing one file: a decoding pass through the denoiser (to find the speech
     * in the denoised audio), and the denoiser's share of the pass that feeds the recognizers (a denoised pass
     * less a plain one).
     */
    private static long frontEnd(AudioDecoder decoder, Path file, double floorDbfs) {
        DecodeOptions denoised =
                DecodeOptions.defaults().withNoiseReduction(new NoiseEstimate(floorDbfs, 0).reduction());
        long plain = timeDecode(decoder, file, DecodeOptions.defaults());
        long reduced = timeDecode(decoder, file, denoised);
        return reduced + Math.max(0, reduced - plain);
    }

    private static long timeDecode(AudioDecoder decoder, Path file, DecodeOptions options) {
        long start = System.nanoTime();
        try (PcmStream stream = decoder.open(file, options)) {
            short[] chunk = new short[16_000];
            while (stream.read(chunk, 0, chunk.length) >= 0) {
                // read through
            }
        }
        return System.nanoTime() - start;
    }

    /** One fresh recognizer over the whole decoded file: what the engine is measured against. */
    private static String plainLoop(AudioDecoder decoder, VoskModel model, Path file) {
        short[] pcm = new short[0];
        int size = 0;
        try (PcmStream stream = decoder.open(file, DecodeOptions.defaults())) {
            short[] chunk = new short[16_000];
            int n;
            while ((n = stream.read(chunk, 0, chunk.length)) >= 0) {
                if (size + n > pcm.length) {
                    pcm = Arrays.copyOf(pcm, Math.max(size + n, pcm.length * 2));
                }
                System.arraycopy(chunk, 0, pcm, size, n);
                size += n;
            }
        }
        try (SpeechRecognizer recognizer = new SpeechRecognizer(model)) {
            return recognizer.recognize(pcm, 0, size).stream()
                    .map(RecognizedWord::word)
                    .collect(Collectors.joining(" "));
        }
    }

    private static String text(Transcript transcript) {
        return transcript.words().stream().map(Word::word).collect(Collectors.joining(" "));
    }

    private static String percent(WordErrorRate wer) {
        return String.format(Locale.ROOT, "%.1f%%", wer.percent());
    }
}
