package io.callintel.classify.analysis;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.asr.Transcriber;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.asr.vosk.VoskModel;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.classify.embed.SentenceEncoder;
import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.analytics.QuestionAnswer;
import io.callintel.core.transcript.Transcript;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accuracy of questions and buckets on the labelled set ({@link LabelledCalls}): synthesized calls,
 * transcribed by the real recognizer (with its real errors), analysed, compared with the labels.
 * Bucket accuracy and Yes/No accuracy must each be at least 85%; the confusion matrices are printed
 * (and reported in the README). Open questions are checked against {@link LabelledCalls#OPEN_ANSWERS}:
 * the right sentence, or no answer where the call never addresses the question.
 */
class AnalysisAccuracyTest {

    @TempDir
    static Path directory;

    private static VoskModel vosk;
    private static Transcriber transcriber;
    private static SentenceEncoder encoder;
    /** Each call is synthesized and recognized once, for all the tests here. */
    private static final Map<String, Transcript> TRANSCRIPTS = new HashMap<>();

    @BeforeAll
    static void setUp() {
        vosk = VoskModel.load(Path.of("../models/vosk-model-en-us"));
        transcriber = new Transcriber(new FfmpegAudioDecoder(), vosk, 2);
        encoder = SentenceEncoder.load(Path.of("../models/all-minilm-l6-v2-q"));
    }

    @AfterAll
    static void tearDown() {
        transcriber.close();
        vosk.close();
        encoder.close();
    }

    @Test
    void bucketsAndYesNoAnswersAreRightAtLeast85PercentOfTheTime() throws Exception {
        CallAnalyzer analyzer = new CallAnalyzer(encoder);
        Confusion buckets = new Confusion();
        Confusion answers = new Confusion();
        Confusion heldOutBuckets = new Confusion();
        Confusion heldOutAnswers = new Confusion();
        List<String> misses = new ArrayList<>();
        List<LabelledCalls.Labelled> calls = new ArrayList<>(LabelledCalls.ALL);
        calls.addAll(LabelledCalls.HELD_OUT);
        for (LabelledCalls.Labelled call : calls) {
            boolean heldOut = LabelledCalls.HELD_OUT.contains(call);
            CallAnalytics analytics =
                    analyzer.analyze(transcript(call), call.useCase().config());
            buckets.add(call.bucket(), analytics.bucket().name());
            if (heldOut) {
                heldOutBuckets.add(call.bucket(), analytics.bucket().name());
            }
            if (!call.bucket().equals(analytics.bucket().name())) {
                misses.add(call.dialogue().name() + ": bucket "
                        + analytics.bucket().name() + ", expected " + call.bucket() + " "
                        + analytics.bucket().scores());
            }
            for (int i = 0; i < call.answers().size(); i++) { // the Yes/No questions; the open one is checked below
                String answer = analytics.questions().get(i).answer();
                answers.add(call.answers().get(i), answer);
                if (heldOut) {
                    heldOutAnswers.add(call.answers().get(i), answer);
                }
                if (!call.answers().get(i).equals(answer)) {
                    misses.add(call.dialogue().name() + ": '"
                            + analytics.questions().get(i).question() + "' " + answer + ", expected "
                            + call.answers().get(i));
                }
            }
        }
        System.out.println("Buckets (rows: expected, columns: answered)\n" + buckets);
        System.out.println("Yes/No answers (rows: expected, columns: answered)\n" + answers);
        System.out.println("Held-out use case only: buckets\n" + heldOutBuckets + "\nYes/No\n" + heldOutAnswers);
        misses.forEach(miss -> System.out.println("miss: " + miss));
        assertTrue(buckets.accuracy() >= 0.85, "bucket accuracy " + buckets.accuracy());
        assertTrue(answers.accuracy() >= 0.85, "Yes/No accuracy " + answers.accuracy());
    }

    /**
     * Open questions ("What problem did the customer report?"): an answer is right when it contains one
     * of the call's accepted words or phrases, or, for a call that never addresses the question, when
     * there is none. Floors sit below what the method reached (tuning set 80%, 16 of 20; held-out 17%,
     * 1 of 6), so that a change for the worse fails; the held-out floor only guards against losing its
     * one right answer (see README, "Open questions").
     */
    @Test
    void openQuestionsAreAnsweredWhereTheCallAnswersThem() throws Exception {
        CallAnalyzer analyzer = new CallAnalyzer(encoder);
        int tuningRight = 0;
        int heldOutRight = 0;
        StringBuilder table = new StringBuilder(
                String.format("%-4s %-8s %-30s %-45s %6s  %s%n", "", "set", "call", "accepted", "conf", "answer"));
        List<LabelledCalls.Labelled> calls = new ArrayList<>(LabelledCalls.ALL);
        calls.addAll(LabelledCalls.HELD_OUT);
        for (LabelledCalls.Labelled call : calls) {
            boolean heldOut = LabelledCalls.HELD_OUT.contains(call);
            List<String> accepted =
                    LabelledCalls.OPEN_ANSWERS.get(call.dialogue().name());
            assertNotNull(
                    accepted, "no open-question label for " + call.dialogue().name());
            QuestionAnswer open = analyzer.analyze(
                            transcript(call), call.useCase().config())
                    .questions()
                    .get(LabelledCalls.OPEN_QUESTION);
            boolean right = accepts(accepted, open.answer());
            if (right && heldOut) {
                heldOutRight++;
            } else if (right) {
                tuningRight++;
            }
            table.append(String.format(
                    "%-4s %-8s %-30s %-45s %6.3f  '%s'%n",
                    right ? "ok" : "MISS",
                    heldOut ? "held-out" : "tuning",
                    call.dialogue().name(),
                    accepted.isEmpty() ? "(none)" : accepted,
                    open.confidence(),
                    open.answer()));
        }
        double tuning = tuningRight / (double) LabelledCalls.ALL.size();
        double heldOut = heldOutRight / (double) LabelledCalls.HELD_OUT.size();
        System.out.println(
                "Open questions (right sentence, or none where the call does not address the question)\n" + table
                        + String.format(
                                "tuning set %.1f%% (%d of %d), held-out %.1f%% (%d of %d)",
                                100 * tuning,
                                tuningRight,
                                LabelledCalls.ALL.size(),
                                100 * heldOut,
                                heldOutRight,
                                LabelledCalls.HELD_OUT.size()));
        assertTrue(tuning >= 0.70, "open-question accuracy on the tuning set " + tuning);
        assertTrue(heldOut >= 1 / 6.0, "open-question accuracy on the held-out use case " + heldOut);
    }

    /** Whether an answer contains one of the accepted words or phrases as whole words; none accepted: no answer. */
    static boolean accepts(List<String> accepted, String answer) {
        if (accepted.isEmpty()) {
            return answer.isEmpty();
        }
        String words = " "
                + answer.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9']+", " ").trim() + " ";
        return accepted.stream().anyMatch(phrase -> words.contains(" " + phrase + " "));
    }

    private static Transcript transcript(LabelledCalls.Labelled call) throws Exception {
        Transcript transcript = TRANSCRIPTS.get(call.dialogue().name());
        if (transcript == null) {
            var audio = Dialogues.generate(call.dialogue(), CallFormat.MONO_16K, directory);
            transcript = transcriber.transcribe(audio.file(), TranscriptionOptions.defaults());
            TRANSCRIPTS.put(call.dialogue().name(), transcript);
        }
        return transcript;
    }

    /** A confusion matrix over string labels. */
    static final class Confusion {
        private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
        private int total;
        private int right;

        void add(String expected, String actual) {
            counts.computeIfAbsent(expected, e -> new TreeMap<>()).merge(actual, 1, Integer::sum);
            total++;
            if (expected.equals(actual)) {
                right++;
            }
        }

        double accuracy() {
            return total == 0 ? 0 : right / (double) total;
        }

        @Override
        public String toString() {
            var labels = new java.util.TreeSet<String>(counts.keySet());
            counts.values().forEach(row -> labels.addAll(row.keySet()));
            StringBuilder table = new StringBuilder(String.format("%-12s", ""));
            labels.forEach(label -> table.append(String.format("%12s", label)));
            table.append('\n');
            for (String expected : labels) {
                table.append(String.format("%-12s", expected));
                for (String actual : labels) {
                    table.append(String.format(
                            "%12d", counts.getOrDefault(expected, Map.of()).getOrDefault(actual, 0)));
                }
                table.append('\n');
            }
            return table.append(String.format("accuracy %.1f%% (%d of %d)", 100 * accuracy(), right, total))
                    .toString();
        }
    }
}
