package io.callintel.classify.redact;

import java.util.Set;

/** The words the redactor's patterns are made of. */
final class Vocabulary {

    private Vocabulary() {}

    /** Words that are never part of a name, an address or an e-mail's local part: they end one. */
    static final Set<String> STOP = Set.of(
            "a",
            "an",
            "the",
            "and",
            "or",
            "but",
            "so",
            "if",
            "then",
            "than",
            "that",
            "this",
            "these",
            "those",
            "i",
            "i'm",
            "i've",
            "i'll",
            "i'd",
            "me",
            "my",
            "mine",
            "you",
            "you're",
            "your",
            "yours",
            "he",
            "she",
            "it",
            "it's",
            "its",
            "we",
            "we're",
            "our",
            "they",
            "their",
            "them",
            "him",
            "her",
            "his",
            "is",
            "am",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "have",
            "has",
            "had",
            "do",
            "does",
            "did",
            "will",
            "would",
            "could",
            "should",
            "can",
            "may",
            "might",
            "must",
            "shall",
            "not",
            "no",
            "yes",
            "yeah",
            "yep",
            "okay",
            "ok",
            "right",
            "sure",
            "well",
            "oh",
            "uh",
            "um",
            "er",
            "erm",
            "ah",
            "hmm",
            "hi",
            "hello",
            "hey",
            "thanks",
            "thank",
            "please",
            "sorry",
            "just",
            "also",
            "too",
            "very",
            "really",
            "of",
            "in",
            "on",
            "at",
            "to",
            "for",
            "from",
            "with",
            "by",
            "about",
            "as",
            "into",
            "over",
            "after",
            "before",
            "up",
            "down",
            "out",
            "off",
            "again",
            "here",
            "there",
            "where",
            "when",
            "what",
            "which",
            "who",
            "whom",
            "why",
            "how",
            "all",
            "any",
            "some",
            "each",
            "every",
            "both",
            "speaking",
            "calling",
            "call",
            "called",
            "calls",
            "name",
            "name's",
            "number",
            "address",
            "email",
            "mail",
            "e",
            "phone",
            "today",
            "now",
            "get",
            "got",
            "go",
            "going",
            "want",
            "need",
            "like",
            "know",
            "think",
            "see",
            "say",
            "said",
            "tell",
            "help",
            "check",
            "confirm",
            "spell",
            "spelled",
            "spelt",
            "that's",
            "there's",
            "what's",
            "let's",
            "don't",
            "can't",
            "won't",
            "didn't",
            "doesn't",
            "isn't",
            "wasn't",
            "live",
            "lives",
            "living",
            "moved",
            "card",
            "account",
            "regarding",
            "because",
            "one",
            "ones");

    /** Words that end a street's name. */
    static final Set<String> STREETS = Set.of(
            "street",
            "road",
            "avenue",
            "lane",
            "drive",
            "boulevard",
            "court",
            "crescent",
            "terrace",
            "close",
            "place",
            "square",
            "gardens",
            "parkway",
            "highway",
            "way",
            "row",
            "grove",
            "hill",
            "park",
            "walk",
            "mews",
            "circle",
            "trail",
            "st",
            "rd",
            "ave",
            "heights",
            "parade",
            "wharf",
            "ridge",
            "broadway",
            "estate",
            "apartment",
            "flat",
            "unit",
            "suite");

    static final Set<String> MONTHS = Set.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");

    /** Top-level domains an e-mail address said aloud ends with ("... dot com", "... dot co dot uk"), and as misheard. */
    static final Set<String> DOMAINS = Set.of(
            "com", "net", "org", "uk", "io", "edu", "gov", "us", "info", "biz", "co", "calm", "come", "comb", "ord",
            "orc", "nets");

    /** "dot" in an e-mail address, and as recognisers mishear it. */
    static final Set<String> DOTS = Set.of("dot", "not", "dog", "dots", "don");

    /** Letters as recognisers write them when a code is spelled out ("s w one a"). */
    static final Set<String> LETTERS = Set.of(
            "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
            "v", "w", "x", "y", "z", "bee", "cee", "dee", "gee", "jay", "kay", "pee", "tee", "vee", "zed", "zee", "ex",
            "em", "en", "es", "ess", "el", "eff", "aitch");

    /** Words after a number that make it an amount, a time or a count, never personal data. */
    static final Set<String> UNITS = Set.of(
            "dollars",
            "dollar",
            "bucks",
            "pounds",
            "pound",
            "quid",
            "euros",
            "euro",
            "cents",
            "cent",
            "pence",
            "percent",
            "o'clock",
            "am",
            "pm",
            "minutes",
            "minute",
            "hours",
            "hour",
            "days",
            "day",
            "weeks",
            "week",
            "months",
            "month",
            "years",
            "year",
            "times",
            "miles",
            "items",
            "payments",
            "installments",
            "people",
            "grand");

    /** Words after a short number that make it a time ("three thirty this afternoon"); after a long one they do not. */
    static final Set<String> TIMES_OF_DAY = Set.of("morning", "afternoon", "evening", "tonight", "tomorrow");

    /** Ordinal words up to "thirty first", their day of the month. */
    static int ordinal(String word) {
        return switch (word) {
            case "first" -> 1;
            case "second" -> 2;
            case "third" -> 3;
            case "fourth" -> 4;
            case "fifth" -> 5;
            case "sixth" -> 6;
            case "seventh" -> 7;
            case "eighth" -> 8;
            case "ninth" -> 9;
            case "tenth" -> 10;
            case "eleventh" -> 11;
            case "twelfth" -> 12;
            case "thirteenth" -> 13;
            case "fourteenth" -> 14;
            case "fifteenth" -> 15;
            case "sixteenth" -> 16;
            case "seventeenth" -> 17;
            case "eighteenth" -> 18;
            case "nineteenth" -> 19;
            case "twentieth" -> 20;
            case "thirtieth" -> 30;
            default -> 0;
        };
    }
}
