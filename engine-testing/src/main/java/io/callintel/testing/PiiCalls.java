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
 * ({@code pii/pii.calls}, written by {@code engine-testing/pii-calls.py}); a second and a third held-out set with
 * phrasings and voices of their own ({@link #fresh()}, {@link #blind()}), and a second tuning set that joins the
 * tuning half. A line that says
 * personal data says nothing else, so its time in the rendered call ({@link SynthesizedCall#turns()}) is the data's
 * time.
 */
public final class PiiCalls {

    /** Line {@code line} of the call says personal data of the kind named ({@code CARD_NUMBER}, ...). */
    public record Entity(int line, String type) {}

    /**
     * @param set the set the call belongs to beyond the first: {@code dev} (a second tuning set), {@code fresh} or
     *            {@code blind} (held-out sets of their own); empty for the first set
     */
    public record Call(Dialogue dialogue, LabelledCalls.Split split, String set, List<Entity> entities) {

        /** Whether the call is in a held-out set of its own rather than a half of the first set. */
        boolean separatelyHeldOut() {
            return split == LabelledCalls.Split.HELD_OUT && !set.isEmpty();
        }
    }

    private static final List<Call> ALL = parse(text());

    private PiiCalls() {}

    /** The calls of one half of the first set (the tuning half with the second tuning set). */
    public static List<Call> of(LabelledCalls.Split split) {
        return ALL.stream()
                .filter(call -> !call.separatelyHeldOut() && call.split() == split)
                .toList();
    }

    /** The second held-out set: phrasings, numbers that are not personal and voices that neither half has. */
    public static List<Call> fresh() {
        return set("fresh");
    }

    /** The third held-out set, written after the third round of tuning: phrasings and voices of its own. */
    public static List<Call> blind() {
        return set("blind");
    }

    private static List<Call> set(String name) {
        return ALL.stream().filter(call -> call.set().equals(name)).toList();
    }

    static List<Call> parse(String text) {
        List<Call> calls = new ArrayList<>();
        String name = null;
        LabelledCalls.Split split = null;
        List<Voice> voices = null;
        String set = "";
        List<Dialogue.Line> lines = new ArrayList<>();
        List<Entity> entities = new ArrayList<>();
        for (String raw : (text + "\n\n").split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (name != null) {
                    calls.add(new Call(new Dialogue(name, voices, lines), split, set, entities));
                }
                name = null;
                set = "";
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
                case "set" -> set = value;
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
