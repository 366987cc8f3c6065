package io.callintel.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callintel.asr.vosk.RecognizedWord;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.testing.LibriVox;
import io.callintel.testing.Pcm;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A thread's recognizer is replaced after the configured amount of audio, and only then. */
class RecognizerReplacementTest {

    /** Four seconds of LibriVox read speech. */
    private static short[] speech;

    @BeforeAll
    static void readSpeech(@TempDir Path directory) {
        speech =
                Arrays.copyOf(Pcm.decode(LibriVox.clips(directory).get(1).wav(), DecodeOptions.defaults()), 4 * 16_000);
    }

    @Test
    void aRecognizerIsReplacedOnceItHasDecodedTheChosenAmountOfAudio() {
        try (SpeechRecognizer recognizer = new SpeechRecognizer(TestModels.vosk(), 6)) {
            List<String> first = words(recognizer.recognize(speech, 0, speech.length));
            assertEquals(0, recognizer.replacements(), "4 s decoded: kept");
            recognizer.recognize(speech, 0, speech.length);
            assertEquals(0, recognizer.replacements(), "the check comes before a stretch: 4 s < 6 s");
            List<String> afterReplacement = words(recognizer.recognize(speech, 0, speech.length));
            assertEquals(1, recognizer.replacements(), "8 s decoded: replaced");
            assertFalse(first.isEmpty());
            assertEquals(first, afterReplacement, "a fresh recognizer hears the same words");
        }
    }

    @Test
    void byDefaultAFewStretchesKeepTheirRecognizer() {
        try (SpeechRecognizer recognizer = new SpeechRecognizer(TestModels.vosk())) {
            for (int i = 0; i < 3; i++) {
                recognizer.recognize(speech, 0, speech.length);
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
