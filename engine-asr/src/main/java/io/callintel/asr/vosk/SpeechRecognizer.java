package io.callintel.asr.vosk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recognizes stretches of 16 kHz audio with one native recognizer per thread (and one per thread and grammar for
 * {@link #recognizeOnly}), reused (reset) from one stretch to the next and closed together by {@link #close()}.
 * Thread-safe.
 *
 * <p>Reused because a fresh Vosk recognizer decodes its first half minute about twice as slowly;
 * {@code reset()} keeps only acoustic statistics (speaker adaptation), never words, so a confidence can
 * depend on what the same thread heard before. Replaced after {@link #DEFAULT_REPLACE_AFTER_SECONDS} of
 * audio (or the caller's choice) because it grows with use: memory against speed. Run with
 * {@code MALLOC_ARENA_MAX=2} (the launcher sets it) so that freed native memory is reused and handed back
 * ({@link NativeHeap#trim()}). The measurements: benchmarks/README.md, "Recognizer replacement" and
 * "Where the time goes".
 */
public final class SpeechRecognizer implements AutoCloseable {

    /** Audio seconds a thread's recognizer decodes before it is replaced, unless the caller chooses. */
    public static final double DEFAULT_REPLACE_AFTER_SECONDS = 300;

    private final VoskModel model;
    private final Queue<VoskRecognizer> all = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<VoskRecognizer> own = new ThreadLocal<>();
    private final ThreadLocal<Map<String, VoskRecognizer>> ownGrammars = ThreadLocal.withInitial(HashMap::new);
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

    /**
     * Words of the audio as heard by a fresh recognizer that knows only the phrases, times from its first sample.
     * Vosk writes "[unk]" for what is none of them.
     *
     * @param phrases what the audio may say; each phrase's words may come in any order, and repeat
     */
    public List<RecognizedWord> recognizeOnly(List<String> phrases, short[] samples, int offset, int length) {
        if (closed) {
            throw new IllegalStateException("the speech recognizer is closed");
        }
        StringBuilder grammar = new StringBuilder("[");
        for (String phrase : phrases) {
            grammar.append('"')
                    .append(phrase.replace("\\", "").replace("\"", ""))
                    .append("\", ");
        }
        grammar.append("\"[unk]\"]");
        // kept per thread like the others: building one takes longer than most of what it hears
        VoskRecognizer recognizer = ownGrammars.get().computeIfAbsent(grammar.toString(), g -> {
            VoskRecognizer created = model.newRecognizer(g);
            all.add(created);
            return created;
        });
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
