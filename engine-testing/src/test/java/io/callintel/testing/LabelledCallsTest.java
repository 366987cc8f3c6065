package io.callintel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LabelledCallsTest {

    @Test
    void theSetIsLargeVariedAndSplitOnce() {
        List<LabelledCalls.Call> all = LabelledCalls.all();
        assertTrue(all.size() >= 120, "calls: " + all.size());
        Set<String> useCases = all.stream().map(c -> c.useCase().name()).collect(Collectors.toSet());
        assertEquals(LabelledCalls.USE_CASES.size(), useCases.size());
        assertTrue(useCases.size() >= 8);
        Set<Synthesizer> synthesizers = all.stream()
                .flatMap(c -> c.dialogue().voices().stream())
                .map(Voice::synthesizer)
                .collect(Collectors.toSet());
        assertEquals(Set.of(Synthesizer.values()), synthesizers);
        Set<String> names = new HashSet<>();
        all.forEach(c -> assertTrue(
                names.add(c.dialogue().name()),
                "two calls named " + c.dialogue().name()));
        assertFalse(LabelledCalls.of(LabelledCalls.Split.TUNING).isEmpty());
        assertFalse(LabelledCalls.of(LabelledCalls.Split.HELD_OUT).isEmpty());
    }

    @Test
    void openAnswersMatchAsWholeWords() {
        var expected =
                new LabelledCalls.Expected("friday / end of the month", List.of("friday", "end of the month"), true);
        assertTrue(expected.matches("I can pay on Friday."));
        assertTrue(expected.matches("at the end of the month"));
        assertFalse(expected.matches("fridays"));
        assertTrue(new LabelledCalls.Expected("-", List.of(), true).matches(""));
        assertTrue(new LabelledCalls.Expected("Yes", List.of(), false).matches("Yes"));
    }

    @Test
    void aBrokenFileSaysWhereAndWhat() {
        var error = assertThrows(IllegalArgumentException.class, () -> LabelledCalls.parse("x", """
                question: Is it? (Yes/No)
                bucket: A = a
                call: one
                split: tuning
                A: hello
                answers: Maybe
                bucket: A
                """));
        assertTrue(error.getMessage().contains("call one") && error.getMessage().contains("Maybe"), error.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> LabelledCalls.parse("x", "colour: red\n"));
        assertTrue(unknown.getMessage().contains("line 1"), unknown.getMessage());
    }

    @Test
    void theReferenceTranscriptHasTheScriptsRoles() {
        var call = LabelledCalls.all().getFirst();
        var transcript = call.referenceTranscript();
        assertEquals(call.dialogue().lines().size(), transcript.segments().size());
        assertEquals(
                io.callintel.core.transcript.Role.AGENT,
                transcript.segments().getFirst().role());
    }
}
