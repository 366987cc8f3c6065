package io.callintel.bench.probe;

import io.callintel.asr.Transcriber;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.asr.diarize.DiarizationOptions;
import io.callintel.asr.diarize.MonoDiarizer;
import io.callintel.asr.diarize.SpeakerTurn;
import io.callintel.asr.vad.EnergyVad;
import io.callintel.asr.vad.FrameEnergies;
import io.callintel.asr.vad.SpeechSpan;
import io.callintel.asr.vosk.RecognizedWord;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.asr.vosk.VoskModel;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.bench.support.AsrCorpus;
import io.callintel.bench.support.BenchModels;
import io.callintel.core.audio.AudioDecoder;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Where a transcription's time goes: the stages of {@link Transcriber}'s mono path timed one by one, on one
 * thread, on the benchmark recordings, next to the plain Vosk loop and the whole pipeline. Not JMH: each
 * stage runs {@code --repeat} times (default 2) and the last run is reported, the first being warm-up.
 *
 * <p>Stages, in the pipeline's order: decode pass 1 (FFmpeg to 16 kHz PCM), frame energies (VAD input),
 * diarization features ({@link MonoDiarizer#accept}: MFCC and pitch per 10 ms frame; pass 1 feeds both),
 * VAD and chunk planning, decode pass 2 (the pipeline decodes again to cut out the chunks), recognition of
 * the planned chunks (on the engine's {@link SpeechRecognizer}), diarization proper
 * ({@link MonoDiarizer#diarize}: change detection, clustering, resegmentation). For comparison: the plain
 * loop, the chunks on 2 threads and the whole pipeline with 1 and 2 workers. Only the engines' public API
 * is used (the chunk plan is {@code Transcriber.plannedChunks}); Vosk itself is not called directly.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar io.callintel.bench.StageProfile \
 *     [--audio dense,silent30] [--repeat 2]</pre>
 */
public final class StageProfile {

    private StageProfile() {}

    public static void main(String[] args) throws Exception {
        List<String> audios = List.of("dense", "silent30");
        int repeat = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--audio" -> audios = List.of(args[++i].split(","));
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: StageProfile [--audio dense,silent30,call10min] [--repeat N]");
                    System.exit(2);
                }
            }
        }
        AsrCorpus corpus = AsrCorpus.standard();
        AudioDecoder decoder = new FfmpegAudioDecoder();
        try (VoskModel model = VoskModel.load(BenchModels.voskModel())) {
            SpeechRecognizer recognizer = new SpeechRecognizer(model);
            for (String id : audios) {
                AsrCorpus.Audio audio = AsrCorpus.Audio.of(id);
                Path file = corpus.file(audio);
                AsrCorpus.Info info = corpus.info(audio);
                Map<String, double[]> stages = new LinkedHashMap<>();
                for (int r = 0; r < repeat; r++) {
                    stages.clear();
                    short[] pcm = time(stages, "decode pass 1", () -> AsrCorpus.decode(decoder, file));
                    FrameEnergies energies = time(stages, "frame energies", () -> {
                        FrameEnergies e = new FrameEnergies();
                        feed(pcm, e::accept);
                        return e;
                    });
                    MonoDiarizer diarizer = new MonoDiarizer(new DiarizationOptions(4, java.util.OptionalInt.empty()));
                    time(stages, "diarization features (MonoDiarizer.accept)", () -> {
                        feed(pcm, diarizer::accept);
                        return null;
                    });
                    List<SpeechSpan> speech = time(
                            stages,
                            "VAD + chunk planning",
                            () -> EnergyVad.forCalls().detect(energies));
                    List<SpeechSpan> chunks = Transcriber.plannedChunks(speech, energies);
                    time(stages, "decode pass 2", () -> AsrCorpus.decode(decoder, file));
                    List<RecognizedWord> chunked = time(stages, "recognition of the chunks (1 thread)", () -> {
                        List<RecognizedWord> words = new ArrayList<>();
                        for (SpeechSpan c : chunks) {
                            int from = (int) c.start();
                            int to = (int) Math.min(pcm.length, c.end());
                            short[] audioChunk = java.util.Arrays.copyOfRange(pcm, from, to);
                            words.addAll(recognizer.recognize(audioChunk, 0, audioChunk.length));
                        }
                        return words;
                    });
                    List<SpeakerTurn> turns =
                            time(stages, "diarization (MonoDiarizer.diarize)", () -> diarizer.diarize(speech));
                    List<RecognizedWord> plain = time(
                            stages,
                            "plain loop: recognition of all the PCM (1 thread)",
                            () -> recognizer.recognize(pcm, 0, pcm.length));
                    time(
                            stages,
                            "recognition of the chunks on 2 threads (wall)",
                            () -> parallel(recognizer, pcm, chunks, 2));
                    for (int workers = 1; workers <= 2; workers++) {
                        int w = workers;
                        try (Transcriber transcriber = new Transcriber(decoder, model, w)) {
                            time(stages, "whole pipeline, " + w + " worker" + (w > 1 ? "s" : "") + " (wall)", () -> {
                                try {
                                    return transcriber.transcribe(file, TranscriptionOptions.defaults());
                                } catch (InterruptedException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                        }
                    }
                    if (r == repeat - 1) {
                        print(info, chunks, stages, chunked.size(), plain.size(), turns.size());
                    }
                }
            }
        }
    }

    private interface Sink {
        void accept(short[] samples, int offset, int length);
    }

    /** Feeds the PCM in the pipeline's read size (16 000 samples). */
    private static void feed(short[] pcm, Sink sink) {
        for (int at = 0; at < pcm.length; at += 16_000) {
            sink.accept(pcm, at, Math.min(16_000, pcm.length - at));
        }
    }

    private static int parallel(SpeechRecognizer recognizer, short[] pcm, List<SpeechSpan> chunks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<RecognizedWord>>> futures = new ArrayList<>();
            for (SpeechSpan c : chunks) {
                short[] audioChunk =
                        java.util.Arrays.copyOfRange(pcm, (int) c.start(), (int) Math.min(pcm.length, c.end()));
                futures.add(pool.submit(() -> recognizer.recognize(audioChunk, 0, audioChunk.length)));
            }
            int words = 0;
            for (Future<List<RecognizedWord>> f : futures) {
                words += f.get().size();
            }
            return words;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    /** Runs the stage, recording {wall seconds, CPU seconds of this thread, CPU seconds of the process}. */
    private static <T> T time(Map<String, double[]> stages, String name, Supplier<T> stage) {
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long proc0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        T result = stage.get();
        stages.put(name, new double[] {
            (System.nanoTime() - t0) / 1e9,
            (threads.getCurrentThreadCpuTime() - cpu0) / 1e9,
            (os.getProcessCpuTime() - proc0) / 1e9
        });
        return result;
    }

    private static void print(
            AsrCorpus.Info info,
            List<SpeechSpan> chunks,
            Map<String, double[]> stages,
            int chunkWords,
            int plainWords,
            int turns) {
        double recognizedSeconds = chunks.stream().mapToLong(SpeechSpan::length).sum() / 16_000.0;
        System.out.printf(
                Locale.ROOT,
                "%n### %s: %.1f s of audio, %.1f s in %d chunks handed to recognition "
                        + "(words: %d chunked, %d plain; %d speaker turns)%n%n",
                info.id(),
                info.audioSeconds(),
                recognizedSeconds,
                chunks.size(),
                chunkWords,
                plainWords,
                turns);
        double plain = stages.get("plain loop: recognition of all the PCM (1 thread)")[0];
        double pipeline1 = stages.get("whole pipeline, 1 worker (wall)")[0];
        System.out.println(
                "| stage | wall s | thread CPU s | process CPU s | share of pipeline (1 worker) wall | audio s per wall s |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, double[]> e : stages.entrySet()) {
            double[] v = e.getValue();
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %.1f%% | %.1f |%n",
                    e.getKey(),
                    v[0],
                    v[1],
                    v[2],
                    100 * v[0] / pipeline1,
                    info.audioSeconds() / v[0]);
        }
        double serial = 0;
        for (String s : List.of(
                "decode pass 1",
                "frame energies",
                "diarization features (MonoDiarizer.accept)",
                "VAD + chunk planning",
                "recognition of the chunks (1 thread)",
                "diarization (MonoDiarizer.diarize)")) {
            serial += stages.get(s)[0];
        }
        System.out.printf(
                Locale.ROOT,
                "%nsum of the serial stages (pass 2 overlaps recognition): %.3f s; "
                        + "pipeline(1) / plain = %.3f; plain / pipeline(1) throughput ratio = %.3f%n",
                serial,
                pipeline1 / plain,
                plain / pipeline1);
    }
}
