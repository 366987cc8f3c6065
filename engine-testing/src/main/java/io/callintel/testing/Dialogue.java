package io.callintel.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scripted call: who says what, in order. Speaker 0 is the agent and 1 the customer unless
 * {@link #voices} says otherwise; the first line may belong to either.
 *
 * @param name   short identifier, also used in file names and to vary the pauses between lines
 * @param voices the voice of each speaker index
 * @param lines  the turns in order; consecutive lines are separated by a 0.3-1.0 s pause
 */
public record Dialogue(String name, List<Voice> voices, List<Line> lines) {

    /** One turn of the script. */
    public record Line(int speaker, String text) {
        public Line {
            Objects.requireNonNull(text, "text");
            if (speaker < 0) {
                throw new IllegalArgumentException("speaker must be >= 0");
            }
        }
    }

    public Dialogue {
        voices = List.copyOf(voices);
        lines = List.copyOf(lines);
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("name must be [a-z0-9-]+ (used in file names): " + name);
        }
        for (Line line : lines) {
            if (line.speaker() >= voices.size()) {
                throw new IllegalArgumentException(name + ": no voice for speaker " + line.speaker());
            }
        }
    }

    /** Starts a two-party call script with the standard agent and customer voices. */
    public static Builder call(String name) {
        return new Builder(name, Voice.CALL);
    }

    /** A script with its own voices, one per speaker index: {@code Dialogue.with("x", a, b, c).line(2, "...")}. */
    public static Builder with(String name, Voice... voices) {
        return new Builder(name, List.of(voices));
    }

    /** The same lines spoken by other voices, under another name. */
    public Dialogue withVoices(String newName, Voice... newVoices) {
        return new Dialogue(newName, List.of(newVoices), lines);
    }

    /** The number of distinct speakers that actually talk. */
    public int speakerCount() {
        return (int) lines.stream().mapToInt(Line::speaker).distinct().count();
    }

    /** Collects lines in order: {@code Dialogue.call("x").agent("...").customer("...").build()}. */
    public static final class Builder {
        private final String name;
        private final List<Voice> voices;
        private final List<Line> lines = new ArrayList<>();

        Builder(String name, List<Voice> voices) {
            this.name = name;
            this.voices = voices;
        }

        public Builder agent(String text) {
            return line(0, text);
        }

        public Builder customer(String text) {
            return line(1, text);
        }

        public Builder line(int speaker, String text) {
            lines.add(new Line(speaker, text));
            return this;
        }

        public Dialogue build() {
            return new Dialogue(name, voices, lines);
        }
    }
}
