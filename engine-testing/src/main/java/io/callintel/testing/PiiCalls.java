package io.callintel.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The labelled redaction set: scripted calls in which personal data is said in many spoken forms, beside numbers
 * that are not personal, split once into a tuning half and a held-out half whose phrasings tuning never saw
 * ({@code pii/pii.calls}, written by {@code engine-testing/pii-calls.py}); a second held-out set with phrasings and
 * voices of its own ({@link #fresh()}), and a second tuning set that joins the tuning half. A line that says
 * personal data says nothing else, so its time in the rendered call ({@link SynthesizedCall#turns()}) is the data's
 * time.
 */
public final class PiiCalls {

    /** Line {@code line} of the call says personal data of the kind named ({@code CARD_NUMBER}, ...). */
    public record Entity(int line, String type) {}

    /**
     * @param fresh whether the call belongs to the second held-out set, whose phrasings, distractors and voices were
     *              written after tuning had ended ({@link #fresh()})
     */
    public record Call(Dialogue dialogue, LabelledCalls.Split split, boolean fresh, List<Entity> entities) {}

    private static final List<Call> ALL = parse(text());

    private PiiCalls() {}

    /** The calls of one half of the first set. */
    public static List<Call> of(LabelledCalls.Split split) {
        return ALL.stream()
                .filter(call -> !call.fresh() && call.split() == split)
                .toList();
    }

    /** The second held-out set: phrasings, numbers that are not personal and voices that neither half has. */
    public static List<Call> fresh() {
        return ALL.stream().filter(Call::fresh).toList();
    }

    static List<Call> parse(String text) {
        List<Call> calls = new ArrayList<>();
        String name = null;
        LabelledCalls.Split split = null;
        List<Voice> voices = null;
        boolean fresh = false;
        List<Dialogue.Line> lines = new ArrayList<>();
        List<Entity> entities = new ArrayList<>();
        for (String raw : (text + "\n\n").split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (name != null) {
                    calls.add(new Call(new Dialogue(name, voices, lines), split, fresh, entities));
                }
                name = null;
                fresh = false;
                lines = new ArrayList<>();
                entities = new ArrayList<>();
                continue;
            }
            String key = line.substring(0, line.indexOf(':')).strip();
            String value = line.substring(line.indexOf(':') + 1).strip();
            switch (key) {
                case "call" -> name = value;
                case "split" ->
                    split = LabelledCalls.Split.valueOf(
                            value.toUpperCase(Locale.ROOT).replace('-', '_'));
                case "set" -> fresh = value.equals("fresh");
                case "voices" ->
                    voices = Arrays.stream(value.split("\\|")).map(Voice::parse).toList();
                case "A", "C" -> {
                    if (value.startsWith("{")) {
                        entities.add(new Entity(lines.size(), value.substring(1, value.indexOf('}'))));
                        value = value.substring(value.indexOf('}') + 1).strip();
                    }
                    lines.add(new Dialogue.Line(key.equals("A") ? 0 : 1, value));
                }
                default -> throw new IllegalArgumentException("pii.calls: unknown key '" + key + "' in: " + raw);
            }
        }
        return List.copyOf(calls);
    }

    private static String text() {
        try (InputStream in = PiiCalls.class.getResourceAsStream("pii/pii.calls")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
