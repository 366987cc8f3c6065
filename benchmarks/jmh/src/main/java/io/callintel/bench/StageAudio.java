package io.callintel.bench;

import io.callintel.asr.vad.EnergyVad;
import io.callintel.asr.vad.FrameEnergies;
import io.callintel.asr.vad.SpeechSpan;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.bench.support.AsrCorpus;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The 2-minute two-voice call ({@link AsrCorpus.Audio#SILENT30}) decoded to 16 kHz PCM, for the per-stage
 * benchmarks ({@link VadBenchmark}, {@link DiarizationBenchmark}), with what the pipeline's first pass
 * computes from it: the frame energies and the VAD's speech spans.
 *
 * <p>Those benchmarks count one JMH operation per second of audio ({@code @OperationsPerInvocation(SECONDS)}),
 * so that their throughput score reads directly as audio seconds per wall second (x real time); {@link #load()}
 * refuses a recording of any other length rather than report a wrong figure.
 */
final class StageAudio {

    /** Length of the recording, in seconds of audio: the JMH operations per invocation. */
    static final int SECONDS = 120;

    /** What the pipeline's first pass reads at a time ({@code ChannelRecognition.READ}): one second. */
    static final int READ = 16_000;

    final Path file;
    final short[] pcm;
    final FrameEnergies energies;
    final List<SpeechSpan> speech;

    private StageAudio(Path file, short[] pcm) {
        this.file = file;
        this.pcm = pcm;
        this.energies = energies(pcm);
        this.speech = EnergyVad.forCalls().detect(energies);
    }

    /** Generates the call if needed, decodes it with the engine's decoder and prints a {@code [corpus]} line. */
    static StageAudio load() {
        Path file = AsrCorpus.standard().file(AsrCorpus.Audio.SILENT30);
        short[] pcm = AsrCorpus.decode(new FfmpegAudioDecoder(), file);
        double seconds = pcm.length / (double) SpeechSpan.SAMPLE_RATE;
        if (Math.abs(seconds - SECONDS) > 0.05) {
            throw new IllegalStateException(
                    file + " holds " + seconds + " s of audio, not " + SECONDS
                            + " s: the scores (audio seconds per second) would be wrong; delete the corpus directory to regenerate it");
        }
        StageAudio audio = new StageAudio(file, pcm);
        System.out.printf(
                Locale.ROOT,
                "%n[corpus] %s: %.1f s of audio, %d VAD speech spans, %.1f%% speech; %d cores%n",
                file,
                seconds,
                audio.speech.size(),
                100.0 * audio.speechSamples() / pcm.length,
                Runtime.getRuntime().availableProcessors());
        return audio;
    }

    long speechSamples() {
        return speech.stream().mapToLong(SpeechSpan::length).sum();
    }

    /** The frame energies, fed as the first pass feeds them: one second at a time. */
    static FrameEnergies energies(short[] pcm) {
        FrameEnergies energies = new FrameEnergies();
        for (int at = 0; at < pcm.length; at += READ) {
            energies.accept(pcm, at, Math.min(READ, pcm.length - at));
        }
        return energies;
    }
}
