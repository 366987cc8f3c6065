package io.callintel.core.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The words numbers are said with ("four", "fourteen", "forty", "double", "hundred") and the words a recogniser
 * writes for digits it mishears ("free" for three, "fine" for five). Recognition reads numbers again with them
 * and redaction reads the digits out of them.
 */
public final class NumberWords {

    public static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0),
            Map.entry("oh", 0),
            Map.entry("o", 0),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9));
    public static final Map<String, Integer> TEENS = Map.ofEntries(
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    public static final Map<String, Integer> TENS = Map.of(
            "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety",
            90);
    /** What a recogniser writes for a digit it mishears; a digit only where a number is expected. */
    public static final Map<String, Integer> MISHEARD = Map.ofEntries(
            Map.entry("for", 4),
            Map.entry("fore", 4),
            Map.entry("free", 3),
            Map.entry("tree", 3),
            Map.entry("to", 2),
            Map.entry("too", 2),
            Map.entry("due", 2),
            Map.entry("do", 2),
            Map.entry("won", 1),
            Map.entry("fine", 5),
            Map.entry("fight", 5),
            Map.entry("fix", 6),
            Map.entry("sex", 6),
            Map.entry("sick", 6),
            Map.entry("wait", 8),
            Map.entry("ate", 8),
            Map.entry("made", 8),
            Map.entry("or", 0),
            Map.entry("all", 0),
            Map.entry("owe", 0),
            Map.entry("nein", 9),
            Map.entry("night", 9),
            Map.entry("nice", 9));

    private NumberWords() {}

    public static boolean isNumberWord(String word) {
        return UNITS.containsKey(word)
                || TEENS.containsKey(word)
                || TENS.containsKey(word)
                || isDigits(word)
                || word.equals("double")
                || word.equals("triple")
                || word.equals("hundred")
                || word.equals("thousand");
    }

    /** A number word or a digit a recogniser may have misheard. */
    public static boolean isDigitLike(String word) {
        return isNumberWord(word) || MISHEARD.containsKey(word);
    }

    public static boolean isDigits(String word) {
        return !word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** How many digits the number words say, near enough to compare two readings of one number. */
    public static int digits(List<String> words) {
        int digits = 0;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean unitFollows = i + 1 < words.size() && UNITS.getOrDefault(words.get(i + 1), 0) > 0;
            if (UNITS.containsKey(word)) {
                digits++;
            } else if (TEENS.containsKey(word) || word.equals("double")) {
                digits += word.equals("double") ? 1 : 2;
            } else if (TENS.containsKey(word)) {
                digits += unitFollows ? 1 : 2;
            } else if (word.equals("triple")) {
                digits += 2;
            } else if (isDigits(word)) {
                digits += word.length();
            }
        }
        return digits;
    }

    /** Every word a number is said with, for a recogniser that should hear nothing else. */
    public static List<String> vocabulary() {
        List<String> words = new ArrayList<>(UNITS.keySet());
        words.remove("o");
        words.addAll(TEENS.keySet());
        words.addAll(TENS.keySet());
        words.addAll(List.of("double", "triple", "hundred"));
        words.sort(null);
        return words;
    }
}
