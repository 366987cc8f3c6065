package io.callintel.classify.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.asr.Transcriber;
import io.callintel.asr.TranscriptionOptions;
import io.callintel.asr.testing.CallFormat;
import io.callintel.asr.testing.Dialogues;
import io.callintel.asr.vosk.VoskModel;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.classify.embed.SentenceEncoder;
import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.transcript.Transcript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * (and reported in the README).
 */
class AnalysisAccuracyTest {

    @TempDir
    static Path directory;

    private static VoskModel vosk;
    private static Transcriber transcriber;
    private static SentenceEncoder encoder;

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
            var audio = Dialogues.generate(call.dialogue(), CallFormat.MONO_16K, directory);
            Transcript transcript = transcriber.transcribe(audio.file(), TranscriptionOptions.defaults());
            CallAnalytics analytics = analyzer.analyze(transcript, call.useCase().config());
            buckets.add(call.bucket(), analytics.bucket().name());
            if (heldOut) {
                heldOutBuckets.add(call.bucket(), analytics.bucket().name());
            }
            if (!call.bucket().equals(analytics.bucket().name())) {
                misses.add(call.dialogue().name() + ": bucket " + analytics.bucket().name() + ", expected " + call.bucket()
                        + " " + analytics.bucket().scores());
            }
            for (int i = 0; i < call.answers().size(); i++) {
                String answer = analytics.questions().get(i).answer();
                answers.add(call.answers().get(i), answer);
                if (heldOut) {
                    heldOutAnswers.add(call.answers().get(i), answer);
                }
                if (!call.answers().get(i).equals(answer)) {
                    misses.add(call.dialogue().name() + ": '" + analytics.questions().get(i).question() + "' " + answer
                            + ", expected " + call.answers().get(i));
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
                    table.append(String.format("%12d", counts.getOrDefault(expected, Map.of()).getOrDefault(actual, 0)));
                }
                table.append('\n');
            }
            return table.append(String.format("accuracy %.1f%% (%d of %d)", 100 * accuracy(), right, total)).toString();
        }
    }
}
