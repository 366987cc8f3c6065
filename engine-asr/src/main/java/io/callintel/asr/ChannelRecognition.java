package io.callintel.asr;

import io.callintel.asr.vad.EnergyVad;
import io.callintel.asr.vad.FrameEnergies;
import io.callintel.asr.vad.NoiseEstimate;
import io.callintel.asr.vad.SileroVad;
import io.callintel.asr.vad.SpeechSpan;
import io.callintel.asr.vosk.RecognizedWord;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.NoiseReductionMode;
import io.callintel.core.audio.PcmStream;
import io.callintel.core.audio.SpeechDetector;
import io.callintel.core.transcript.ChannelAudio;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Recognizes one channel selection (one channel, or the mix) of a recording in two streaming
 * passes, so that memory stays bounded however long the call: the first pass only measures
 * loudness to find the speech (decoding and frame energies run at thousands of times real time)
 * and the noise floor, which decides whether noise reduction runs (if it does, the first pass is
 * made again through it, so that speech is found in the denoised audio);
 * the second decodes again, cuts out the planned stretches of speech for the worker pool, and
 * feeds every sample to a listener (the diarizer's feature extraction) on the way. The listener
 * works while the workers recognize, not before they start: its cost stays off the critical path.
 */
final class ChannelRecognition {

    /**
     * What one channel yielded: its length, where the speech is, its words with recording-relative times, and
     * what was heard of its noise.
     */
    record Result(long samples, List<SpeechSpan> speech, List<RecognizedWord> words, ChannelAudio audio) {}

    /** Receives the whole recording's PCM, in order, as the second pass streams it by. */
    interface PcmListener {
        /** For a caller with nothing to hear: the audio after the last stretch of speech is then not decoded. */
        PcmListener NONE = (samples, offset, length) -> {};

        void accept(short[] samples, int offset, int length);
    }

    private static final int READ = 16_000;

    private final AudioDecoder decoder;
    private final SpeechRecognizer recognizer;
    private final ExecutorService workers;
    private final Semaphore inFlight;
    private final EnergyVad vad;
    private final SileroVad neuralVad;
    private final VoiceDetection detection;
    private final ChunkPlanner planner;
    private final NumberPass numbers;

    ChannelRecognition(
            AudioDecoder decoder,
            SpeechRecognizer recognizer,
            ExecutorService workers,
            Semaphore inFlight,
            EnergyVad vad,
            SileroVad neuralVad,
            VoiceDetection detection,
            ChunkPlanner planner) {
        this.decoder = decoder;
        this.recognizer = recognizer;
        this.workers = workers;
        this.inFlight = inFlight;
        this.vad = vad;
        this.neuralVad = neuralVad;
        this.detection = detection;
        this.planner = planner;
        this.numbers = new NumberPass(recognizer);
    }

    /**
     * @param listener   receives every sample of the channel selection, in order
     * @param onAllAudio called with the speech spans once the listener has had the last sample,
     *                   while the last stretches are still being recognized
     */
    Result run(
            Path file,
            int channel,
            NoiseReductionMode noiseReduction,
            PcmListener listener,
            Consumer<List<SpeechSpan>> onAllAudio)
            throws InterruptedException {
        DecodeOptions options =
                channel == DecodeOptions.MIX ? DecodeOptions.defaults() : DecodeOptions.channel(channel);
        FrameEnergies energies = new FrameEnergies();
        firstPass(file, options, energies::accept);
        NoiseEstimate noise = NoiseEstimate.of(energies);
        boolean reduce = switch (noiseReduction) {
            case AUTO -> noise.noisy();
            case ON -> true;
            case OFF -> false;
        };
        boolean neural = switch (detection) {
            case ENERGY -> false;
            case NEURAL -> true;
            case NEURAL_WHEN_NOISY -> noise.noisy();
        };
        List<SpeechSpan> speech;
        if (reduce || neural) {
            // Measured again on what the recognizer will hear.
            options = reduce ? options.withNoiseReduction(noise.reduction()) : options;
            FrameEnergies heard = new FrameEnergies();
            SileroVad.Listener model = neural ? neuralVad.listener() : null;
            firstPass(file, options, (pcm, offset, length) -> {
                heard.accept(pcm, offset, length);
                if (model != null) {
                    model.accept(pcm, offset, length);
                }
            });
            energies = heard;
            speech = neural ? model.probabilities().spans(energies) : vad.detect(energies);
        } else {
            speech = vad.detect(energies);
        }
        ChannelAudio audio = new ChannelAudio(
                channel,
                round(noise.floorDbfs()),
                round(noise.snrDb()),
                reduce,
                neural ? SpeechDetector.NEURAL : SpeechDetector.ENERGY);
        List<Future<List<RecognizedWord>>> pending = new ArrayList<>();
        try {
            try (PcmStream pcm = decoder.open(file, options)) {
                submitChunks(pcm, planner.plan(speech, energies), listener, pending);
                if (listener != PcmListener.NONE) {
                    drain(pcm, listener);
                }
            }
            onAllAudio.accept(speech);
            return new Result(energies.samples(), speech, collect(pending), audio);
        } finally {
            pending.forEach(future -> future.cancel(true));
        }
    }

    /** Decodes the whole channel selection for the measurements made before recognition. */
    private void firstPass(Path file, DecodeOptions options, PcmListener listener) {
        try (PcmStream pcm = decoder.open(file, options)) {
            short[] buffer = new short[READ];
            int n;
            while ((n = pcm.read(buffer, 0, buffer.length)) >= 0) {
                listener.accept(buffer, 0, n);
            }
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Reads the planned stretches out of the stream and queues them for the workers; the listener hears everything read. */
    private void submitChunks(
            PcmStream pcm, List<SpeechSpan> chunks, PcmListener listener, List<Future<List<RecognizedWord>>> pending)
            throws InterruptedException {
        short[] scratch = new short[READ];
        long position = 0;
        for (SpeechSpan chunk : chunks) {
            position += skip(pcm, scratch, chunk.start() - position, listener);
            short[] audio = new short[(int) chunk.length()];
            int filled = pcm.readFully(audio, 0, audio.length);
            position += filled;
            if (filled == 0) {
                return;
            }
            listener.accept(audio, 0, filled);
            pending.add(submit(audio, filled, chunk.startSeconds()));
        }
    }

    private Future<List<RecognizedWord>> submit(short[] audio, int length, double startSeconds)
            throws InterruptedException {
        inFlight.acquire(); // bounds the PCM waiting for a worker: memory stays flat on long calls
        // done() runs however the task ends, also when it is cancelled before it starts (a failed call
        // abandons its queued stretches): a slot released only by the task's own code would leak then.
        FutureTask<List<RecognizedWord>> task =
                new FutureTask<>(() -> {
                    List<RecognizedWord> words =
                            new ArrayList<>(numbers.apply(audio, length, recognizer.recognize(audio, 0, length)));
                    words.replaceAll(word -> word.shiftedBy(startSeconds));
                    return words;
                }) {
                    @Override
                    protected void done() {
                        inFlight.release();
                    }
                };
        try {
            workers.execute(task);
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
        return task;
    }

    private static List<RecognizedWord> collect(List<Future<List<RecognizedWord>>> pending)
            throws InterruptedException {
        List<RecognizedWord> words = new ArrayList<>();
        for (Future<List<RecognizedWord>> future : pending) {
            try {
                words.addAll(future.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException("speech recognition failed: " + e.getCause(), e.getCause());
            }
        }
        return words;
    }

    /** Reads (and lets the listener hear) up to {@code count} samples that are not recognized. */
    private static long skip(PcmStream pcm, short[] scratch, long count, PcmListener listener) {
        long skipped = 0;
        while (skipped < count) {
            int n = pcm.read(scratch, 0, (int) Math.min(scratch.length, count - skipped));
            if (n < 0) {
                break;
            }
            listener.accept(scratch, 0, n);
            skipped += n;
        }
        return skipped;
    }

    /** Lets the listener hear the rest of the stream, after the last stretch of speech. */
    private static void drain(PcmStream pcm, PcmListener listener) {
        short[] scratch = new short[READ];
        int n;
        while ((n = pcm.read(scratch, 0, scratch.length)) >= 0) {
            listener.accept(scratch, 0, n);
        }
    }
}
