package io.callintel.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callintel.asr.vosk.RecognizedWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which stretches of a first pass are read again as numbers (the reading itself: RedactionEvaluationTest). */
class NumberPassTest {

    @Test
    void aNumberReadOutIsFoundHoweverItWasMisheard() {
        List<double[]> stretches = NumberPass.stretches(
                words("can i take the card number please", "for five free to one four eight eight nine", "thanks"));
        assertEquals(1, stretches.size());
        assertEquals(2.4, stretches.get(0)[0], 1e-9, "from the first digit-like word");
    }

    @Test
    void everydayWordsThatSoundLikeDigitsAreNot() {
        assertEquals(List.of(), NumberPass.stretches(words("i need to do it for all of them", "one or two of them")));
    }

    /** One phrase a second apart, a word every 0.2 s. */
    private static List<RecognizedWord> words(String... phrases) {
        List<RecognizedWord> words = new ArrayList<>();
        double time = 0;
        for (String phrase : phrases) {
            for (String word : phrase.split(" ")) {
                words.add(new RecognizedWord(word, time, time + 0.18, 0.9));
                time += 0.2;
            }
            time += 1;
        }
        return words;
    }
}
