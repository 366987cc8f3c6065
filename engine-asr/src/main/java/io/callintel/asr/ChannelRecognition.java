package io.callintel.asr;

import io.callintel.asr.vad.EnergyVad;
import io.callintel.asr.vad.FrameEnergies;
import io.callintel.asr.vad.SpeechSpan;
import io.callintel.asr.vosk.RecognizedWord;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.PcmStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Recognizes one channel selection (one channel, or the mix) of a recording in two streaming
 * passes, so that memory stays bounded however long the call: the first pass measures loudness
 * (and feeds any other listener, such as the diarizer) to find the speech; the second decodes
 * again, cuts out the planned stretches of speech and hands them to the worker pool. Decoding
 * runs at hundreds of times real time, so the second pass costs far less than keeping the PCM.
 */
final class ChannelRecognition {

    /** What one channel yielded: its length, where the speech is, and its words with recording-relative times. */
    record Result(long samples, List<SpeechSpan> speech, List<RecognizedWord> words) {
    }

    /** Receives the first pass's PCM as it streams by. */
    interface PcmListener {
        void accept(short[] samples, int offset, int length);
    }

    private static final int READ = 16_000;

    private final AudioDecoder decoder;
    private final SpeechRecognizer recognizer;
    private final ExecutorService workers;
    private final Semaphore inFlight;
    private final EnergyVad vad;
    private final ChunkPlanner planner;

    ChannelRecognition(AudioDecoder decoder, SpeechRecognizer recognizer, ExecutorService workers, Semaphore inFlight,
                       EnergyVad vad, ChunkPlanner planner) {
        this.decoder = decoder;
        this.recognizer = recognizer;
        this.workers = workers;
        this.inFlight = inFlight;
        this.vad = vad;
        this.planner = planner;
    }

    /**
     * @param listener receives the first pass's PCM
     * @param onSpeech receives the speech spans as soon as they are known, before recognition starts
     */
    Result run(Path file, int channel, PcmListener listener, Consumer<List<SpeechSpan>> onSpeech)
            throws InterruptedException {
        DecodeOptions options = channel == DecodeOptions.MIX ? DecodeOptions.defaults() : DecodeOptions.channel(channel);
        FrameEnergies energies = new FrameEnergies();
        try (PcmStream pcm = decoder.open(file, options)) {
            short[] buffer = new short[READ];
            int n;
            while ((n = pcm.read(buffer, 0, buffer.length)) >= 0) {
                energies.accept(buffer, 0, n);
                listener.accept(buffer, 0, n);
            }
        }
        List<SpeechSpan> speech = vad.detect(energies);
        onSpeech.accept(speech);
        List<RecognizedWord> words = recognize(file, options, planner.plan(speech, energies));
        return new Result(energies.samples(), speech, words);
    }

    private List<RecognizedWord> recognize(Path file, DecodeOptions options, List<SpeechSpan> chunks)
            throws InterruptedException {
        List<Future<List<RecognizedWord>>> pending = new ArrayList<>();
        try (PcmStream pcm = decoder.open(file, options)) {
            short[] scratch = new short[READ];
            long position = 0;
            for (SpeechSpan chunk : chunks) {
                position += skip(pcm, scratch, chunk.start() - position);
                short[] audio = new short[(int) chunk.length()];
                int filled = pcm.readFully(audio, 0, audio.length);
                position += filled;
                if (filled == 0) {
                    break;
                }
                pending.add(submit(audio, filled, chunk.startSeconds()));
            }
            return collect(pending);
        } finally {
            pending.forEach(future -> future.cancel(true));
        }
    }

    private Future<List<RecognizedWord>> submit(short[] audio, int length, double startSeconds) throws InterruptedException {
        inFlight.acquire(); // bounds the PCM waiting for a worker: memory stays flat on long calls
        try {
            return workers.submit(() -> {
                try {
                    List<RecognizedWord> words = recognizer.recognize(audio, 0, length);
                    words.replaceAll(word -> word.shiftedBy(startSeconds));
                    return words;
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    private static List<RecognizedWord> collect(List<Future<List<RecognizedWord>>> pending) throws InterruptedException {
        List<RecognizedWord> words = new ArrayList<>();
        for (Future<List<RecognizedWord>> future : pending) {
            try {
                words.addAll(future.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("speech recognition failed: " + e.getCause(), e.getCause());
            }
        }
        return words;
    }

    private static long skip(PcmStream pcm, short[] scratch, long count) {
        long skipped = 0;
        while (skipped < count) {
            int n = pcm.read(scratch, 0, (int) Math.min(scratch.length, count - skipped));
            if (n < 0) {
                break;
            }
            skipped += n;
        }
        return skipped;
    }
}
