package io.callintel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogues;
import io.callintel.testing.LabelledCalls;
import io.callintel.testing.PiiCalls;
import io.callintel.testing.ReferenceTurn;
import io.callintel.testing.SynthesizedCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A two-channel call of the labelled PII set in which the customer reads out a card number, for the redaction tests.
 *
 * @param card the turn in which the number is said
 */
record CardCall(SynthesizedCall audio, ReferenceTurn card) {

    static CardCall write(Path directory) {
        PiiCalls.Call call = PiiCalls.of(LabelledCalls.Split.TUNING).stream()
                .filter(c -> c.dialogue().name().equals("pii-tuning-10"))
                .findFirst()
                .orElseThrow();
        if (!call.entities().getFirst().type().equals("CARD_NUMBER")) {
            throw new IllegalStateException("pii-tuning-10 no longer starts with a card number");
        }
        SynthesizedCall audio = Dialogues.generate(call.dialogue(), CallFormat.STEREO_16K, directory);
        return new CardCall(audio, audio.turns().get(call.entities().getFirst().line()));
    }

    /** The words of an API transcript heard while the card number was said. */
    List<String> wordsDuringCard(JsonNode transcript) {
        List<String> words = new ArrayList<>();
        for (JsonNode word : transcript.path("words")) {
            double middle = (word.path("start").asDouble() + word.path("end").asDouble()) / 2;
            if (middle >= card.start() && middle <= card.end()) {
                words.add(word.path("word").asText());
            }
        }
        return words;
    }
}
