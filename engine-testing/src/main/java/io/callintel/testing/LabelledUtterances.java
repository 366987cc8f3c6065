package io.callintel.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Utterances of the labelled calls with the sentiment a person gave each (positive, neutral or negative), split
 * once into a tuning half and a held-out half ({@code sentiment/utterances.tsv}, which says how they were labelled).
 */
public final class LabelledUtterances {

    /** @param speaker "A" for the agent, "C" for the customer */
    public record Utterance(LabelledCalls.Split split, String label, String speaker, String text) {}

    private LabelledUtterances() {}

    public static List<Utterance> of(LabelledCalls.Split split) {
        return all().stream().filter(u -> u.split() == split).toList();
    }

    private static List<Utterance> all() {
        try (InputStream in = LabelledUtterances.class.getResourceAsStream("sentiment/utterances.tsv")) {
            List<Utterance> utterances = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                utterances.add(new Utterance(
                        LabelledCalls.Split.valueOf(
                                fields[0].toUpperCase(Locale.ROOT).replace('-', '_')),
                        fields[1],
                        fields[2],
                        fields[3]));
            }
            return List.copyOf(utterances);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
