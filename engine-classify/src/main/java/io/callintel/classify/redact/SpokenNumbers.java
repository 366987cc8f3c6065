package io.callintel.classify.redact;

import io.callintel.core.transcript.NumberWords;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers as a recogniser writes them: words, not digits. "four five three two", "forty five thirty two",
 * "double five", "oh nine", "four hundred and twelve" and "nineteen eighty five" all become the digits they say,
 * in the order said.
 */
final class SpokenNumbers {

    /** A number said by the words {@code [from, to)}: its digits as said ("oh nine" is "09"). */
    record Said(String digits, int from, int to) {}

    private static final Map<String, Integer> UNITS = NumberWords.UNITS;
    private static final Map<String, Integer> TEENS = NumberWords.TEENS;
    private static final Map<String, Integer> TENS = NumberWords.TENS;
    /** Homophones a recogniser writes for digits inside a run of digits ("four five to eight"). */
    private static final Set<String> SOUND_ALIKES = Set.of("for", "to", "too", "won", "ate");

    private static final Map<String, Integer> MISHEARD = NumberWords.MISHEARD;
    /** Misheard words between digits that a loose reading steps over. */
    private static final int MOST_UNREAD_IN_A_ROW = 2;

    /** Said between the digits of one number without ending it. */
    private static final Set<String> GLUE = Set.of("uh", "um", "er", "erm", "ah", "hmm", "dash", "hyphen", "slash");
    /** A pause longer than this ends a number. */
    private static final double MAX_GAP_SECONDS = 2.5;

    private SpokenNumbers() {}

    static boolean isNumberWord(String word) {
        return NumberWords.isNumberWord(word);
    }

    /**
     * The whole number said from {@code words[from]} on, across glue words and short pauses, or null when no
     * number starts there. A lone "oh" is not a number.
     *
     * @param gaps {@code gaps[i]}: seconds of silence before word {@code i}
     */
    static Said run(List<String> words, double[] gaps, int from) {
        Said first = piece(words, from);
        if (first == null) {
            return null;
        }
        if (isOh(words, first)) {
            Said after = next(words, gaps, first.to());
            if (after == null || isOh(words, after)) {
                return null;
            }
        }
        StringBuilder digits = new StringBuilder(first.digits());
        int to = first.to();
        while (true) {
            Said next = next(words, gaps, to);
            if (next == null) {
                next = soundAlike(words, gaps, to);
                if (next == null) {
                    break;
                }
            }
            digits.append(next.digits());
            to = next.to();
        }
        return new Said(digits.toString(), from, to);
    }

    /**
     * A number as a recogniser that mishears digits writes it, read where one is expected: misheard digits count,
     * and up to two words that are no digit at all are stepped over between digits, until the number has the
     * digits expected of it. At least three digit words, two of them real number words; null otherwise.
     */
    static Said looseRun(List<String> words, double[] gaps, int from, int mostDigits) {
        if (digitLike(words, from) == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        int to = from;
        int read = 0;
        int real = 0;
        int i = from;
        int unread = 0;
        while (i < words.size() && (i == from || gaps[i] <= MAX_GAP_SECONDS) && digits.length() < mostDigits) {
            Said piece = digitLike(words, i);
            if (piece == null) {
                if (++unread > MOST_UNREAD_IN_A_ROW) {
                    break;
                }
                i++;
                continue;
            }
            unread = 0;
            digits.append(piece.digits());
            read++;
            real += MISHEARD.containsKey(words.get(i)) ? 0 : 1;
            i = piece.to();
            to = i;
        }
        return read >= 3 && real >= 2 ? new Said(digits.toString(), from, to) : null;
    }

    /** A number piece, a misheard digit, or null. */
    private static Said digitLike(List<String> words, int i) {
        Integer misheard = MISHEARD.get(words.get(i));
        return misheard != null ? new Said(Integer.toString(misheard), i, i + 1) : piece(words, i);
    }

    static boolean isDigitLike(String word) {
        return NumberWords.isDigitLike(word);
    }

    /** "to" read as a digit, only between digits: "four five to eight". */
    private static Said soundAlike(List<String> words, double[] gaps, int at) {
        int i = skipGlue(words, gaps, at);
        if (i < 0 || !SOUND_ALIKES.contains(words.get(i))) {
            return null;
        }
        Said after = next(words, gaps, i + 1);
        return after == null || isOh(words, after)
                ? null
                : new Said(Integer.toString(MISHEARD.get(words.get(i))), i, i + 1);
    }

    /** The piece after glue words from {@code at}, if the pause before it is short. */
    private static Said next(List<String> words, double[] gaps, int at) {
        int start = skipGlue(words, gaps, at);
        return start < 0 ? null : piece(words, start);
    }

    /** The index of the first word from {@code at} that is not glue, or -1 past the end or a long pause. */
    private static int skipGlue(List<String> words, double[] gaps, int at) {
        int i = at;
        while (i < words.size() && gaps[i] <= MAX_GAP_SECONDS && GLUE.contains(words.get(i)) && i - at < 2) {
            i++;
        }
        return i < words.size() && gaps[i] <= MAX_GAP_SECONDS ? i : -1;
    }

    private static boolean isOh(List<String> words, Said piece) {
        String word = words.get(piece.from());
        return piece.to() - piece.from() == 1 && (word.equals("oh") || word.equals("o"));
    }

    /** One number word or compound ("forty five", "double five", "four hundred and twelve") from {@code i}. */
    static Said piece(List<String> words, int i) {
        String word = words.get(i);
        if (isDigits(word)) {
            return new Said(word, i, i + 1);
        }
        if ((word.equals("double") || word.equals("triple"))
                && i + 1 < words.size()
                && UNITS.containsKey(words.get(i + 1))) {
            String digit = Integer.toString(UNITS.get(words.get(i + 1)));
            return new Said(digit.repeat(word.equals("double") ? 2 : 3), i, i + 2);
        }
        Said hundreds = belowThousand(words, i);
        if (hundreds == null
                || !at(words, hundreds.to(), "thousand")
                || hundreds.digits().equals("0")) {
            return hundreds;
        }
        int value = Integer.parseInt(hundreds.digits()) * 1000;
        Said rest = belowThousand(words, skipAnd(words, hundreds.to() + 1));
        return rest == null
                ? new Said(Integer.toString(value), i, hundreds.to() + 1)
                : new Said(Integer.toString(value + Integer.parseInt(rest.digits())), i, rest.to());
    }

    /** "seven", "seventy seven", "seven hundred", "seven hundred and seventy seven". */
    private static Said belowThousand(List<String> words, int i) {
        Said small = belowHundred(words, i);
        if (small == null || !at(words, small.to(), "hundred") || small.digits().equals("0")) {
            return small;
        }
        int value = Integer.parseInt(small.digits()) * 100;
        Said rest = belowHundred(words, skipAnd(words, small.to() + 1));
        return rest == null
                ? new Said(Integer.toString(value), i, small.to() + 1)
                : new Said(Integer.toString(value + Integer.parseInt(rest.digits())), i, rest.to());
    }

    private static boolean at(List<String> words, int i, String word) {
        return i < words.size() && words.get(i).equals(word);
    }

    /** "seven", "oh" (as "0"), "seventeen", "seventy", "seventy seven". */
    private static Said belowHundred(List<String> words, int i) {
        if (i >= words.size()) {
            return null;
        }
        String word = words.get(i);
        if (UNITS.containsKey(word)) {
            return new Said(Integer.toString(UNITS.get(word)), i, i + 1);
        }
        if (TEENS.containsKey(word)) {
            return new Said(Integer.toString(TEENS.get(word)), i, i + 1);
        }
        if (TENS.containsKey(word)) {
            int tens = TENS.get(word);
            if (i + 1 < words.size() && UNITS.getOrDefault(words.get(i + 1), 0) > 0) {
                return new Said(Integer.toString(tens + UNITS.get(words.get(i + 1))), i, i + 2);
            }
            return new Said(Integer.toString(tens), i, i + 1);
        }
        return null;
    }

    private static int skipAnd(List<String> words, int i) {
        return i < words.size() && words.get(i).equals("and") ? i + 1 : i;
    }

    private static boolean isDigits(String word) {
        return NumberWords.isDigits(word);
    }

    /** Whether the digits pass the Luhn check every payment card number passes. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
