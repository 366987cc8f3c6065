package io.callintel.classify.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.analytics.QuestionAnswer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two small models learned from corrected calls, on the method's judgements as numbers. */
class LearnedCorrectionsTest {

    private static final String Q = "Did the agent explain the role? (Yes/No)";

    @Test
    void aBucketTheMethodScoresLowOnItsOwnCallsGainsWhatItNeeds() {
        // Both calls a person put in Passive scored a little under Declined: the method undervalues Passive here.
        List<LearnedCorrections.Judged> calls = List.of(
                bucket("Passive", Map.of("Passive", 0.40, "Declined", 0.48)),
                bucket("Passive", Map.of("Passive", 0.42, "Declined", 0.47)),
                bucket("Declined", Map.of("Passive", 0.30, "Declined", 0.80)));
        LearnedCorrections learned = LearnedCorrections.learn(calls);

        Map<String, Double> biased = learned.biased(Map.of("Passive", 0.41, "Declined", 0.46));
        assertTrue(biased.get("Passive") > biased.get("Declined"), biased.toString());
        // ...but the bias stays small: a call plainly in Declined stays there.
        Map<String, Double> plain = learned.biased(Map.of("Passive", 0.30, "Declined", 0.75));
        assertTrue(plain.get("Declined") > plain.get("Passive"), plain.toString());
    }

    @Test
    void callsTheMethodAlreadyGetsRightLeaveTheScoresAsTheyAre() {
        List<LearnedCorrections.Judged> calls = List.of(
                bucket("Passive", Map.of("Passive", 0.9, "Declined", 0.2)),
                bucket("Declined", Map.of("Passive", 0.2, "Declined", 0.9)));
        Map<String, Double> biased = LearnedCorrections.learn(calls).biased(Map.of("Passive", 0.5, "Declined", 0.5));
        assertEquals(biased.get("Passive"), biased.get("Declined"), 1e-3);
    }

    @Test
    void anAnswerContradictedOftenEnoughIsChangedUpToTheConfidenceItWasWrongAt() {
        List<LearnedCorrections.Judged> calls = List.of(
                answer(QuestionAnswer.NO, 0.70, QuestionAnswer.YES),
                answer(QuestionAnswer.NO, 0.62, QuestionAnswer.YES),
                answer(QuestionAnswer.NO, 0.80, QuestionAnswer.YES),
                answer(QuestionAnswer.YES, 0.90, QuestionAnswer.YES));
        LearnedCorrections learned = LearnedCorrections.learn(calls);

        assertEquals(
                QuestionAnswer.YES,
                learned.corrected(given(QuestionAnswer.NO, 0.75)).answer());
        assertEquals(
                QuestionAnswer.NO,
                learned.corrected(given(QuestionAnswer.NO, 0.95)).answer());
        assertEquals(
                QuestionAnswer.YES,
                learned.corrected(given(QuestionAnswer.YES, 0.60)).answer());
    }

    @Test
    void oneContradictionIsNotEnough() {
        List<LearnedCorrections.Judged> calls = List.of(
                answer(QuestionAnswer.NO, 0.70, QuestionAnswer.YES),
                answer(QuestionAnswer.NO, 0.70, QuestionAnswer.NO));
        LearnedCorrections learned = LearnedCorrections.learn(calls);
        assertEquals(
                QuestionAnswer.NO,
                learned.corrected(given(QuestionAnswer.NO, 0.6)).answer());
    }

    @Test
    void openAnswersAreSentencesOfTheirOwnCallAndAreNotCarriedOver() {
        List<LearnedCorrections.Judged> calls =
                List.of(answer("", 0, "next monday"), answer("", 0, "next monday"), answer("", 0, "next monday"));
        LearnedCorrections learned = LearnedCorrections.learn(calls);
        assertEquals("", learned.corrected(given("", 0)).answer());
    }

    private static LearnedCorrections.Judged bucket(String right, Map<String, Double> scores) {
        return new LearnedCorrections.Judged(scores, Map.of(), right, Map.of());
    }

    private static LearnedCorrections.Judged answer(String given, double confidence, String right) {
        return new LearnedCorrections.Judged(Map.of(), Map.of(Q, given(given, confidence)), null, Map.of(Q, right));
    }

    private static QuestionAnswer given(String answer, double confidence) {
        return new QuestionAnswer(Q, answer, confidence, List.of());
    }
}
