package io.callintel.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Word error rate: (substitutions + deletions + insertions) / reference words, by edit distance over words. */
public final class WordErrorRate {

    private int errors;
    private int referenceWords;

    public void add(String reference, String hypothesis) {
        List<String> ref = words(reference);
        List<String> hyp = words(hypothesis);
        errors += distance(ref, hyp);
        referenceWords += ref.size();
    }

    /** In percent. */
    public double percent() {
        return referenceWords == 0 ? 0 : 100.0 * errors / referenceWords;
    }

    public int errors() {
        return errors;
    }

    public int referenceWords() {
        return referenceWords;
    }

    public static List<String> words(String text) {
        String normalised =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").trim();
        return normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split("\\s+"));
    }

    private static int distance(List<String> ref, List<String> hyp) {
        int[] previous = new int[hyp.size() + 1];
        int[] current = new int[hyp.size() + 1];
        for (int j = 0; j <= hyp.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= ref.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= hyp.size(); j++) {
                int substitution = previous[j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[hyp.size()];
    }
}
