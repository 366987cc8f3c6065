package io.callintel.classify.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.transcript.Role;
import io.callintel.core.usecase.BucketDefinition;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure language cues of the analysis: polarity with negation and hedging, question kinds, bucket stances. */
class LanguageCuesTest {

    @Test
    void negationTurnsInterestIntoRefusal() {
        assertTrue(Polarity.of("yes i am very interested").lean() > 0.5);
        assertTrue(Polarity.of("i am not interested").lean() < -0.5);
        assertTrue(Polarity.of("no thank you").lean() < 0);
        assertTrue(Polarity.of("i don't want it").lean() < 0);
        assertTrue(Polarity.of("not bad at all").lean() > 0, "a negated complaint is mildly positive");
    }

    @Test
    void hedgesAreNotRefusals() {
        Polarity unsure = Polarity.of("maybe i am not sure yet i need to think about it");
        assertTrue(unsure.hedged(), unsure.toString());
        assertEquals(0, unsure.negative(), 1e-9, "'not sure' hedges, it does not refuse");
        assertTrue(Polarity.of("i don't know").hedged());
    }

    @Test
    void noIsAnAnswerOnlyWhereItAnswers() {
        assertTrue(Polarity.of("no i don't want it").negative() >= 2);
        assertEquals(
                0,
                Polarity.of("my television has no sound").negative(),
                1e-9,
                "'no sound' describes, it does not answer");
    }

    @Test
    void topicWordsAreAgreedWithOrDeniedNotReadAsSentiment() {
        Set<String> cancel = ContentWords.topic("cancel the subscription");
        assertTrue(Polarity.of("i want to cancel my subscription", cancel).lean() > 0);
        assertTrue(Polarity.of("no i don't want to cancel", cancel).lean() < 0);
        Set<String> unhappy = ContentWords.topic("the customer is unhappy");
        assertTrue(Polarity.of("i am really not happy", unhappy).lean() < 0, "judging words keep their sentiment");
        assertTrue(Polarity.negatedNear("i do not want an appointment", ContentWords.topic("appointment"), 3));
        assertFalse(Polarity.negatedNear("can i have your phone number", ContentWords.topic("phone number"), 3));
    }

    @Test
    void questionsAreReadForKindAndParty() {
        QuestionKind interested = QuestionKind.of("Is the lead interested in the loan offer? (Yes/No)");
        assertTrue(interested.yesNo());
        assertFalse(interested.occurrence(), "a stance, not an event");
        assertEquals(Optional.of(Role.CUSTOMER), interested.about());
        assertEquals("Is the lead interested in the loan offer?", interested.statement());

        QuestionKind mentioned = QuestionKind.of("Did the agent mention the interest rate?");
        assertTrue(mentioned.yesNo());
        assertTrue(mentioned.occurrence());
        assertEquals(Optional.of(Role.AGENT), mentioned.about());

        QuestionKind open = QuestionKind.of("What loan amount does the lead want?");
        assertFalse(open.yesNo());
        assertEquals(
                Set.of("refund"), ContentWords.withoutActs(ContentWords.topic("Did the customer ask for a refund?")));
    }

    @Test
    void bucketsAreReadForWhatTheyAskOfTheCustomer() {
        assertEquals(
                BucketStance.AFFIRMATIVE,
                BucketStance.of(BucketDefinition.of("Hot Lead", "The lead wants to go ahead with the loan.")));
        assertEquals(
                BucketStance.NEGATED,
                BucketStance.of(BucketDefinition.of("Cold Lead", "The lead is not interested in the loan.")));
        assertEquals(
                BucketStance.HEDGED,
                BucketStance.of(BucketDefinition.of("Warm Lead", "Some interest but undecided, needs more time.")));
        assertEquals(
                BucketStance.UNCERTAIN,
                BucketStance.of(
                        BucketDefinition.of("Not Clear", "If it is not clear whether the lead is interested.")));
        assertEquals(
                BucketStance.NEGATED,
                BucketStance.of(
                        BucketDefinition.of("Unresolved", "The problem was not fixed and the customer is unhappy.")));
    }
}
