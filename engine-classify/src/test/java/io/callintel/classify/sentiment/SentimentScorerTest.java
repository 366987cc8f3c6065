package io.callintel.classify.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.transcript.Sentiment.Label;
import org.junit.jupiter.api.Test;

class SentimentScorerTest {

    private final SentimentScorer scorer = SentimentScorer.load();

    @Test
    void labelsFromThePublishedLexicon() {
        assertEquals(Label.POSITIVE, scorer.score("thank you that's perfect").label());
        assertEquals(
                Label.NEGATIVE,
                scorer.score("this is terrible and nobody helped me").label());
        assertEquals(
                Label.NEUTRAL,
                scorer.score("my account number is on the letter").label());
        assertEquals(Label.NEUTRAL, scorer.score("").label());
    }

    @Test
    void negationBoostersAndButTurnTheScore() {
        double good = scorer.score("the service was good").score();
        assertTrue(scorer.score("the service was not good").score() < 0, "negated");
        assertTrue(scorer.score("the service was really good").score() > good, "boosted");
        assertTrue(scorer.score("the price is fine but the service was awful").score() < 0, "after but counts more");
    }

    @Test
    void redactionTokensCarryNoSentiment() {
        assertEquals(0, scorer.score("[CARD_NUMBER] [CARD_NUMBER]").score());
    }
}
