package io.callintel.asr;

import io.callintel.asr.vosk.RecognizedWord;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.transcript.NumberWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads again, with recognizers that know only number words, the stretches of a recognised chunk where someone
 * read out a number. A general vocabulary hears a card number over the telephone as "for five free to one for";
 * told that only digits are said, the same model hears "four five three two one four": digit by digit with one
 * grammar, in pairs ("forty five thirty two") with the other; the reading with more digits wins, and only where
 * it has more digits than the first pass had. Words the number readings do not overlap are kept.
 */
final class NumberPass {

    /** Digit-like words this close together belong to one number. */
    private static final double MAX_GAP_SECONDS = 1.5;
    /** Audio read again either side of a stretch: its first and last digits may have been heard as other words. */
    private static final double PAD_SECONDS = 0.4;

    private static final List<String> DIGIT_BY_DIGIT =
            List.of("zero one two three four five six seven eight nine oh double triple");
    private static final List<String> ANY_NUMBER = List.of(String.join(" ", NumberWords.vocabulary()));

    private final SpeechRecognizer recognizer;

    NumberPass(SpeechRecognizer recognizer) {
        this.recognizer = recognizer;
    }

    /** @param words the first pass's words of the chunk, times from its first sample */
    List<RecognizedWord> apply(short[] audio, int length, List<RecognizedWord> words) {
        List<RecognizedWord> result = words;
        for (double[] stretch : stretches(words)) {
            double start = Math.max(0, stretch[0] - PAD_SECONDS);
            double end = Math.min((double) length / AudioDecoder.SAMPLE_RATE, stretch[1] + PAD_SECONDS);
            int from = (int) (start * AudioDecoder.SAMPLE_RATE);
            int to = (int) (end * AudioDecoder.SAMPLE_RATE);
            List<RecognizedWord> best = null;
            int bestDigits = NumberWords.digits(result.stream()
                    .filter(w -> w.start() >= start && w.end() <= end)
                    .map(RecognizedWord::word)
                    .toList());
            for (List<String> grammar : List.of(DIGIT_BY_DIGIT, ANY_NUMBER)) {
                List<RecognizedWord> read = new ArrayList<>();
                for (RecognizedWord word : recognizer.recognizeOnly(grammar, audio, from, to - from)) {
                    if (NumberWords.isNumberWord(word.word())) {
                        read.add(word.shiftedBy(start));
                    }
                }
                int digits = NumberWords.digits(
                        read.stream().map(RecognizedWord::word).toList());
                if (digits > bestDigits) {
                    best = read;
                    bestDigits = digits;
                }
            }
            if (best != null) {
                result = merged(result, best);
            }
        }
        return result;
    }

    /**
     * Times of the stretches where at least four digit-like words, three of them real number words, follow each
     * other closely: a number read out, however badly heard.
     */
    static List<double[]> stretches(List<RecognizedWord> words) {
        List<double[]> stretches = new ArrayList<>();
        double[] open = null;
        int digitLike = 0;
        int real = 0;
        for (RecognizedWord word : words) {
            if (!NumberWords.isDigitLike(word.word())) {
                continue;
            }
            if (open != null && word.start() - open[1] > MAX_GAP_SECONDS) {
                if (digitLike >= 4 && real >= 3) {
                    stretches.add(open);
                }
                open = null;
            }
            if (open == null) {
                open = new double[] {word.start(), word.end()};
                digitLike = 0;
                real = 0;
            }
            open[1] = word.end();
            digitLike++;
            real += NumberWords.isNumberWord(word.word()) ? 1 : 0;
        }
        if (open != null && digitLike >= 4 && real >= 3) {
            stretches.add(open);
        }
        return stretches;
    }

    /** The first pass's words that no number word overlaps, and the number words, in time order. */
    private static List<RecognizedWord> merged(List<RecognizedWord> words, List<RecognizedWord> numbers) {
        List<RecognizedWord> merged = new ArrayList<>(numbers);
        for (RecognizedWord word : words) {
            if (numbers.stream().noneMatch(n -> n.start() < word.end() && word.start() < n.end())) {
                merged.add(word);
            }
        }
        merged.sort(Comparator.comparingDouble(RecognizedWord::start));
        return merged;
    }
}
