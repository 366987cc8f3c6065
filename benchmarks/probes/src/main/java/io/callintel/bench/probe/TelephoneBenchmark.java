package io.callintel.bench.probe;

import io.callintel.asr.ChannelMode;
import io.callintel.asr.Transcriber;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.asr.VoiceDetection;
import io.callintel.asr.vad.NoiseEstimate;
import io.callintel.asr.vad.SileroVad;
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
import io.callintel.core.transcript.Turn;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogue;
import io.callintel.testing.Dialogues;
import io.callintel.testing.DiarizationErrorRate;
import io.callintel.testing.LabelledCalls;
import io.callintel.testing.LibriVox;
import io.callintel.testing.Pcm;
import io.callintel.testing.PhoneChannel;
import io.callintel.testing.SynthesizedCall;
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
 * the default pipeline's wall time, both on the same files in the same run; the neural voice activity detector's
 * own time is measured last, beside the pipeline's on one noisy call. Then the words recognised in a
 * minute of noise alone, and the diarization error rate of mono and stereo calls through noisy lines. The files
 * are rebuilt in {@code --dir} on every run: the conditions are deterministic, and so are the figures, so runs
 * with different {@code --vad} detectors compare (accuracy only: time is compared within one run).
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp benchmarks/probes/target/probes.jar \
 *     io.callintel.bench.probe.TelephoneBenchmark [--every 12] [--conditions white-20db,brown-20db] [--dir DIR] \
 *     [--vad energy|neural|neural_when_noisy] [--skip wer,gsm,hallucinations,diarization,cost]</pre>
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
        VoiceDetection detection = VoiceDetection.NEURAL_WHEN_NOISY;
        List<String> skip = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--every" -> every = Integer.parseInt(args[++i]);
                case "--conditions" -> names = Arrays.asList(args[++i].split(","));
                case "--dir" -> dir = Files.createDirectories(Path.of(args[++i]));
                case "--vad" -> detection = VoiceDetection.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--skip" -> skip = Arrays.asList(args[++i].split(","));
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
                Transcriber transcriber =
                        new Transcriber(decoder, model, 2, SpeechRecognizer.DEFAULT_REPLACE_AFTER_SECONDS, detection)) {
            System.out.println("voice activity detection: " + detection.name().toLowerCase(Locale.ROOT));
            if (!skip.contains("wer")) {
                wer(transcriber, model, decoder, dir, names, items, babble);
            }
            if (!skip.contains("gsm")) {
                gsm(transcriber, model, dir);
            }
            if (!skip.contains("hallucinations")) {
                hallucinations(transcriber, dir, items, babble);
            }
            if (!skip.contains("diarization")) {
                diarization(transcriber, dir, babble);
            }
            if (!skip.contains("cost")) {
                detectorCost(decoder, transcriber, dir, items, babble);
            }
        }
    }

    /**
     * What the neural detector costs: its time over a noisy call's channel, beside the time of transcribing that
     * call, median of five, in one run (the same files, one after the other).
     */
    private static void detectorCost(
            AudioDecoder decoder, Transcriber transcriber, Path dir, List<Item> items, short[] babble)
            throws Exception {
        Item call = items.stream().filter(item -> !item.real()).findFirst().orElseThrow();
        Path file = dir.resolve("cost.wav");
        Files.write(file, PhoneChannel.mono(PhoneChannel.named("white-20db"), call.speech(), babble, 1));
        short[] pcm = Pcm.decode(file, DecodeOptions.defaults());
        double[] model = new double[5];
        double[] pipeline = new double[5];
        try (SileroVad vad = SileroVad.load()) {
            for (int run = 0; run < 5; run++) {
                long start = System.nanoTime();
                SileroVad.Listener listener = vad.listener();
                listener.accept(pcm, 0, pcm.length);
                listener.probabilities();
                model[run] = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                transcriber.transcribe(file, options(NoiseReductionMode.AUTO));
                pipeline[run] = (System.nanoTime() - start) / 1e9;
            }
        }
        Arrays.sort(model);
        Arrays.sort(pipeline);
        double seconds = pcm.length / 16_000.0;
        System.out.printf(
                Locale.ROOT,
                "%nneural detector over %.1f s of a noisy call: %.3f s (%.0fx real time, one thread); transcribing"
                        + " the call: %.2f s; the detector's share %.1f%% (medians of 5)%n",
                seconds,
                model[2],
                seconds / model[2],
                pipeline[2],
                100 * model[2] / pipeline[2]);
        Files.delete(file);
    }

    private static void wer(
            Transcriber transcriber,
            VoskModel model,
            AudioDecoder decoder,
            Path dir,
            List<String> names,
            List<Item> items,
            short[] babble)
            throws Exception {
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
                wer[0].add(item.reference(), plainLoop(model, file));
                wer[1].add(
                        item.reference(),
                        transcriber
                                .transcribe(file, options(NoiseReductionMode.OFF))
                                .text());
                long start = System.nanoTime();
                Transcript auto = transcriber.transcribe(file, options(NoiseReductionMode.AUTO));
                pipelineNanos += System.nanoTime() - start;
                wer[2].add(item.reference(), auto.text());
                if (auto.audio().get(0).noiseReduced()) {
                    reduced++;
                    frontEndNanos += frontEnd(decoder, file, auto.audio().get(0).noiseFloorDbfs());
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

    /**
     * Diarization error rate (no collar) of the five synthesized dialogues of the diarization tests through noisy
     * phone channels, mono (both parties on one channel) and stereo (a party per channel, different noise on
     * each), with and without noise reduction.
     */
    private static void diarization(Transcriber transcriber, Path dir, short[] babble) throws Exception {
        System.out.println();
        System.out.println("| condition | mono DER, no noise reduction | mono DER (default) | stereo DER, no noise"
                + " reduction | stereo DER (default) |");
        System.out.println("|---|---|---|---|---|");
        for (String name : List.of("g711-mulaw", "white-20db", "brown-20db", "babble-20db")) {
            PhoneChannel.Condition condition = PhoneChannel.named(name);
            double[] error = new double[4];
            double speech = 0;
            int seed = 0;
            for (Dialogue dialogue : Dialogues.all()) {
                SynthesizedCall mono = Dialogues.generate(dialogue, CallFormat.MONO_16K, dir);
                SynthesizedCall stereo = Dialogues.generate(dialogue, CallFormat.STEREO_16K, dir);
                Path monoFile = dir.resolve(dialogue.name() + "-" + name + "-mono.wav");
                Path stereoFile = dir.resolve(dialogue.name() + "-" + name + "-stereo.wav");
                Files.write(
                        monoFile,
                        PhoneChannel.mono(
                                condition, Wav.readMono16(Files.readAllBytes(mono.file()), 16_000), babble, seed));
                Files.write(
                        stereoFile,
                        PhoneChannel.stereo(
                                condition,
                                Pcm.decode(stereo.file(), DecodeOptions.channel(0)),
                                Pcm.decode(stereo.file(), DecodeOptions.channel(1)),
                                babble,
                                seed));
                seed += 2;
                List<DiarizationErrorRate.Segment> reference = DiarizationErrorRate.segments(mono.turns());
                Path[] files = {monoFile, monoFile, stereoFile, stereoFile};
                for (int i = 0; i < 4; i++) {
                    NoiseReductionMode mode = i % 2 == 0 ? NoiseReductionMode.OFF : NoiseReductionMode.AUTO;
                    DiarizationErrorRate.Result result = DiarizationErrorRate.score(
                            reference,
                            turns(transcriber.transcribe(
                                    files[i],
                                    options(mode).withChannels(i < 2 ? ChannelMode.MONO : ChannelMode.STEREO))));
                    error[i] += result.rate() * result.referenceSpeech();
                    if (i == 0) {
                        speech += result.referenceSpeech();
                    }
                }
                Files.delete(monoFile);
                Files.delete(stereoFile);
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n",
                    name,
                    100 * error[0] / speech,
                    100 * error[1] / speech,
                    100 * error[2] / speech,
                    100 * error[3] / speech);
        }
    }

    private static List<DiarizationErrorRate.Segment> turns(Transcript transcript) {
        List<DiarizationErrorRate.Segment> segments = new ArrayList<>();
        for (Turn turn : transcript.turns()) {
            int speaker =
                    Integer.parseInt(turn.speaker().substring(turn.speaker().lastIndexOf('_') + 1)) - 1;
            segments.add(new DiarizationErrorRate.Segment(turn.start(), turn.end(), speaker));
        }
        return segments;
    }

    /** The GSM 06.10 condition: the LibriVox clips only, as committed (no GSM encoder runs in process). */
    private static void gsm(Transcriber transcriber, VoskModel model, Path dir) throws Exception {
        WordErrorRate[] wer = {new WordErrorRate(), new WordErrorRate(), new WordErrorRate()};
        for (LibriVox.Clip clip : LibriVox.gsm(dir)) {
            wer[0].add(clip.reference(), plainLoop(model, clip.wav()));
            wer[1].add(
                    clip.reference(),
                    transcriber
                            .transcribe(clip.wav(), options(NoiseReductionMode.OFF))
                            .text());
            wer[2].add(
                    clip.reference(),
                    transcriber
                            .transcribe(clip.wav(), options(NoiseReductionMode.AUTO))
                            .text());
        }
        System.out.printf(
                Locale.ROOT,
                "| gsm-06.10 (real speech only) | %s | %s | %s | | | | | |%n",
                percent(wer[0]),
                percent(wer[1]),
                percent(wer[2]));
    }

    /**
     * Words recognised in noise alone: a minute of each kind of noise, at the level it has under the LibriVox
     * speech at 20 dB, through the phone channel, with and without noise reduction. Any word is a hallucination.
     */
    private static void hallucinations(Transcriber transcriber, Path dir, List<Item> items, short[] babble)
            throws Exception {
        short[] speech = items.get(0).speech();
        System.out.println();
        System.out.println("| noise alone, 1 min, at the 20 dB level | words without noise reduction | words with |");
        System.out.println("|---|---|---|");
        for (PhoneChannel.Noise kind :
                List.of(PhoneChannel.Noise.WHITE, PhoneChannel.Noise.BROWN, PhoneChannel.Noise.BABBLE)) {
            PhoneChannel.Condition condition =
                    new PhoneChannel.Condition("noise-only", false, true, kind, 20, PhoneChannel.Damage.NONE);
            Path file = dir.resolve("noise-only-" + kind + ".wav");
            Files.write(file, PhoneChannel.noiseOnly(condition, speech, 60, babble, 99));
            int without = transcriber
                    .transcribe(file, options(NoiseReductionMode.OFF))
                    .words()
                    .size();
            int with = transcriber
                    .transcribe(file, options(NoiseReductionMode.AUTO))
                    .words()
                    .size();
            System.out.printf(Locale.ROOT, "| %s | %d | %d |%n", kind.name().toLowerCase(Locale.ROOT), without, with);
            Files.delete(file);
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
    private static String plainLoop(VoskModel model, Path file) {
        short[] pcm = Pcm.decode(file, DecodeOptions.defaults());
        try (SpeechRecognizer recognizer = new SpeechRecognizer(model)) {
            return recognizer.recognize(pcm, 0, pcm.length).stream()
                    .map(RecognizedWord::word)
                    .collect(Collectors.joining(" "));
        }
    }

    private static String percent(WordErrorRate wer) {
        return String.format(Locale.ROOT, "%.1f%%", wer.percent());
    }
}
