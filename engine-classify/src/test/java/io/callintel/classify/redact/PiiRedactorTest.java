package io.callintel.classify.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Speaker;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {

    private final PiiRedactor redactor = new PiiRedactor();

    @Test
    void cardNumbersInEveryForm() {
        assertEquals(
                "C: my card number is [CARD_NUMBER]",
                redact("C: my card number is four five three two one four eight eight oh two nine one double five"
                        + " seven six"));
        assertEquals(
                "A: can i take the long number on the card\nC: [CARD_NUMBER]",
                redact(
                        "A: can i take the long number on the card",
                        "C: forty five thirty two fourteen eighty eight zero two ninety one fifty five seventy six"));
        // Luhn-valid sixteen digits need no cue
        assertEquals(
                "C: it's [CARD_NUMBER] thanks",
                redact("C: it's four five three two one four eight eight zero two"
                        + " nine one five five seven five thanks"));
    }

    @Test
    void aNumberSplitAcrossUtterancesIsOneNumber() {
        assertEquals(
                "A: what's the card number\nC: [CARD_NUMBER]\nA: okay\nC: [CARD_NUMBER]",
                redact(
                        "A: what's the card number",
                        "C: four five three two one four eight eight",
                        "A: okay",
                        "C: zero two nine one five five seven six"));
    }

    @Test
    void securityCodeExpiryAndBankDetails() {
        assertEquals(
                "A: and the expiry date\nC: [EXPIRY_DATE]\nA: and the security code on the back\nC: [CVV]",
                redact(
                        "A: and the expiry date",
                        "C: oh nine twenty seven",
                        "A: and the security code on the back",
                        "C: three one four"));
        assertEquals(
                "C: my sort code is [SORT_CODE] and the account number is [BANK_ACCOUNT]",
                redact("C: my sort code is twenty thirty forty and the account number is one two three four five six"
                        + " seven eight"));
        assertEquals(
                "C: my social security number is [SSN]",
                redact("C: my social security number is one two three four five six seven eight nine"));
    }

    @Test
    void phoneEmailPostcode() {
        assertEquals(
                "C: you can reach me on [PHONE_NUMBER]",
                redact("C: you can reach me on oh seven seven double oh nine one two three four five six"));
        assertEquals("C: it's [EMAIL] thanks", redact("C: it's john dot smith at example dot co dot uk thanks"));
        assertEquals("C: the postcode is [POSTCODE]", redact("C: the postcode is s w one a one a a"));
        assertEquals("C: zip code [POSTCODE]", redact("C: zip code nine oh two one oh"));
    }

    @Test
    void datesOfBirthNamesAndAddresses() {
        assertEquals(
                "A: can you confirm your date of birth\nC: sure it's the [DATE_OF_BIRTH]",
                redact(
                        "A: can you confirm your date of birth",
                        "C: sure it's the twelfth of june nineteen seventy nine"));
        assertEquals(
                "C: hi my name is [NAME] and i'm calling about my bill",
                redact("C: hi my name is sarah connor and i'm calling about my bill"));
        assertEquals("A: hi this is [NAME] from apex recovery", redact("A: hi this is dana from apex recovery"));
        assertEquals(
                "A: could i take your full name please\nC: yes it's [NAME]",
                redact("A: could i take your full name please", "C: yes it's robert mills"));
        assertEquals(
                "C: i live at [ADDRESS] and i moved last year",
                redact("C: i live at twelve oak street springfield and i moved last year"));
    }

    @Test
    void amountsTimesAndReferencesAreLeftAlone() {
        String call = String.join(
                "\n",
                "A: the balance on your card is four hundred and twelve dollars",
                "C: can you call me at three thirty tomorrow",
                "A: your reference number is one two three four five six seven eight nine zero",
                "C: i have had the card for five years and paid twenty twenty four");
        assertEquals(call, redact(call.split("\n")));
        assertEquals("C: oh okay that is one way to do it", redact("C: oh okay that is one way to do it"));
    }

    @Test
    void anAnswerRightAfterItsCueIsRedactedHoweverItWasHeard() {
        // a postcode's letters heard as words, a phone number with a misheard start
        assertEquals(
                "A: what's your postcode\nC: it's [POSTCODE]",
                redact("A: what's your postcode", "C: it's not your won the lottery"));
        assertEquals(
                "A: what's the best phone number to reach you on\nC: [PHONE_NUMBER]",
                redact(
                        "A: what's the best phone number to reach you on",
                        "C: for me seven four five to one nine three oh six"));
        // said by the same speaker: "I was born on", then the date
        assertEquals(
                "C: i was born on\nC: the [DATE_OF_BIRTH]\nC: i've had the account for about twelve years",
                redact(
                        "C: i was born on",
                        "C: the sixteenth of june nineteen fifty two",
                        "C: i've had the account for about twelve years"));
        // an answer that is not data stays
        assertEquals(
                "A: can i take the card number\nC: just a moment let me find it",
                redact("A: can i take the card number", "C: just a moment let me find it"));
    }

    @Test
    void aCueAnsweredReachesNoFurther() {
        assertEquals(
                "A: can i take the long number on the card\nC: [CARD_NUMBER]\nA: thank you"
                        + " your order number is one two three four five six seven eight",
                redact(
                        "A: can i take the long number on the card",
                        "C: four five three two one four eight eight oh two nine one five five seven six",
                        "A: thank you your order number is one two three four five six seven eight"));
        assertEquals(
                "A: the three digit security code on the back\nC: [CVV]\nA: that will take three to five working days",
                redact(
                        "A: the three digit security code on the back",
                        "C: two two five",
                        "A: that will take three to five working days"));
    }

    @Test
    void misheardEmailsAndTitles() {
        assertEquals("C: my email is [EMAIL]", redact("C: my email is emma four of example not org"));
        assertEquals("C: it's [EMAIL]", redact("C: it's j o h n dot smith add gmail dot com"));
        assertEquals("A: thank you mister [NAME] that's all", redact("A: thank you mister garcia that's all"));
        assertEquals(
                "C: can you call me at three thirty this afternoon",
                redact("C: can you call me at three thirty this afternoon"));
        // after a phone number a time of day is no unit
        assertEquals(
                "C: call me back on [PHONE_NUMBER] this afternoon",
                redact("C: call me back on oh seven seven double oh nine one two three four five six this afternoon"));
    }

    @Test
    void aCueHeardAsWordsThatSoundAlike() {
        assertEquals(
                "A: can i take your post count\nC: [POSTCODE]",
                redact("A: can i take your post count", "C: s w one a one a a"));
        assertEquals(
                "A: what's your sorte code\nC: [SORT_CODE]",
                redact("A: what's your sorte code", "C: twenty forty one"));
        // A word the kinds share, heard right, vouches for nothing a sound off: "our numbers" is not "three numbers".
        assertEquals(
                "C: i checked our numbers one two three last week",
                redact("C: i checked our numbers one two three last week"));
        assertTrue(Cue.said(List.of("post", "killed"), List.of("post", "code")));
        assertFalse(Cue.said(List.of("our", "numbers"), List.of("three", "numbers")));
        assertFalse(Cue.said(List.of("reach", "the"), List.of("reach", "you")), "short words must be as they are");
        assertFalse(Cue.said(List.of("lip", "claude"), List.of("zip", "code")), "neither word heard right");
    }

    @Test
    void redactedWordsKeepTheirTimes() {
        Transcript original = transcript("C: my card number is four five three two one four eight eight oh two nine"
                + " one five five seven six");
        Transcript redacted = redactor.redact(original);
        assertEquals(original.words().size(), redacted.words().size());
        for (int i = 0; i < original.words().size(); i++) {
            assertEquals(
                    original.words().get(i).start(), redacted.words().get(i).start());
            assertEquals(original.words().get(i).end(), redacted.words().get(i).end());
        }
        assertEquals("[CARD_NUMBER]", redacted.words().get(4).word());
        assertEquals("is", redacted.words().get(3).word());
    }

    private String redact(String... lines) {
        return redactor.redact(transcript(lines)).segments().stream()
                .map(s -> (s.speaker().equals("SPEAKER_1") ? "A: " : "C: ") + s.text())
                .collect(Collectors.joining("\n"));
    }

    /** "A: ..." and "C: ..." lines, a third of a second a word and a second between lines. */
    static Transcript transcript(String... lines) {
        List<Word> words = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        double time = 0;
        for (String line : lines) {
            String speaker = line.startsWith("A:") ? "SPEAKER_1" : "SPEAKER_2";
            double start = time;
            for (String word : line.substring(2).trim().split(" ")) {
                words.add(new Word(word, time, time + 0.3, 0.9, speaker));
                time += 0.33;
            }
            segments.add(new Segment(
                    speaker,
                    speaker.equals("SPEAKER_1") ? Role.AGENT : Role.CUSTOMER,
                    start,
                    time - 0.03,
                    line.substring(2).trim(),
                    0.9));
            time += 1;
        }
        return new Transcript(
                time,
                words,
                segments,
                List.of(new Speaker("SPEAKER_1", Role.AGENT, -1), new Speaker("SPEAKER_2", Role.CUSTOMER, -1)),
                List.of(),
                List.of());
    }
}
