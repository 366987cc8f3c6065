package io.callintel.asr.vosk;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Recognizes stretches of 16 kHz audio with one native recognizer per thread, reused (reset) from
 * one stretch to the next and closed together by {@link #close()}. Thread-safe.
 *
 * <p>Why reuse: a fresh Vosk recognizer decodes its first half minute of audio about twice as slowly
 * as a warm one (measured: 30-second stretches of a 2-minute recording took 13.4 s with a recognizer
 * each and 7.9 s with one reused). The price: {@code reset()} keeps the recognizer's speaker
 * adaptation (i-vector and cepstral statistics) for the next audio, so a word's confidence, and
 * rarely the word, can depend on what the same thread recognized before. Only acoustic statistics
 * carry over, never words.
 *
 * <p>A recognizer is replaced after {@link #RECYCLE_AFTER_SECONDS} of audio: it grows with use
 * (resident memory rose 18 MB per 100 short files on two recognizers never replaced), so a fresh one
 * every five minutes of audio keeps memory bounded, at the cost of one cold start (about a second)
 * per five minutes of audio. Run with {@code MALLOC_ARENA_MAX=2} (the launcher sets it) so that the
 * memory a replaced recognizer frees is reused, and the freed pages are handed back to the system
 * ({@link NativeHeap#trim()}).
 */
public final class SpeechRecognizer implements AutoCloseable {

    static final double RECYCLE_AFTER_SECONDS = 300;

    private final VoskModel model;
    private final Queue<VoskRecognizer> all = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<VoskRecognizer> own = new ThreadLocal<>();
    private volatile boolean closed;

    public SpeechRecognizer(VoskModel model) {
        this.model = model;
    }

    /** Words of {@code length} samples of audio, with times in seconds from its first sample. */
    public List<RecognizedWord> recognize(short[] samples, int offset, int length) {
        if (closed) {
            throw new IllegalStateException("the speech recognizer is closed");
        }
        VoskRecognizer recognizer = own.get();
        if (recognizer != null && recognizer.secondsDecoded() >= RECYCLE_AFTER_SECONDS) {
            all.remove(recognizer);
            recognizer.close();
            NativeHeap.trim();
            recognizer = null;
        }
        if (recognizer == null) {
            recognizer = model.newRecognizer();
            all.add(recognizer);
            own.set(recognizer);
        }
        return recognizer.recognize(samples, offset, length);
    }

    /** Frees every thread's recognizer. Call only when no recognition is in progress. */
    @Override
    public void close() {
        closed = true;
        VoskRecognizer recognizer;
        while ((recognizer = all.poll()) != null) {
            recognizer.close();
        }
    }
}
