package io.callintel.classify.redact;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Whether a recognised word may be another word misheard: their Double Metaphone codes (primary or alternate) are
 * the same ("sorte" and "sort"), or, read loosely, one sound apart where the meant word has two sounds or more
 * ("count" for "code"; not "the" for "you").
 */
final class SoundsAlike {

    /** Shared: the encoder keeps no state between calls. */
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private SoundsAlike() {}

    static boolean words(String heard, String meant, boolean loosely) {
        List<String> heardCodes = codes(heard);
        for (String b : codes(meant)) {
            for (String a : heardCodes) {
                if (a.equals(b) || loosely && b.length() >= 2 && distance(a, b) <= 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A word's primary and alternate codes, those not empty. */
    private static List<String> codes(String word) {
        return Stream.of(METAPHONE.doubleMetaphone(word, false), METAPHONE.doubleMetaphone(word, true))
                .filter(code -> code != null && !code.isEmpty())
                .toList();
    }

    /** Levenshtein distance of two short codes. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
