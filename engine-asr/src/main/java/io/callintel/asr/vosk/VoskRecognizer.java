package io.callintel.asr.vosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * The one place that talks to a native Vosk recognizer: feeds 16 kHz PCM and turns Vosk's JSON
 * results into words. Not thread-safe; {@link SpeechRecognizer} keeps one per thread.
 */
final class VoskRecognizer implements AutoCloseable {

    static final float SAMPLE_RATE = 16_000f;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Recognizer recognizer;
    /** Half a second per call: small enough for Vosk's endpointer to close utterances promptly. */
    private final short[] block = new short[8_000];

    private long samplesFed;

    VoskRecognizer(Model model) {
        this(model, null);
    }

    /** @param grammar Vosk's JSON list of phrases the recognizer may hear, or null for the model's whole vocabulary */
    VoskRecognizer(Model model, String grammar) {
        try {
            recognizer =
                    grammar == null ? new Recognizer(model, SAMPLE_RATE) : new Recognizer(model, SAMPLE_RATE, grammar);
        } catch (IOException e) {
            throw new IllegalStateException("Vosk could not create a recognizer: " + e.getMessage(), e);
        }
        recognizer.setWords(true);
    }

    /**
     * Recognizes {@code length} samples as one stretch of audio and returns its words, with times
     * relative to the first sample. Leaves the recognizer reset for the next stretch.
     */
    List<RecognizedWord> recognize(short[] samples, int offset, int length) {
        // Vosk's reset() clears the decoder but its clock keeps counting from the recognizer's creation.
        double origin = samplesFed / (double) SAMPLE_RATE;
        samplesFed += length;
        List<RecognizedWord> words = new ArrayList<>();
        for (int done = 0; done < length; done += block.length) {
            int n = Math.min(block.length, length - done);
            System.arraycopy(samples, offset + done, block, 0, n);
            if (recognizer.acceptWaveForm(block, n)) { // Vosk's endpointer closed an utterance
                parseWords(recognizer.getResult(), words);
            }
        }
        parseWords(recognizer.getFinalResult(), words);
        recognizer.reset();
        words.replaceAll(word -> word.shiftedBy(-origin));
        return words;
    }

    private static void parseWords(String json, List<RecognizedWord> into) {
        try {
            JsonNode result = JSON.readTree(json).path("result");
            for (JsonNode word : result) {
                into.add(new RecognizedWord(
                        word.path("word").asText(),
                        word.path("start").asDouble(),
                        word.path("end").asDouble(),
                        word.path("conf").asDouble()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable Vosk result: " + json, e);
        }
    }

    /** Seconds of audio this recognizer has decoded since it was created. */
    double secondsDecoded() {
        return samplesFed / (double) SAMPLE_RATE;
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
