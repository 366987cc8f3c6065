package io.callintel.classify.redact;

import io.callintel.core.transcript.NumberWords;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the words just before a number say it is: "the long number on the card" makes the next sixteen digits a
 * card number; "the reference number" makes them nothing personal. The nearest cue decides, and each kind of
 * number has the lengths it can have, so an amount said after "card" stays an amount.
 *
 * @param type      the kind of data, or empty for numbers that are not personal (references, orders, amounts)
 * @param minDigits fewest digits such a number has, as heard
 * @param maxDigits most digits
 * @param usualDigits digits such a number usually has: a loose reading of misheard digits stops there
 */
record Cue(Optional<PiiType> type, int minDigits, int maxDigits, int usualDigits, List<List<String>> phrases) {

    static final List<Cue> ALL = List.of(
            cue(
                    PiiType.CARD_NUMBER,
                    8,
                    19,
                    16,
                    "card",
                    "cards",
                    "visa",
                    "mastercard",
                    "master card",
                    "amex",
                    "american express",
                    "debit",
                    "credit",
                    "long number",
                    "the number",
                    "that number",
                    "the digits",
                    "sixteen digits"),
            cue(
                    PiiType.CVV,
                    3,
                    4,
                    3,
                    "security code",
                    "security number",
                    "cvv",
                    "c v v",
                    "cvc",
                    "c v c",
                    "three digits",
                    "three digit",
                    "back of the card",
                    "verification code",
                    "card verification",
                    "card security",
                    "security digits",
                    "three numbers",
                    "last three",
                    "on the back",
                    "cvv two",
                    "c v v two",
                    "csc",
                    "four digit code"),
            cue(
                    PiiType.EXPIRY_DATE,
                    3,
                    6,
                    4,
                    "expiry",
                    "expiration",
                    "expires",
                    "expire",
                    "expiring",
                    "expiry date",
                    "valid until",
                    "valid through",
                    "valid thru",
                    "valid to",
                    "good thru",
                    "good through",
                    "month and year",
                    "end date"),
            cue(PiiType.SORT_CODE, 6, 6, 6, "sort code", "source code"),
            cue(
                    PiiType.BANK_ACCOUNT,
                    6,
                    18,
                    8,
                    "account number",
                    "account",
                    "routing number",
                    "routing",
                    "iban",
                    "bank"),
            cue(PiiType.SSN, 9, 9, 9, "social security", "social", "s s n", "ssn"),
            cue(
                    PiiType.NATIONAL_ID,
                    6,
                    12,
                    9,
                    "national insurance",
                    "insurance number",
                    "national id",
                    "id number",
                    "tax id",
                    "passport",
                    "license number",
                    "licence number",
                    "driver's license",
                    "driving licence",
                    "driving license",
                    "drivers license",
                    "identification number",
                    "n i number",
                    "nhs number",
                    "medicare number",
                    "passport number"),
            cue(
                    PiiType.PHONE_NUMBER,
                    7,
                    13,
                    11,
                    "phone",
                    "telephone",
                    "mobile",
                    "cell",
                    "landline",
                    "reach me",
                    "reach you",
                    "call me",
                    "call you",
                    "contact",
                    "contact number",
                    "callback number",
                    "call back number",
                    "number to call",
                    "extension",
                    "best number",
                    "ring me",
                    "ring you",
                    "text me",
                    "home number",
                    "work number",
                    "daytime number"),
            cue(PiiType.POSTCODE, 5, 9, 7, "zip", "zip code", "postcode", "post code", "postal code"),
            cue(
                    PiiType.DATE_OF_BIRTH,
                    4,
                    8,
                    8,
                    "date of birth",
                    "birthday",
                    "born",
                    "birth date",
                    "birthdate",
                    "year of birth",
                    "d o b",
                    "dob"),
            new Cue(
                    Optional.empty(),
                    0,
                    Integer.MAX_VALUE,
                    0,
                    phrases(
                            "reference",
                            "order",
                            "ticket",
                            "case number",
                            "claim number",
                            "policy number",
                            "confirmation",
                            "tracking",
                            "invoice",
                            "booking")));

    private static Cue cue(PiiType type, int min, int max, int usual, String... phrases) {
        return new Cue(Optional.of(type), min, max, usual, phrases(phrases));
    }

    /** Phrases as word lists: "sort code" is ["sort", "code"]. */
    static List<List<String>> phrases(String... phrases) {
        return Arrays.stream(phrases).map(p -> List.of(p.split(" "))).toList();
    }

    /**
     * Words back within which the cue counts. Short numbers (codes, dates, amounts) are everywhere in a call, so
     * their cue must be close; long ones are rare enough to be read anywhere within the seconds of context.
     */
    int reach() {
        return usualDigits <= 8 ? 8 : Integer.MAX_VALUE - 1;
    }

    /** Whether one of this cue's phrases is said from {@code words[at]} on. */
    boolean startsAt(List<String> words, int at) {
        return phrases.stream()
                .anyMatch(p -> at + p.size() <= words.size() && said(words.subList(at, at + p.size()), p));
    }

    /**
     * Whether the words are the phrase, or the phrase as a recogniser mishears it: one of its words as it is and
     * each other sounding alike. A word that only this kind of cue has ("post", "sort", "expiry") heard right lets
     * the others be a sound off ("post count" for "post code"); a word several kinds share ("number", "code") only
     * lets them sound the same ("sorte code" for "sort code"), since "our numbers" is not "three numbers". Words under
     * three letters must be as they are ("me" and "my").
     */
    static boolean said(List<String> words, List<String> phrase) {
        if (words.equals(phrase)) {
            return true;
        }
        boolean heardRight = false;
        boolean distinctive = false;
        for (int i = 0; i < phrase.size(); i++) {
            if (words.get(i).equals(phrase.get(i))) {
                heardRight = true;
                distinctive |= Distinctive.WORDS.contains(phrase.get(i));
            }
        }
        if (!heardRight) {
            return false;
        }
        for (int i = 0; i < phrase.size(); i++) {
            String meant = phrase.get(i);
            if (!words.get(i).equals(meant)
                    && (meant.length() < 3 || !SoundsAlike.words(words.get(i), meant, distinctive))) {
                return false;
            }
        }
        return true;
    }

    /** The cue words that only one kind of cue has: those a misheard phrase may be recognised by. */
    private static final class Distinctive {

        static final Set<String> WORDS = distinctive();

        private static Set<String> distinctive() {
            Map<String, Set<Cue>> cuesOf = new HashMap<>();
            for (Cue cue : ALL) {
                for (List<String> phrase : cue.phrases()) {
                    for (String word : phrase) {
                        cuesOf.computeIfAbsent(singular(word), w -> new HashSet<>())
                                .add(cue);
                    }
                }
            }
            Set<String> words = new HashSet<>();
            for (Cue cue : ALL) {
                for (List<String> phrase : cue.phrases()) {
                    for (String word : phrase) {
                        if (word.length() >= 4
                                && !NumberWords.isNumberWord(word)
                                && cuesOf.get(singular(word)).size() == 1) {
                            words.add(word);
                        }
                    }
                }
            }
            return Set.copyOf(words);
        }

        private static String singular(String word) {
            return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        }
    }

    boolean fits(String digits) {
        return digits.length() >= minDigits && digits.length() <= maxDigits;
    }

    /**
     * How many words back from the end of {@code context} this cue's nearest phrase ends (1: the last word), or
     * {@link Integer#MAX_VALUE} when none is there.
     */
    int distance(List<String> context) {
        int best = Integer.MAX_VALUE;
        for (List<String> phrase : phrases) {
            for (int end = context.size(); end >= phrase.size(); end--) {
                if (said(context.subList(end - phrase.size(), end), phrase)) {
                    best = Math.min(best, context.size() - end + 1);
                    break;
                }
            }
        }
        return best;
    }
}
