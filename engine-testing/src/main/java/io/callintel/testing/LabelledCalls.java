package io.callintel.testing;

import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Speaker;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Turn;
import io.callintel.core.transcript.Word;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.BucketDefinition;
import io.callintel.core.usecase.QuestionDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The labelled evaluation set of questions and buckets: use cases from several domains, each with calls a
 * person has labelled, read from {@code io/callintel/testing/calls/*.calls} (the format is described in
 * {@code calls/README.md}). Every call belongs once and for all to the tuning half or the held-out half.
 *
 * <pre>{@code
 * for (LabelledCalls.Call call : LabelledCalls.all()) {
 *     SynthesizedCall audio = Dialogues.generate(call.dialogue(), CallFormat.MONO_16K, directory);
 *     ... analyse with call.useCase().config(), compare with call.expected() and call.bucket()
 * }
 * }</pre>
 */
public final class LabelledCalls {

    /** The use cases, in order; each is one file. */
    static final List<String> USE_CASES = List.of(
            "loans", "support", "appointments", "collections", "insurance-claims", "retention", "surveys", "screening");

    public enum Split {
        TUNING,
        HELD_OUT
    }

    public record UseCase(String name, AnalysisConfig config) {}

    /**
     * What a person says the answer to one question is.
     *
     * @param label    Yes, No or Unclear for a Yes/No question; for an open question, the accepted phrases
     *                 joined by " / ", or "-" where the call does not answer it
     * @param accepted an open question's accepted phrases (lower case, whole words): the answer is right when it
     *                 contains one; empty when the right answer is none. Empty for a Yes/No question.
     * @param open     whether the question is open
     */
    public record Expected(String label, List<String> accepted, boolean open) {

        /** Whether an answer given by the engine is this one. */
        public boolean matches(String answer) {
            if (!open) {
                return label.equalsIgnoreCase(answer);
            }
            if (accepted.isEmpty()) {
                return answer.isEmpty();
            }
            String words = " "
                    + answer.toLowerCase(Locale.ROOT)
                            .replaceAll("[^a-z0-9']+", " ")
                            .trim() + " ";
            return accepted.stream().anyMatch(phrase -> words.contains(" " + phrase + " "));
        }
    }

    /** One labelled call: its script, which half it is in, and the answer per question (in order) and bucket. */
    public record Call(UseCase useCase, Dialogue dialogue, Split split, List<Expected> expected, String bucket) {

        /**
         * The script as a perfect recogniser and diarizer would give it: a segment per line with the script's
         * roles (speaker 0 the agent), timed at 0.35 s a word with 0.6 s between lines. To separate what the
         * analysis gets wrong from what recognition gets wrong.
         */
        public Transcript referenceTranscript() {
            List<Segment> segments = new ArrayList<>();
            List<Word> words = new ArrayList<>();
            List<Turn> turns = new ArrayList<>();
            double at = 0.5;
            for (Dialogue.Line line : dialogue.lines()) {
                String speaker = "S" + line.speaker();
                String text = line.text()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9' ]+", " ")
                        .trim();
                double start = at;
                for (String word : text.split("\\s+")) {
                    words.add(new Word(word, at, at + 0.3, 1.0, speaker));
                    at += 0.35;
                }
                segments.add(new Segment(speaker, role(line.speaker()), start, at, text, 1.0));
                turns.add(new Turn(speaker, start, at));
                at += 0.6;
            }
            List<Speaker> speakers = dialogue.lines().stream()
                    .mapToInt(Dialogue.Line::speaker)
                    .distinct()
                    .sorted()
                    .mapToObj(s -> new Speaker("S" + s, role(s), 0))
                    .toList();
            return new Transcript(at, words, segments, speakers, turns, List.of());
        }

        private static Role role(int speaker) {
            return speaker == 0 ? Role.AGENT : Role.CUSTOMER;
        }
    }

    private static final List<Call> ALL =
            USE_CASES.stream().flatMap(name -> parse(name, text(name)).stream()).toList();

    private LabelledCalls() {}

    /** Every labelled call, use case by use case, in file order. */
    public static List<Call> all() {
        return ALL;
    }

    public static List<Call> of(Split split) {
        return ALL.stream().filter(call -> call.split() == split).toList();
    }

    private static String text(String useCase) {
        try (InputStream in = LabelledCalls.class.getResourceAsStream("calls/" + useCase + ".calls")) {
            if (in == null) {
                throw new IllegalStateException("no labelled calls calls/" + useCase + ".calls");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one use case's file. */
    static List<Call> parse(String useCaseName, String text) {
        List<QuestionDefinition> questions = new ArrayList<>();
        List<Boolean> open = new ArrayList<>();
        List<BucketDefinition> buckets = new ArrayList<>();
        List<CallDraft> drafts = new ArrayList<>();
        CallDraft current = null;
        int number = 0;
        for (String raw : text.split("\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(useCaseName + ".calls line " + number + ": expected 'key: value'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            String where = useCaseName + ".calls line " + number;
            switch (key) {
                case "question" -> {
                    questions.add(QuestionDefinition.of(value));
                    open.add(false);
                }
                case "open" -> {
                    questions.add(QuestionDefinition.of(value));
                    open.add(true);
                }
                case "bucket" -> {
                    if (current == null) {
                        String[] parts = value.split("=", 2);
                        if (parts.length != 2) {
                            throw new IllegalArgumentException(where + ": a bucket is 'Name = description'");
                        }
                        buckets.add(BucketDefinition.of(parts[0].strip(), parts[1].strip()));
                    } else {
                        current.bucket = value;
                    }
                }
                case "call" -> {
                    current = new CallDraft(value, where);
                    drafts.add(current);
                }
                case "split" ->
                    draft(current, where).split =
                            Split.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
                case "voices" ->
                    draft(current, where).voices =
                            Arrays.stream(value.split("\\|")).map(Voice::parse).toList();
                case "A", "C" -> draft(current, where).lines.add(new Dialogue.Line(key.equals("A") ? 0 : 1, value));
                case "answers" ->
                    draft(current, where).answers =
                            Arrays.stream(value.split("\\|")).map(String::strip).toList();
                default -> throw new IllegalArgumentException(where + ": unknown key '" + key + "'");
            }
        }
        UseCase useCase = new UseCase(useCaseName, new AnalysisConfig(questions, buckets));
        List<String> bucketNames = buckets.stream().map(BucketDefinition::name).toList();
        List<Call> calls = new ArrayList<>();
        for (CallDraft draft : drafts) {
            calls.add(draft.toCall(useCase, open, bucketNames));
        }
        return calls;
    }

    private static CallDraft draft(CallDraft current, String where) {
        if (current == null) {
            throw new IllegalArgumentException(where + ": outside a call");
        }
        return current;
    }

    private static final class CallDraft {
        final String name;
        final String where;
        Split split;
        List<Voice> voices = Voice.CALL;
        final List<Dialogue.Line> lines = new ArrayList<>();
        List<String> answers = List.of();
        String bucket;

        CallDraft(String name, String where) {
            this.name = name;
            this.where = where;
        }

        Call toCall(UseCase useCase, List<Boolean> open, List<String> bucketNames) {
            String problem = split == null
                    ? "no split"
                    : bucket == null || !bucketNames.contains(bucket)
                            ? "bucket '" + bucket + "' is not one of " + bucketNames
                            : answers.size() != open.size()
                                    ? answers.size() + " answers for " + open.size() + " questions"
                                    : lines.isEmpty() ? "no lines" : null;
            if (problem != null) {
                throw new IllegalArgumentException("call " + name + " (" + where + "): " + problem);
            }
            List<Expected> expected = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                String label = answers.get(i);
                if (open.get(i)) {
                    List<String> accepted = label.equals("-")
                            ? List.of()
                            : Arrays.stream(label.split("/"))
                                    .map(s -> s.strip().toLowerCase(Locale.ROOT))
                                    .toList();
                    expected.add(new Expected(label, accepted, true));
                } else if (List.of("Yes", "No", "Unclear").contains(label)) {
                    expected.add(new Expected(label, List.of(), false));
                } else {
                    throw new IllegalArgumentException("call " + name + " (" + where + "): answer '" + label
                            + "' to a Yes/No question is not Yes, No or Unclear");
                }
            }
            return new Call(useCase, new Dialogue(name, voices, lines), split, expected, bucket);
        }
    }
}
