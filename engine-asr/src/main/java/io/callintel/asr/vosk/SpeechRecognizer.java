package io.callintel.asr.vosk;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

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
 * <p>A recognizer is replaced after {@link #DEFAULT_REPLACE_AFTER_SECONDS} of audio (or what the
 * caller chose): it grows with use, as its share of the lazily composed decoding graph fills. With
 * replacement every five minutes of audio, resident memory over 1,000 short files is a saw-tooth
 * between 483 and 667 MB with no upward trend; never replaced, it rose to 676 MB by file 1,000 and 708 MB
 * by file 3,000, still creeping up. The price of a replacement is a cold start: +2 s (read speech) to
 * +4.5 s (8 kHz calls) of recognition each; never replacing made 2-minute calls 19-26% faster. So
 * operators with memory to spare may replace less often. Run with {@code MALLOC_ARENA_MAX=2} (the
 * launcher sets it) so that the memory a replaced recognizer frees is reused, and the freed pages are
 * handed back to the system ({@link NativeHeap#trim()}).
 */
public final class SpeechRecognizer implements AutoCloseable {

    /** Audio seconds a thread's recognizer decodes before it is replaced, unless the caller chooses. */
    public static final double DEFAULT_REPLACE_AFTER_SECONDS = 300;

    private final VoskModel model;
    private final Queue<VoskRecognizer> all = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<VoskRecognizer> own = new ThreadLocal<>();
    private final double replaceAfterSeconds;
    private final AtomicInteger replacements = new AtomicInteger();
    private volatile boolean closed;

    public SpeechRecognizer(VoskModel model) {
        this(model, DEFAULT_REPLACE_AFTER_SECONDS);
    }

    /**
     * @param replaceAfterSeconds audio after which a thread's recognizer is replaced by a fresh one
     *                            (positive; {@code Double.POSITIVE_INFINITY}: never)
     */
    public SpeechRecognizer(VoskModel model, double replaceAfterSeconds) {
        this.model = model;
        this.replaceAfterSeconds = checkReplaceAfter(replaceAfterSeconds);
    }

    /** The value when it is a positive number of seconds (infinity included); else IllegalArgumentException. */
    public static double checkReplaceAfter(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException(
                    "recognizers must be replaced after a positive number of audio seconds, got " + seconds);
        }
        return seconds;
    }

    /** Words of {@code length} samples of audio, with times in seconds from its first sample. */
    public List<RecognizedWord> recognize(short[] samples, int offset, int length) {
        if (closed) {
            throw new IllegalStateException("the speech recognizer is closed");
        }
        VoskRecognizer recognizer = own.get();
        if (recognizer != null && recognizer.secondsDecoded() >= replaceAfterSeconds) {
            replacements.incrementAndGet();
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

    /** How many recognizers were replaced so far (each one a cold start). */
    public int replacements() {
        return replacements.get();
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
