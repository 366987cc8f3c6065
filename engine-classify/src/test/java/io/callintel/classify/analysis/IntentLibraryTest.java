package io.callintel.classify.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.classify.embed.SentenceEncoder;
import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IntentLibraryTest {

    private static SentenceEncoder encoder;
    private static IntentLibrary library;

    @BeforeAll
    static void load() {
        encoder = SentenceEncoder.load(Path.of("../models/e5-small-v2-q"));
        library = IntentLibrary.load(encoder);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    private static List<String> match(String text, Role party) {
        String proposition = QuestionKind.proposition(text);
        return library.match(encoder.encode(proposition), Negation.negated(proposition), party).stream()
                .map(Intent::name)
                .toList();
    }

    @Test
    void questionsFindTheirIntentWhateverTheUseCaseCallsTheParties() {
        assertEquals(
                "verifies-identity",
                match("Did the agent verify the caller's identity? (Yes/No)", Role.AGENT)
                        .getFirst());
        assertEquals(
                "accepts-offer",
                match("Is the lead interested in the offer? (Yes/No)", Role.CUSTOMER)
                        .getFirst());
        assertEquals(
                "promises-payment",
                match("Did the borrower promise to pay?", Role.CUSTOMER).getFirst());
    }

    @Test
    void aNegatedDescriptionFindsTheOppositeIntent() {
        assertEquals(
                "declines-offer",
                match("The lead is not interested in the loan.", null).getFirst());
        assertEquals(
                "accepts-offer",
                match("The lead is interested and wants to go ahead.", null).getFirst());
    }

    @Test
    void aStatementNoIntentMeansFindsNone() {
        assertTrue(match("The weather in the north of the country", null).isEmpty());
    }

    @Test
    void theLibraryNamesEveryOppositeItHas() {
        var drafts = IntentLibrary.parse("intent: a\nparty: agent\nmeans: A.\n- a\n");
        assertEquals(1, drafts.size());
        var error = assertThrows(IllegalStateException.class, () -> IntentLibrary.parse("intent: b\nparty: agent\n"));
        assertTrue(error.getMessage().contains("intent b"), error.getMessage());
        assertThrows(IllegalStateException.class, () -> IntentLibrary.parse("colour: red\n"));
    }

    @Test
    void longTurnsAreAlsoReadInWindows() {
        Segment turn = new Segment(
                "S0", Role.AGENT, 1, 9, "one two three four five six seven eight nine ten eleven twelve", 1);
        List<Unit> windows = Unit.windows(turn, 10, 5);
        assertEquals(2, windows.size());
        assertEquals("six seven eight nine ten eleven twelve", windows.get(1).text());
        assertTrue(Unit.windows(new Segment("S0", Role.AGENT, 1, 2, "short turn", 1), 10, 5)
                .isEmpty());
    }
}
