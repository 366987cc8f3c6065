package io.callintel.classify.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callintel.classify.embed.SentenceEncoder;
import io.callintel.core.analytics.QuestionAnswer;
import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Speaker;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.QuestionDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Open questions on the real encoder: the answer's type, the fact in it, and what the question takes for granted. */
class OpenQuestionTest {

    private static SentenceEncoder encoder;
    private static CallAnalyzer analyzer;

    @BeforeAll
    static void load() {
        encoder = SentenceEncoder.load(Path.of("../models/e5-small-v2-q"));
        analyzer = new CallAnalyzer(encoder);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void aPromiseWithADayAnswersWhenWithTheDay() {
        QuestionAnswer answer = ask(
                "When will the customer pay?",
                "A: you have a balance of four hundred dollars that is overdue",
                "C: i know i've been meaning to sort that out",
                "A: would you be able to make a payment this week",
                "C: i get paid on friday so i can pay the whole thing then");
        assertEquals("i get paid on friday so i can pay the whole thing then", answer.answer());
        assertEquals("on friday", answer.fact());
    }

    @Test
    void aCallThatNeverPromisesHasNoAnswerToWhenTheCustomerWillPay() {
        QuestionAnswer answer = ask(
                "When will the customer pay?",
                "A: i'm calling about the unpaid bill of two hundred dollars from march",
                "C: that can't be right i closed that account last year and i have the letter to prove it",
                "A: i'll look into it and call you back next week");
        assertEquals("", answer.answer(), "dates are said, but no payment is promised");
        assertEquals("", answer.fact());
    }

    @Test
    void aReasonIsTheClauseAfterBecause() {
        QuestionAnswer answer = ask(
                "Why does the customer want to cancel?",
                "A: how can i help you today",
                "C: i want to cancel my subscription because i'm moving abroad next month",
                "A: i'm sorry to hear that");
        assertEquals("i'm moving abroad next month", answer.fact());
    }

    @Test
    void theAgentsQuestionIsNotTheAnswer() {
        QuestionAnswer answer = ask(
                "When did the incident happen?",
                "C: i need to make a claim my kitchen is flooded",
                "A: i'm sorry to hear that when did this happen",
                "C: last night around eleven");
        assertEquals("last night around eleven", answer.answer());
        assertEquals("last night; eleven", answer.fact());
    }

    private static QuestionAnswer ask(String question, String... lines) {
        List<Segment> segments = new ArrayList<>();
        double at = 0;
        for (String line : lines) {
            Role role = line.startsWith("A:") ? Role.AGENT : Role.CUSTOMER;
            String text = line.substring(2).trim();
            double end = at + 0.3 * text.split(" ").length;
            segments.add(new Segment(role == Role.AGENT ? "S0" : "S1", role, at, end, text, 1.0));
            at = end + 0.5;
        }
        Transcript transcript = new Transcript(
                at,
                List.of(),
                segments,
                List.of(new Speaker("S0", Role.AGENT, -1), new Speaker("S1", Role.CUSTOMER, -1)),
                List.of(),
                List.of());
        return analyzer.analyze(transcript, new AnalysisConfig(List.of(QuestionDefinition.of(question)), List.of()))
                .questions()
                .getFirst();
    }
}
