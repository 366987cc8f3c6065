package io.callintel.classify.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Open questions typed by what they ask, and the fact taken out of the answering sentence. */
class AnswerTypeTest {

    @Test
    void questionsAreTypedByHowTheyOpen() {
        assertEquals(AnswerType.TIME, AnswerType.of("When will the customer pay?"));
        assertEquals(AnswerType.TIME, AnswerType.of("What day is the appointment?"));
        assertEquals(AnswerType.AMOUNT, AnswerType.of("How much does the customer owe?"));
        assertEquals(AnswerType.AMOUNT, AnswerType.of("What salary does the candidate expect?"));
        assertEquals(AnswerType.REASON, AnswerType.of("Why does the customer want to cancel?"));
        assertEquals(AnswerType.REASON, AnswerType.of("What is the reason for the complaint?"));
        assertEquals(AnswerType.NAME, AnswerType.of("Who did the customer speak to before?"));
        assertEquals(AnswerType.NAME, AnswerType.of("What is the customer's name?"));
        assertEquals(AnswerType.ANY, AnswerType.of("What was damaged?"));
    }

    @Test
    void timesAreThePhrasesThatSayWhen() {
        assertEquals("on friday", AnswerType.TIME.fact("I get paid on Friday, so I can pay the whole thing then."));
        assertEquals(
                "on the fifteenth; at the end of the month",
                AnswerType.TIME.fact(
                        "i can send four hundred and fifty on the fifteenth and the rest at the end of the month"));
        assertEquals("in two weeks", AnswerType.TIME.fact("I could start in two weeks"));
        assertEquals("at two thirty", AnswerType.TIME.fact("see you at two thirty then"));
        assertEquals("next tuesday morning", AnswerType.TIME.fact("how about next tuesday morning"));
        assertEquals("", AnswerType.TIME.fact("good morning, I want fifty of them"), "a greeting says no time");
    }

    @Test
    void amountsKeepTheirCurrencyAndPeriod() {
        assertEquals(
                "four hundred and fifty", AnswerType.AMOUNT.fact("i can send four hundred and fifty on the fifteenth"));
        assertEquals("sixty thousand a year", AnswerType.AMOUNT.fact("I'm looking for sixty thousand a year."));
        assertEquals("twelve hundred dollars", AnswerType.AMOUNT.fact("It came to twelve hundred dollars"));
        assertEquals("", AnswerType.AMOUNT.fact("the one I have is fine"), "'one' alone is no amount");
    }

    @Test
    void reasonsAreTheClauseAfterTheirMarkerOrTheWholeSentence() {
        assertEquals(
                "it costs too much now", AnswerType.REASON.fact("I want to cancel because it costs too much now."));
        assertEquals("I lost my job", AnswerType.REASON.fact("I lost my job."));
    }

    @Test
    void namesFollowTheirCue() {
        assertEquals("dana", AnswerType.NAME.fact("Hi, my name is Dana from Apex."));
        assertEquals("mark", AnswerType.NAME.fact("I spoke to Mark last week"));
        assertEquals("", AnswerType.NAME.fact("this is about my bill"));
    }

    @Test
    void aSentenceFitsWhenItHoldsTheWantedKind() {
        assertTrue(AnswerType.TIME.fits("we can do it within two days"));
        assertFalse(AnswerType.TIME.fits("good morning, how are you"));
        assertTrue(AnswerType.AMOUNT.fits("about fifty dollars"));
        assertFalse(AnswerType.ANY.fits("okay"));
        assertFalse(AnswerType.TIME.fits("okay when did this happen"), "a question answers nothing");
        assertFalse(AnswerType.ANY.fits("could you give me the claim reference"));
        assertTrue(AnswerType.TIME.fits("it was last night"));
        assertTrue(AnswerType.TIME.fits("can i pay on the first of may"));
        assertFalse(AnswerType.TIME.fits("thank you, may i help with anything else"), "'may' the verb is no month");
    }
}
