package io.callintel.classify.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.asr.Transcriber;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.asr.vosk.VoskModel;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.classify.redact.PiiRedactor;
import io.callintel.classify.redact.PiiType;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Word;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogues;
import io.callintel.testing.LabelledCalls.Split;
import io.callintel.testing.PiiCalls;
import io.callintel.testing.ReferenceTurn;
import io.callintel.testing.SynthesizedCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redaction on the labelled set ({@link PiiCalls}), through the real recogniser: each call is rendered, recognised
 * and redacted, and every piece of personal data is looked up by its time. A piece is caught when the redaction
 * tokens cover at least 80% of the words recognised in its time (a card number that leaks three of its sixteen
 * digits leaks no card); precision is the share of redacted words that fall in a labelled piece's time. Prints the
 * scorecard of each half and of the second and third held-out sets ({@link PiiCalls#fresh()},
 * {@link PiiCalls#blind()}); the README reports the held-out ones. Fails when a held-out figure falls under its floor.
 */
class RedactionEvaluationTest {

    /** Word midpoints this close outside a labelled line still belong to it (recognisers blur word edges). */
    private static final double SLACK_SECONDS = 0.15;

    private static final double CAUGHT_SHARE = 0.8;

    @TempDir
    static Path directory;

    private static VoskModel vosk;
    private static Transcriber transcriber;
    private final PiiRedactor redactor = new PiiRedactor();

    @BeforeAll
    static void setUp() {
        vosk = VoskModel.load(Path.of("../models/vosk-model-en-us"));
        transcriber = new Transcriber(new FfmpegAudioDecoder(), vosk, 2);
    }

    @AfterAll
    static void tearDown() {
        transcriber.close();
        vosk.close();
    }

    /** Prints what tuning looks at, misses and all; asserts nothing, so it runs only when asked for. */
    @Test
    @EnabledIfSystemProperty(named = "callintel.eval.tuning", matches = "true")
    void tuningHalf() {
        for (CallFormat format : List.of(CallFormat.MONO_16K, CallFormat.MONO_8K_MULAW)) {
            Score score = score(Split.TUNING, format);
            score.misses.forEach(miss -> System.out.println("  missed " + miss));
            System.out.println(score);
        }
    }

    // The floors sit a little under what the method reached (README); the targets (0.95, 0.90, 0.90) are
    // not met. Over the telephone only card numbers and precision have floors.

    @Test
    void heldOutHalf() {
        check(score(Split.HELD_OUT, CallFormat.MONO_16K), 0.8, 0.68, 0.88);
    }

    @Test
    void heldOutHalfOverTheTelephone() {
        check(score(Split.HELD_OUT, CallFormat.MONO_8K_MULAW), 0.6, 0, 0.88);
    }

    /** The second held-out set, phrased after tuning ended: what the method does on phrasings nobody tuned for. */
    @Test
    void freshSet() {
        check(score("FRESH", PiiCalls.fresh(), CallFormat.MONO_16K), 0.9, 0.65, 0.9);
    }

    @Test
    void freshSetOverTheTelephone() {
        check(score("FRESH", PiiCalls.fresh(), CallFormat.MONO_8K_MULAW), 0.75, 0, 0.88);
    }

    /**
     * The third held-out set, written after the third round of tuning and run once: its misses are not printed, so
     * that it stays unread.
     */
    @Test
    void blindSet() {
        check(score("BLIND", PiiCalls.blind(), CallFormat.MONO_16K), 0.88, 0.55, 0.9);
    }

    @Test
    void blindSetOverTheTelephone() {
        check(score("BLIND", PiiCalls.blind(), CallFormat.MONO_8K_MULAW), 0.5, 0, 0.88);
    }

    private static void check(Score score, double cards, double recall, double precision) {
        System.out.println(score);
        assertTrue(score.recall("CARD_NUMBER") >= cards, "card-number recall\n" + score);
        assertTrue(score.recall() >= recall, "recall\n" + score);
        assertTrue(score.precision() >= precision, "precision\n" + score);
    }

    private Score score(Split split, CallFormat format) {
        return score(split.toString(), PiiCalls.of(split), format);
    }

    private Score score(String set, List<PiiCalls.Call> calls, CallFormat format) {
        Score score = new Score(set + ", " + format);
        for (PiiCalls.Call call : calls) {
            SynthesizedCall audio = Dialogues.generate(call.dialogue(), format, directory);
            Transcript transcript = TranscriptCache.get(call.dialogue(), format, () -> recognize(audio.file()));
            Transcript redacted = redactor.redact(transcript);
            if (call.dialogue().name().equals(System.getProperty("callintel.eval.show"))) {
                audio.turns().forEach(t -> System.out.printf("  %6.2f-%6.2f %s%n", t.start(), t.end(), t.text()));
                redacted.words().forEach(w -> System.out.printf("  %6.2f %s %s%n", w.start(), w.speaker(), w.word()));
            }
            score.add(call, audio.turns(), redacted.words());
        }
        return score;
    }

    private static Transcript recognize(Path file) {
        try {
            return transcriber.transcribe(file, TranscriptionOptions.defaults());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Recall per kind, precision, and which token each labelled piece got. */
    private static final class Score {
        private final String name;
        private final Map<String, int[]> byType = new TreeMap<>(); // caught, labelled
        private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        /** What was heard of each piece not caught, for tuning. */
        private final List<String> misses = new ArrayList<>();

        private int unheard;
        private int redacted;
        private int redactedInPieces;

        Score(String name) {
            this.name = name;
        }

        void add(PiiCalls.Call call, List<ReferenceTurn> turns, List<Word> words) {
            List<double[]> pieces = new ArrayList<>();
            for (PiiCalls.Entity entity : call.entities()) {
                ReferenceTurn turn = turns.get(entity.line());
                double start = turn.start() - SLACK_SECONDS;
                double end = turn.end() + SLACK_SECONDS;
                pieces.add(new double[] {start, end});
                List<Word> heard = words.stream()
                        .filter(w -> w.midpoint() >= start && w.midpoint() <= end)
                        .toList();
                if (heard.isEmpty()) {
                    unheard++;
                    continue;
                }
                List<String> tokens = heard.stream()
                        .map(w -> PiiType.ofToken(w.word()))
                        .flatMap(Optional::stream)
                        .map(PiiType::name)
                        .toList();
                boolean caught = tokens.size() >= CAUGHT_SHARE * heard.size();
                int[] counts = byType.computeIfAbsent(entity.type(), t -> new int[2]);
                counts[0] += caught ? 1 : 0;
                counts[1]++;
                String got = caught
                        ? tokens.stream()
                                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                                .entrySet()
                                .stream()
                                .max(Map.Entry.comparingByValue())
                                .orElseThrow()
                                .getKey()
                        : "missed";
                confusion.computeIfAbsent(entity.type(), t -> new TreeMap<>()).merge(got, 1, Integer::sum);
                if (!caught) {
                    misses.add(call.dialogue().name() + " " + entity.type() + ": "
                            + heard.stream().map(Word::word).collect(Collectors.joining(" ")) + "  <- "
                            + words.stream()
                                    .filter(w -> w.end() > start - 6 && w.start() < start)
                                    .map(Word::word)
                                    .collect(Collectors.joining(" ")));
                }
            }
            for (Word word : words) {
                if (PiiType.ofToken(word.word()).isPresent()) {
                    redacted++;
                    if (pieces.stream().anyMatch(p -> word.midpoint() >= p[0] && word.midpoint() <= p[1])) {
                        redactedInPieces++;
                    } else {
                        misses.add(call.dialogue().name() + " redacted outside the pieces: " + word.word() + " <- "
                                + words.stream()
                                        .filter(w -> w.end() > word.start() - 5 && w.start() < word.start())
                                        .map(Word::word)
                                        .collect(Collectors.joining(" ")));
                    }
                }
            }
        }

        double recall(String type) {
            int[] counts = byType.getOrDefault(type, new int[2]);
            return counts[1] == 0 ? 1 : (double) counts[0] / counts[1];
        }

        double recall() {
            int caught = byType.values().stream().mapToInt(c -> c[0]).sum();
            int labelled = byType.values().stream().mapToInt(c -> c[1]).sum();
            return labelled == 0 ? 1 : (double) caught / labelled;
        }

        double precision() {
            return redacted == 0 ? 1 : (double) redactedInPieces / redacted;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("redaction, " + name
                    + String.format(
                            ": recall %.3f, precision %.3f (%d of %d redacted words in labelled pieces), %d pieces not heard%n",
                            recall(), precision(), redactedInPieces, redacted, unheard));
            byType.forEach((type, counts) -> out.append(
                    String.format("  %-14s %3d/%-3d  %s%n", type, counts[0], counts[1], confusion.get(type))));
            return out.toString();
        }
    }
}
