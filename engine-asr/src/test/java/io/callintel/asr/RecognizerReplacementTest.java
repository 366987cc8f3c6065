package io.callintel.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callintel.asr.vosk.RecognizedWord;
import io.callintel.asr.vosk.SpeechRecognizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A thread's recognizer is replaced after the configured amount of audio, and only then. */
class RecognizerReplacementTest {

    /** Four seconds of LibriVox read speech. */
    private static final short[] SPEECH = Arrays.copyOf(WordErrorRateTest.decodeAll(
            Path.of("/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0880.wav")), 4 * 16_000);

    @Test
    void aRecognizerIsReplacedOnceItHasDecodedTheChosenAmountOfAudio() {
        try (SpeechRecognizer recognizer = new SpeechRecognizer(TestModels.vosk(), 6)) {
            List<String> first = words(recognizer.recognize(SPEECH, 0, SPEECH.length));
            assertEquals(0, recognizer.replacements(), "4 s decoded: kept");
            recognizer.recognize(SPEECH, 0, SPEECH.length);
            assertEquals(0, recognizer.replacements(), "the check comes before a stretch: 4 s < 6 s");
            List<String> afterReplacement = words(recognizer.recognize(SPEECH, 0, SPEECH.length));
            assertEquals(1, recognizer.replacements(), "8 s decoded: replaced");
            assertFalse(first.isEmpty());
            assertEquals(first, afterReplacement, "a fresh recognizer hears the same words");
        }
    }

    @Test
    void byDefaultAFewStretchesKeepTheirRecognizer() {
        try (SpeechRecognizer recognizer = new SpeechRecognizer(TestModels.vosk())) {
            for (int i = 0; i < 3; i++) {
                recognizer.recognize(SPEECH, 0, SPEECH.length);
            }
            assertEquals(0, recognizer.replacements());
        }
    }

    @Test
    void theAmountMustBePositive() {
        for (double bad : new double[] {0, -1, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> new SpeechRecognizer(TestModels.vosk(), bad), "" + bad);
        }
    }

    private static List<String> words(List<RecognizedWord> words) {
        return words.stream().map(RecognizedWord::word).toList();
    }
}
