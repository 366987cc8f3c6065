package io.callintel.classify.redact;

import static io.callintel.classify.redact.Cue.phrases;

import io.callintel.core.transcript.NumberWords;
import io.callintel.core.transcript.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the personal data in a call's words, as a recogniser writes them: lower case, numbers in words, no
 * punctuation. What a number is comes from the words said just before it by either speaker ({@link Cue}); names
 * and addresses are found where they are introduced ("my name is", "I live at") or asked for ("your full name?").
 */
final class PiiFinder {

    /** Words {@code [from, to)} of the call say personal data of a type; no type: nothing personal. */
    record Found(Optional<PiiType> type, int from, int to) {}

    /** How far back the words that say what a number is may be. */
    private static final double CONTEXT_SECONDS = 15;
    /** A pause this long before a word starts a new utterance of the speaker. */
    private static final double UTTERANCE_GAP = 0.6;
    /** How many words before an utterance its cue may end ("the long number on the card, please?"). */
    private static final int CUE_REACH = 6;
    /** The longest pause between a cue and the utterance it asks for. */
    private static final double CUE_PAUSE = 4;
    /** Most digits a time of day has ("three thirty" is 330). */
    private static final int TIME_DIGITS = 4;
    /** Said inside an amount: "four hundred and twelve", "nineteen point nine". */
    private static final Set<String> AMOUNT_GLUE = Set.of("and", "point");
    /** A cue this many words or fewer before an utterance asked for what the utterance says. */
    private static final int DIRECT_ANSWER_WORDS = 3;
    /** Words said outside any data after an answer, beyond which its cue reaches no further. */
    private static final int MOVED_ON_WORDS = 2;

    private static final List<List<String>> NAME_INTRODUCTIONS = phrases(
            "my name is",
            "my name's",
            "name is",
            "first name is",
            "last name is",
            "surname is",
            "full name is",
            "speaking with",
            "speaking to",
            "talking to",
            "talking with",
            "through to",
            "name's",
            "the name's",
            "surname's",
            "i'm called",
            "in the name of",
            "under the name",
            "under the name of",
            "account holder is",
            "cardholder is");
    /** Titles said before a name: "thank you mister garcia". */
    private static final List<List<String>> TITLES = phrases("mister", "mr", "mrs", "missus", "ms", "miss");
    /** Introductions whose name must be followed by one of {@link #AFTER_NAME}: "this is Dana from ...". */
    private static final List<List<String>> SELF_INTRODUCTIONS = phrases("this is", "it's", "i'm", "i am");

    private static final Set<String> AFTER_NAME = Set.of("speaking", "from", "calling", "here", "with");
    /** Words that end a name said after an introduction. */
    private static final Set<String> NAME_BREAKS = Set.of(
            "and",
            "from",
            "calling",
            "speaking",
            "here",
            "i",
            "i'm",
            "how",
            "thank",
            "thanks",
            "please",
            "so",
            "but",
            "with",
            "at",
            "about",
            "um",
            "uh",
            "er",
            "is",
            "it's",
            "the",
            "yes",
            "yeah",
            "okay",
            "who",
            "what",
            "can",
            "could",
            "would",
            "i'd",
            "i'll",
            "i've",
            "to",
            "for",
            "on",
            "in",
            "my",
            "your");
    /** Words before "at" that are not part of an e-mail address. */
    private static final Set<String> LOCAL_PART_BREAKS = Set.of(
            "is",
            "it's",
            "its",
            "email",
            "emailing",
            "e",
            "mail",
            "address",
            "my",
            "me",
            "on",
            "the",
            "yes",
            "yeah",
            "sure",
            "okay",
            "it",
            "that's",
            "and",
            "i",
            "you",
            "us",
            "look",
            "arrive",
            "be",
            "here",
            "home");

    private static final List<List<String>> EMAIL_INTRODUCTIONS = phrases(
            "email",
            "emailing",
            "email is",
            "email address is",
            "email address",
            "mail is",
            "e mail",
            "e mail is",
            "email it's",
            "e mail address is");
    private static final List<List<String>> EMAIL_QUESTIONS =
            phrases("email", "e mail", "emailing", "mail address", "email address", "contact email");
    /** Most words an introduced e-mail address is heard as before its domain's end ("who moved on to price"). */
    private static final int INTRODUCED_EMAIL_WORDS = 12;
    /** Most words an e-mail address's local part is said in ("j o h n dot smith"). */
    private static final int LOCAL_PART_WORDS = 8;
    /** "at" in an e-mail address, and as recognisers mishear it. */
    private static final Set<String> ATS = Set.of("at", "add", "had", "that");

    private static final List<List<String>> ADDRESS_INTRODUCTIONS = phrases(
            "live at",
            "living at",
            "lives at",
            "address is",
            "address it's",
            "moved to",
            "deliver to",
            "delivered to",
            "send it to",
            "located at",
            "address of",
            "live on",
            "living on",
            "lives on",
            "my address",
            "the address",
            "new address",
            "address it is",
            "ship it to",
            "shipped to",
            "deliver it to",
            "post it to",
            "mail it to",
            "residing at",
            "reside at",
            "staying at",
            "based at");
    /** What the other speaker asks for when the answer is a name or an address. */
    private static final List<List<String>> NAME_QUESTIONS = phrases(
            "your name",
            "full name",
            "first name",
            "last name",
            "surname",
            "who am i speaking",
            "who's calling",
            "who is calling",
            "who am i talking",
            "who do i have",
            "who have i got",
            "who's this",
            "who is this",
            "name please",
            "a name",
            "account holder",
            "cardholder",
            "card holder",
            "name on the",
            "spell your",
            "spell that");

    private static final List<List<String>> ADDRESS_QUESTIONS = phrases(
            "your address",
            "the address",
            "first line",
            "home address",
            "billing address",
            "postal address",
            "delivery address",
            "shipping address",
            "new address",
            "where do you live",
            "where you live",
            "house number",
            "street");
    /** Said before the answer to a question without being part of it. */
    private static final Set<String> ANSWER_OPENERS = Set.of(
            "yes", "yeah", "sure", "it's", "its", "it", "is", "that's", "uh", "um", "er", "okay", "so", "my", "name",
            "address", "the");

    private final List<Word> all;

    /** @param all every word of the call, all speakers, in time order */
    PiiFinder(List<Word> all) {
        this.all = all;
    }

    /** What the call's words say, as spans of {@code all}. */
    List<Found> find() {
        List<String> words =
                all.stream().map(w -> w.word().toLowerCase(Locale.ROOT)).toList();
        double[] gaps = new double[words.size()];
        for (int i = 1; i < gaps.length; i++) {
            gaps[i] = all.get(i).start() - all.get(i - 1).end();
        }
        List<Found> found = new ArrayList<>();
        Reading reading = new Reading(words, gaps, found);
        int i = 0;
        while (i < words.size()) {
            Found next = reading.at(i);
            if (next == null) {
                i++;
            } else {
                if (next.type().isPresent()) {
                    found.add(next);
                }
                i = Math.max(next.to(), i + 1);
            }
        }
        return found;
    }

    /** The call's words, lower-cased, with the silence before each, read from left to right. */
    private final class Reading {
        private final List<String> words;
        private final double[] gaps;
        /** The personal data found so far, in order: a cue once answered does not reach past its answer. */
        private final List<Found> foundSoFar;

        Reading(List<String> words, double[] gaps, List<Found> foundSoFar) {
            this.words = words;
            this.gaps = gaps;
            this.foundSoFar = foundSoFar;
        }

        /** What starts at word {@code i}, if anything. */
        Found at(int i) {
            Found found = email(i);
            if (found == null) {
                found = name(i);
            }
            if (found == null) {
                found = address(i);
            }
            if (found == null) {
                found = cuedUtterance(i);
            }
            if (found == null) {
                found = answer(i);
            }
            if (found == null) {
                found = cued(i);
            }
            return found;
        }

        /**
         * "john dot smith at example dot com": up to three words, "at", a domain ending in a known top-level domain.
         * "dot" and the domains as recognisers mishear them ("outlook not com") count.
         */
        private Found email(int i) {
            if (!ANSWER_OPENERS.contains(words.get(i))
                    && (follows(i, EMAIL_INTRODUCTIONS) || answers(i, EMAIL_QUESTIONS))) {
                int end = domainAfter(i);
                if (end > i) {
                    return found(PiiType.EMAIL, i, end);
                }
            }
            for (int at = i; at < Math.min(words.size(), i + LOCAL_PART_WORDS + 1); at++) {
                if (ATS.contains(words.get(at))) {
                    int end = domainEnd(at + 1);
                    if (at > i && end > 0) {
                        return found(PiiType.EMAIL, i, end);
                    }
                    if (words.get(at).equals("at")) {
                        return null;
                    }
                }
                if (LOCAL_PART_BREAKS.contains(words.get(at))) {
                    return null;
                }
            }
            return null;
        }

        /**
         * The end of an address's domain said within a few words of {@code i}, "at" or not: where an e-mail address
         * is introduced, its "at" and local part are often misheard ("emma four of example not org").
         */
        private int domainAfter(int i) {
            for (int j = i + 1; j + 1 < words.size() && j - i < INTRODUCED_EMAIL_WORDS && gaps[j] < 1.5; j++) {
                if (Vocabulary.DOTS.contains(words.get(j)) && Vocabulary.DOMAINS.contains(words.get(j + 1))) {
                    int end = j + 2;
                    while (end + 1 < words.size()
                            && Vocabulary.DOTS.contains(words.get(end))
                            && Vocabulary.DOMAINS.contains(words.get(end + 1))) {
                        end += 2;
                    }
                    return end;
                }
            }
            return -1;
        }

        /** The end of "example dot co dot uk" from {@code i}, or -1. */
        private int domainEnd(int i) {
            if (i >= words.size() || Vocabulary.STOP.contains(words.get(i))) {
                return -1;
            }
            int end = -1;
            int j = i + 1;
            while (j < Math.min(words.size(), i + 3) && !Vocabulary.DOTS.contains(words.get(j))) {
                j++; // a domain misheard as two or three words ("work and outlook")
            }
            while (j + 1 < words.size() && Vocabulary.DOTS.contains(words.get(j))) {
                if (Vocabulary.DOMAINS.contains(words.get(j + 1))) {
                    end = j + 2;
                }
                j += 2;
            }
            return end;
        }

        private Found name(int i) {
            if (follows(i, NAME_INTRODUCTIONS) || answers(i, NAME_QUESTIONS)) {
                // what follows "my name is" is a name however it was recognised, up to a word that ends it
                int end = i;
                while (end < words.size()
                        && end - i < 3
                        && (end == i || gaps[end] < 1)
                        && !NAME_BREAKS.contains(words.get(end))
                        && !SpokenNumbers.isNumberWord(words.get(end))) {
                    end++;
                }
                return end > i ? found(PiiType.NAME, i, end) : null;
            }
            if (follows(i, TITLES)) {
                int end = nameEnd(i, 2);
                return end > i ? found(PiiType.NAME, i, end) : null;
            }
            if (follows(i, SELF_INTRODUCTIONS)) {
                int end = nameEnd(i, 2);
                return end > i && end < words.size() && AFTER_NAME.contains(words.get(end))
                        ? found(PiiType.NAME, i, end)
                        : null;
            }
            return null;
        }

        private int nameEnd(int i, int most) {
            int end = i;
            while (end < words.size() && end - i < most && nameLike(words.get(end)) && (end == i || gaps[end] < 1)) {
                end++;
            }
            return end;
        }

        private boolean nameLike(String word) {
            return !Vocabulary.STOP.contains(word)
                    && !SpokenNumbers.isNumberWord(word)
                    && word.chars().allMatch(c -> Character.isLetter(c) || c == '\'' || c == '-');
        }

        /** "I live at twelve oak street", an answer to "your address?", or "twelve oak street" on its own. */
        private Found address(int i) {
            boolean introduced = follows(i, ADDRESS_INTRODUCTIONS) || answers(i, ADDRESS_QUESTIONS);
            int end = i;
            boolean number = false;
            boolean street = false;
            while (end < words.size() && end - i < 12 && (end == i || gaps[end] < 1.5)) {
                String word = words.get(end);
                SpokenNumbers.Said piece = SpokenNumbers.piece(words, end);
                if (piece != null) {
                    number = true;
                    end = piece.to();
                } else if (Vocabulary.STREETS.contains(word)) {
                    street = true;
                    end++;
                } else if (nameLike(word) && (introduced || (number && end - i < 5))) {
                    end++;
                } else {
                    break;
                }
                if (!introduced && street) {
                    break;
                }
            }
            boolean address = introduced
                    ? end - i >= 2 && (number || street)
                    : street
                            && end - i >= 3
                            && SpokenNumbers.piece(words, i) != null
                            && !words.get(end - 1).equals("way");
            return address ? found(PiiType.ADDRESS, i, end) : null;
        }

        /**
         * What is said right after a cue, by either speaker ("what's your postcode?" / "it's ..."; "I was born on
         * ..."): the data the cue names, however the recogniser heard it, when enough of it sounds like one (for
         * postcodes and IDs, like digits or letters). It runs from an utterance's first word, or from a number
         * within it, to a pause, the other speaker, another cue or the most words such data takes, and ends at its
         * last word that sounds like data; a number followed by an amount's or a time's unit ends it before.
         */
        private Found cuedUtterance(int i) {
            int start = answerStart(i);
            boolean opens = start == 0 || gaps[start] >= UTTERANCE_GAP || otherSpeakerBetween(start - 1, start);
            if (ANSWER_OPENERS.contains(words.get(i)) || !opens && !partOfNumber(words.get(i))) {
                return null;
            }
            if (start == 0 || all.get(start).start() - all.get(start - 1).end() > CUE_PAUSE) {
                return null;
            }
            List<String> before = words.subList(Math.max(0, start - CUE_REACH), start);
            List<Cue> cues = cuesBefore(Math.max(0, start - CUE_REACH), start, true).stream()
                    .takeWhile(cue -> cue.type().isPresent())
                    .filter(cue ->
                            cue.type().get() != PiiType.NAME && cue.type().get() != PiiType.ADDRESS)
                    .toList();
            if (cues.isEmpty()) {
                return null;
            }
            boolean spelled = cues.getFirst().type().get() == PiiType.POSTCODE
                    || cues.getFirst().type().get() == PiiType.NATIONAL_ID;
            int most = cues.stream().mapToInt(Cue::maxDigits).max().orElseThrow() + 4;
            int[] said = saidAfterCue(i, spelled, most);
            if (said == null) {
                return null;
            }
            List<String> heard = words.subList(i, said[0]);
            int digits = heardDigits(heard);
            // the nearest cue a number this long fits, unless a kind of fixed length fits ("the sort code for that
            // account": six digits are the sort code)
            List<Cue> fitting =
                    cues.stream().filter(c -> c.fits("0".repeat(digits))).toList();
            Cue cue = fitting.stream()
                    .filter(c -> c.minDigits() == c.maxDigits())
                    .findFirst()
                    .or(() -> fitting.stream().findFirst())
                    .orElse(cues.getFirst());
            PiiType type = cue.type().orElseThrow();
            boolean date = type == PiiType.DATE_OF_BIRTH || type == PiiType.EXPIRY_DATE;
            // the answer to a question that just asked for data is that data, however little of it was heard
            boolean direct = cues.getFirst().distance(before) <= DIRECT_ANSWER_WORDS;
            if (!soundsLikeData(heard, spelled, direct, date || digits >= Math.ceil(0.6 * cue.minDigits()))) {
                return null;
            }
            // the rest of a number heard short is its digits misheard
            int end = !date && !spelled && digits < cue.usualDigits() ? Math.min(said[1], said[0] + 3) : said[0];
            return found(type, i, end);
        }

        /**
         * Where what is said from word {@code i} ends: {the end of its last word that sounds like data, the end of
         * the stretch}, or null when nothing in it does or it is only a lead-in to a number after a pause.
         */
        private int[] saidAfterCue(int i, boolean spelled, int most) {
            int last = -1;
            int end = i;
            for (int j = i; j < words.size() && j - i < most; j++) {
                String word = words.get(j);
                boolean paused = j > i && gaps[j] >= UTTERANCE_GAP;
                if (paused && !spelled && last < i && partOfNumber(word)) {
                    return null; // a lead-in ("right, it's"): the data starts after the pause
                }
                // a diarizer that loses track mid-number moves a digit to the other speaker: only a pause ends it
                boolean numberish = partOfNumber(word) || spelled && Vocabulary.LETTERS.contains(word);
                boolean sameSpeaker = !otherSpeakerBetween(j - 1, j);
                boolean continues = j == i
                        || !paused && (sameSpeaker || numberish)
                        || paused && sameSpeaker && !spelled && gaps[j] < 1.5 && partOfNumber(word);
                if (!continues || j > i && startsCue(j)) {
                    break;
                }
                if (unitOfNumber(i, j)) {
                    while (last >= i && (partOfNumber(words.get(last)) || AMOUNT_GLUE.contains(words.get(last)))) {
                        last--; // the amount or the time is no part of the data
                    }
                    end = last + 1;
                    break;
                }
                end = j + 1;
                boolean glue = AMOUNT_GLUE.contains(word) && j + 1 < words.size() && partOfNumber(words.get(j + 1));
                if (spelled || partOfNumber(word) && !NumberWords.MISHEARD.containsKey(word) || last >= i && glue) {
                    last = j;
                }
            }
            return last < i ? null : new int[] {last + 1, end};
        }

        /**
         * Whether word {@code j} is the unit of a number said from word {@code from} on and ending one or two words
         * before it: "twelve dollars", "three to five working days", "three thirty this afternoon".
         */
        private boolean unitOfNumber(int from, int j) {
            for (int end = j; end >= Math.max(from + 1, j - 1); end--) {
                if (!partOfNumber(words.get(end - 1))) {
                    continue;
                }
                int start = end;
                while (start > from
                        && (partOfNumber(words.get(start - 1)) || AMOUNT_GLUE.contains(words.get(start - 1)))) {
                    start--;
                }
                if (counts(words.get(j), words.subList(start, end))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether the words heard sound like the data asked for: for a spelled code, any letter or digit; right
         * after a question, a number word or two digit-like words; else a number word, a third of the words like
         * digits, and enough digits.
         */
        private static boolean soundsLikeData(List<String> heard, boolean spelled, boolean direct, boolean enough) {
            if (spelled) {
                return heard.stream().anyMatch(w -> partOfNumber(w) || Vocabulary.LETTERS.contains(w));
            }
            long real = heard.stream()
                    .filter(w ->
                            SpokenNumbers.isNumberWord(w) || Vocabulary.MONTHS.contains(w) || Vocabulary.ordinal(w) > 0)
                    .count();
            long numberLike = heard.stream().filter(PiiFinder::partOfNumber).count();
            return direct ? real >= 1 || numberLike >= 2 : real >= 1 && 3 * numberLike >= heard.size() && enough;
        }

        /** Whether a cue's phrase starts at word {@code j}. */
        private boolean startsCue(int j) {
            return Cue.ALL.stream().anyMatch(cue -> cue.startsAt(words, j));
        }

        /**
         * The answer to the other speaker asking for a number ("and the security code?"): the answer is redacted
         * from its first to its last digit-like word, misheard digits and all, however few digits were recognised.
         */
        private Found answer(int i) {
            if (!partOfNumber(words.get(i)) || !opensAnswer(i)) {
                return null;
            }
            List<Cue> asked = nearest(question(i));
            Optional<PiiType> type =
                    asked.isEmpty() ? Optional.empty() : asked.getFirst().type();
            if (type.isEmpty() || type.get() == PiiType.NAME || type.get() == PiiType.ADDRESS) {
                return null;
            }
            int last = i;
            int digitLike = 0;
            // the answer ends at a pause, at the other speaker, or after three words that are no part of a number
            for (int j = i;
                    j < words.size()
                            && j - last <= 3
                            && (j == i
                                    || gaps[j] < 1.5
                                            && !otherSpeakerBetween(j - 1, j)
                                            && (gaps[j] < UTTERANCE_GAP || partOfNumber(words.get(j))));
                    j++) {
                if (partOfNumber(words.get(j))) {
                    last = j;
                    digitLike += SpokenNumbers.isDigitLike(words.get(j)) ? 1 : 0;
                }
            }
            boolean amount = countsSomething(i, last + 1);
            return digitLike >= 2 && !amount ? found(type.get(), i, last + 1) : null;
        }

        /** A number or a date whose kind the words before it say. */
        private Found cued(int i) {
            if (!SpokenNumbers.isNumberWord(words.get(i))
                    && Vocabulary.ordinal(words.get(i)) == 0
                    && !Vocabulary.MONTHS.contains(words.get(i))
                    && !Vocabulary.LETTERS.contains(words.get(i))) {
                return null;
            }
            List<Cue> cues = cuesBefore(firstFrom(all.get(i).start() - CONTEXT_SECONDS), i, false);
            Optional<PiiType> first =
                    cues.isEmpty() ? Optional.empty() : cues.getFirst().type();
            if (first.filter(t -> t == PiiType.DATE_OF_BIRTH || t == PiiType.EXPIRY_DATE)
                    .isPresent()) {
                int end = dateEnd(i);
                if (end > i) {
                    return found(first.get(), i, end);
                }
            }
            if (first.filter(t -> t == PiiType.POSTCODE || t == PiiType.NATIONAL_ID)
                    .isPresent()) {
                int end = codeEnd(i);
                if (end > i) {
                    return found(first.get(), i, end);
                }
            }
            SpokenNumbers.Said said = SpokenNumbers.run(words, gaps, i);
            if (said == null || cues.stream().noneMatch(cue -> cue.fits(said.digits())) && !luhn(said)) {
                Found loose = loose(i, cues);
                if (loose != null || said == null) {
                    return loose;
                }
            }
            String digits = said.digits();
            boolean card = digits.length() >= 13 && digits.length() <= 19 && SpokenNumbers.luhn(digits);
            if (!card && countsSomething(i, said.to())) {
                return new Found(Optional.empty(), i, said.to());
            }
            for (Cue cue : cues) {
                if (cue.fits(digits)) {
                    return new Found(cue.type(), i, said.to());
                }
            }
            if (card || digits.length() >= 13 && digits.length() <= 19) {
                return found(PiiType.CARD_NUMBER, i, said.to()); // no other number is that long and personal
            }
            boolean phone = digits.length() == 10 || digits.length() == 11 && "01".indexOf(digits.charAt(0)) >= 0;
            return new Found(phone ? Optional.of(PiiType.PHONE_NUMBER) : Optional.empty(), i, said.to());
        }

        /**
         * A number the nearest cue expects, read loosely: misheard digits count and the length may fall short by
         * the digits a recogniser drops.
         */
        private Found loose(int i, List<Cue> cues) {
            if (cues.isEmpty() || cues.getFirst().type().isEmpty()) {
                return null;
            }
            Cue cue = cues.getFirst();
            SpokenNumbers.Said said = SpokenNumbers.looseRun(words, gaps, i, cue.usualDigits());
            return said != null
                            && said.digits().length() >= Math.max(3, cue.minDigits() * 0.6)
                            && !countsSomething(i, said.to())
                    ? new Found(cue.type(), i, said.to())
                    : null;
        }

        private static boolean luhn(SpokenNumbers.Said said) {
            return said.digits().length() >= 13 && said.digits().length() <= 19 && SpokenNumbers.luhn(said.digits());
        }

        /**
         * Whether a unit follows the number said by words {@code [from, at)}: "four hundred dollars", "three to five
         * working days", or a time of day after a short one: "three thirty this afternoon".
         */
        private boolean countsSomething(int from, int at) {
            for (int j = at; j < Math.min(words.size(), at + 2); j++) {
                if (counts(words.get(j), words.subList(from, at))) {
                    return true;
                }
            }
            return false;
        }

        /** "the twelfth of june nineteen seventy nine", "oh nine twenty seven", "march third". */
        private int dateEnd(int i) {
            int j = i;
            int last = -1;
            int digits = 0;
            boolean named = false;
            while (j < words.size() && j - i < 10 && (j == i || gaps[j] < 1.5)) {
                String word = words.get(j);
                int ordinal = ordinalLength(j);
                SpokenNumbers.Said piece = ordinal > 0 ? null : SpokenNumbers.piece(words, j);
                if (Vocabulary.MONTHS.contains(word)) {
                    named = true;
                    last = j++;
                } else if (ordinal > 0) {
                    named = true;
                    j += ordinal;
                    last = j - 1;
                } else if (piece != null) {
                    digits += piece.digits().length();
                    j = piece.to();
                    last = j - 1;
                } else if (j > i && (word.equals("the") || word.equals("of") || word.equals("slash"))) {
                    j++;
                } else {
                    break;
                }
            }
            return last >= i && (named || digits >= 3) ? last + 1 : i;
        }

        /** 1 for "third", 2 for "twenty third", 0 when no ordinal starts at {@code j}. */
        private int ordinalLength(int j) {
            if (Vocabulary.ordinal(words.get(j)) > 0) {
                return 1;
            }
            boolean tens = words.get(j).equals("twenty") || words.get(j).equals("thirty");
            return tens && j + 1 < words.size() && Vocabulary.ordinal(words.get(j + 1)) > 0 ? 2 : 0;
        }

        /** A spelled code of letters and digits ("s w one a one a a"): at least four pieces, both kinds. */
        private int codeEnd(int i) {
            int j = i;
            int letters = 0;
            int digits = 0;
            while (j < words.size() && (j == i || gaps[j] < 1.5)) {
                SpokenNumbers.Said piece = SpokenNumbers.piece(words, j);
                if (piece != null) {
                    digits++;
                    j = piece.to();
                } else if (Vocabulary.LETTERS.contains(words.get(j))) {
                    letters++;
                    j++;
                } else {
                    break;
                }
            }
            return letters > 0 && digits > 0 && letters + digits >= 4 ? j : i;
        }

        /** Whether the words just before {@code i}, in one breath, are one of the phrases. */
        private boolean follows(int i, List<List<String>> phrases) {
            for (List<String> phrase : phrases) {
                int start = i - phrase.size();
                if (start >= 0 && said(words.subList(start, i), phrase) && gaps[i] < 1.5) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the words say the phrase, "two" heard for its "to" ("please send it two"). */
        private static boolean said(List<String> heard, List<String> phrase) {
            for (int k = 0; k < phrase.size(); k++) {
                String word = heard.get(k);
                if (!word.equals(phrase.get(k))
                        && !(word.equals("two") && phrase.get(k).equals("to"))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether {@code i} opens this speaker's answer to the other speaker asking for one of the phrases. */
        private boolean answers(int i, List<List<String>> questions) {
            if (!opensAnswer(i)) {
                return false;
            }
            List<String> asked = question(i);
            return questions.stream().anyMatch(q -> java.util.Collections.indexOfSubList(asked, q) >= 0);
        }

        /** Whether {@code i} is the first word of an utterance, but for words said before any answer ("yes, it's"). */
        private boolean opensAnswer(int i) {
            int start = answerStart(i);
            return start == 0 || gaps[start] >= UTTERANCE_GAP || otherSpeakerBetween(start - 1, start);
        }

        /** Where the utterance holding {@code i} begins, counting words said before any answer ("yes, it's"). */
        private int answerStart(int i) {
            int start = i;
            while (start > 0 && gaps[start] < UTTERANCE_GAP && ANSWER_OPENERS.contains(words.get(start - 1))) {
                start--;
            }
            return start;
        }

        private boolean otherSpeakerBetween(int previous, int next) {
            return !all.get(previous).speaker().equals(all.get(next).speaker());
        }

        /** The last words the other speaker said in the seconds before the answer that opens at {@code i}. */
        private List<String> question(int i) {
            int start = answerStart(i);
            List<String> asked = new ArrayList<>();
            for (int k = firstFrom(all.get(start).start() - 8); k < start; k++) {
                if (!all.get(k).speaker().equals(all.get(start).speaker())) {
                    asked.add(words.get(k));
                }
            }
            return asked.subList(Math.max(0, asked.size() - 12), asked.size());
        }

        /**
         * The cues said in words {@code [from, to)}, within their reach and not yet answered, nearest first.
         *
         * @param oneAnswer whether any data of its kind found after it answers a cue (what an utterance says); else
         *                  only a whole number or talk that has moved on does (a number read out may go on)
         */
        private List<Cue> cuesBefore(int from, int to, boolean oneAnswer) {
            List<String> context = words.subList(from, to);
            return Cue.ALL.stream()
                    .map(cue -> new Near(cue, cue.distance(context)))
                    .filter(near -> near.distance() <= near.cue().reach()
                            && !answered(near.cue(), to - near.distance(), to, oneAnswer))
                    .sorted(Comparator.comparingInt(Near::distance))
                    .map(Near::cue)
                    .toList();
        }

        /**
         * Whether data of the cue's kind was found after the cue's last word {@code at} and answered it: any such
         * data where one answer is enough; else data that was whole, or was followed by more than a few words
         * outside any data before word {@code now}: the talk has moved on ("your order number is ..." after the
         * card number was given), while a number finished after a short aside still belongs.
         */
        private boolean answered(Cue cue, int at, int now, boolean oneAnswer) {
            int aside = 0;
            int after = now;
            for (Found earlier : foundSoFar.reversed()) {
                if (earlier.to() > now) {
                    continue;
                }
                if (earlier.from() <= at) {
                    return false;
                }
                aside += after - earlier.to();
                after = earlier.from();
                if (earlier.type().equals(cue.type())) {
                    return oneAnswer
                            || aside > MOVED_ON_WORDS
                            || heardDigits(words.subList(earlier.from(), earlier.to())) >= cue.usualDigits();
                }
            }
            return false;
        }

        /** The first word starting at or after {@code time} (the words are in time order). */
        private int firstFrom(double time) {
            int low = 0;
            int high = all.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (all.get(middle).start() < time) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }

    /** A digit (perhaps misheard), a month, an ordinal or a spelled letter. */
    private static boolean partOfNumber(String word) {
        return SpokenNumbers.isDigitLike(word)
                || Vocabulary.MONTHS.contains(word)
                || Vocabulary.ordinal(word) > 0
                || Vocabulary.LETTERS.contains(word) && word.length() == 1 && !word.equals("a") && !word.equals("i");
    }

    /** The digits the words say, misheard digits ("for", "to") counted. */
    /**
     * Whether {@code word}, said after {@code number}, says what the number counts: a unit, or a time of day after a
     * short number.
     */
    private static boolean counts(String word, List<String> number) {
        return Vocabulary.UNITS.contains(word)
                || Vocabulary.TIMES_OF_DAY.contains(word) && heardDigits(number) <= TIME_DIGITS;
    }

    private static int heardDigits(List<String> words) {
        return NumberWords.digits(words)
                + (int) words.stream().filter(NumberWords.MISHEARD::containsKey).count();
    }

    private record Near(Cue cue, int distance) {}

    /** The cues found in the context within their reach, nearest first. */
    private static List<Cue> nearest(List<String> context) {
        return Cue.ALL.stream()
                .map(cue -> new Near(cue, cue.distance(context)))
                .filter(near -> near.distance() <= near.cue().reach())
                .sorted(Comparator.comparingInt(Near::distance))
                .map(Near::cue)
                .toList();
    }

    private static Found found(PiiType type, int from, int to) {
        return new Found(Optional.of(type), from, to);
    }
}
