package io.callintel.asr.diarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.asr.vad.SpeechSpan;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.PcmStream;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogue;
import io.callintel.testing.Dialogues;
import io.callintel.testing.DiarizationErrorRate;
import io.callintel.testing.SynthesizedCall;
import io.callintel.testing.Voice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Diarization error rate on synthesized two-speaker calls, decoded the way the pipeline decodes
 * them, with the reference speech spans as an oracle voice activity detector.
 */
class MonoDiarizerDialogueTest {

    private static final double MAX_DER = 0.10;
    private static final AudioDecoder DECODER = new FfmpegAudioDecoder();

    @TempDir
    static Path directory;

    static Stream<Arguments> calls() {
        List<Arguments> calls = new ArrayList<>();
        for (Dialogue dialogue : Dialogues.all()) {
            for (CallFormat format : List.of(CallFormat.MONO_16K, CallFormat.MONO_8K_MULAW)) {
                calls.add(Arguments.of(dialogue.name(), format));
            }
        }
        return calls.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calls")
    void twoFixedSpeakersWithOracleSpans(String name, CallFormat format) {
        SynthesizedCall call = generate(name, format);
        List<SpeakerTurn> turns = diarize(call, DiarizationOptions.fixed(2), speechSpans(call));
        DiarizationErrorRate.Result result = score(call, turns, 0);
        report("fixed 2, oracle spans", call, result);
        assertTrue(result.rate() <= MAX_DER, call + ": " + result);
        assertCovers(speechSpans(call), turns);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calls")
    void estimatedSpeakerCountIsTwo(String name, CallFormat format) {
        SynthesizedCall call = generate(name, format);
        List<SpeakerTurn> turns = diarize(call, DiarizationOptions.defaults(), speechSpans(call));
        DiarizationErrorRate.Result result = score(call, turns, 0);
        report("estimated, oracle spans", call, result);
        assertEquals(2, turns.stream().mapToInt(SpeakerTurn::speaker).distinct().count(), call + ": speakers found");
        assertTrue(result.rate() <= MAX_DER, call + ": " + result);
    }

    /** A voice activity detector's edges are off by up to 100 ms either way. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calls")
    void spanEdgesOffBy100Milliseconds(String name, CallFormat format) {
        SynthesizedCall call = generate(name, format);
        List<SpeechSpan> spans = new ArrayList<>();
        int k = 0;
        for (SpeechSpan span : speechSpans(call)) {
            // Deterministic mix of longer and shorter edges: +-100 and +-50 ms in turn.
            long startShift = new long[] {-1600, 1600, -800, 800}[k % 4];
            long endShift = new long[] {1600, -1600, 800, -800}[(k + 1) % 4];
            spans.add(new SpeechSpan(Math.max(0, span.start() + startShift), span.end() + endShift));
            k++;
        }
        List<SpeakerTurn> turns = diarize(call, DiarizationOptions.defaults(), spans);
        report("estimated, edges +-100 ms, no collar", call, score(call, turns, 0));
        // The edges themselves are the detector's error, not the diarizer's: a 250 ms collar forgives
        // them, and what is left is who was said to speak.
        DiarizationErrorRate.Result result = score(call, turns, 0.25);
        report("estimated, edges +-100 ms, collar 0.25 s", call, result);
        assertTrue(result.rate() <= MAX_DER, call + ": " + result);
        assertCovers(spans, turns);
    }

    /** A detector that bridges the pauses between turns: the spans hold both voices and must be split. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calls")
    void spansJoinedAcrossPauses(String name, CallFormat format) {
        SynthesizedCall call = generate(name, format);
        List<SpeechSpan> joined = new ArrayList<>();
        for (SpeechSpan span : speechSpans(call)) {
            if (!joined.isEmpty() && span.start() - joined.getLast().end() < 16_000) {
                joined.add(new SpeechSpan(joined.removeLast().start(), span.end()));
            } else {
                joined.add(span);
            }
        }
        List<SpeakerTurn> turns = diarize(call, DiarizationOptions.defaults(), joined);
        // The pauses inside the joined spans count as false alarm: judge by the confused speech alone.
        DiarizationErrorRate.Result result = score(call, turns, 0);
        double confusion = result.confusion() / result.referenceSpeech();
        report(
                String.format(
                        Locale.ROOT, "estimated, %d joined span(s): confusion %.2f%%", joined.size(), 100 * confusion),
                call,
                result);
        assertTrue(confusion <= MAX_DER, call + ": " + result);
        List<Double> errors = boundaryErrors(call, turns);
        System.out.printf(
                Locale.ROOT,
                "%-16s %-14s boundary errors (ms): %s%n",
                call.dialogue().name(),
                call.format(),
                errors.stream().map(e -> Long.toString(Math.round(e * 1000))).toList());
        assertTrue(errors.stream().allMatch(e -> e < 0.25), "every change found within 250 ms: " + errors);
    }

    /** Both parties of the same sex: closer voices, still two speakers. */
    @Test
    void sameSexVoices() {
        for (Dialogue dialogue : List.of(
                Dialogues.BANK_SUPPORT.withVoices("bank-support-men", Voice.AGENT, Voice.MALE_2),
                Dialogues.LOAN_SALES.withVoices("loan-sales-women", Voice.SUPERVISOR, Voice.FEMALE_2))) {
            SynthesizedCall call = Dialogues.generate(dialogue, CallFormat.MONO_8K_MULAW, directory);
            List<SpeakerTurn> turns = diarize(call, DiarizationOptions.defaults(), speechSpans(call));
            DiarizationErrorRate.Result result = score(call, turns, 0);
            report("estimated, oracle spans, same-sex voices", call, result);
            assertEquals(
                    2, turns.stream().mapToInt(SpeakerTurn::speaker).distinct().count(), call + ": speakers found");
            assertTrue(result.rate() <= MAX_DER, call + ": " + result);
        }
    }

    @Test
    void threePartiesAreThreeSpeakers() {
        SynthesizedCall call = Dialogues.generate(Dialogues.ESCALATION, CallFormat.MONO_8K_MULAW, directory);
        List<SpeakerTurn> turns = diarize(call, DiarizationOptions.defaults(), speechSpans(call));
        DiarizationErrorRate.Result result = score(call, turns, 0);
        report("estimated, oracle spans", call, result);
        assertEquals(3, turns.stream().mapToInt(SpeakerTurn::speaker).distinct().count(), "speakers in " + turns);
        assertTrue(result.rate() <= MAX_DER, call + ": " + result);
    }

    @Test
    void oneVoiceIsOneSpeaker() {
        SynthesizedCall call = Dialogues.generate(Dialogues.VOICEMAIL, CallFormat.MONO_8K_MULAW, directory);
        List<SpeakerTurn> turns = diarize(call, DiarizationOptions.defaults(), speechSpans(call));
        assertEquals(1, turns.stream().mapToInt(SpeakerTurn::speaker).distinct().count(), "speakers in " + turns);
    }

    private static SynthesizedCall generate(String name, CallFormat format) {
        Dialogue dialogue = Dialogues.all().stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow();
        return Dialogues.generate(dialogue, format, directory);
    }

    static List<SpeakerTurn> diarize(SynthesizedCall call, DiarizationOptions options, List<SpeechSpan> spans) {
        MonoDiarizer diarizer = new MonoDiarizer(options);
        try (PcmStream pcm = DECODER.open(call.file(), DecodeOptions.defaults())) {
            short[] chunk = new short[3000];
            int n;
            while ((n = pcm.read(chunk, 0, chunk.length)) >= 0) {
                diarizer.accept(chunk, 0, n);
            }
        }
        return diarizer.diarize(spans);
    }

    /**
     * For each change of speaker in the reference, how far the nearest change in the hypothesis lies
     * from the pause between the two turns (0 when inside it), in seconds.
     */
    static List<Double> boundaryErrors(SynthesizedCall call, List<SpeakerTurn> turns) {
        List<Double> hypothesisChanges = new ArrayList<>();
        for (int i = 1; i < turns.size(); i++) {
            if (turns.get(i).speaker() != turns.get(i - 1).speaker()) {
                hypothesisChanges.add(turns.get(i).startSeconds());
            }
        }
        List<Double> errors = new ArrayList<>();
        List<io.callintel.testing.ReferenceTurn> reference = call.turns();
        for (int i = 1; i < reference.size(); i++) {
            if (reference.get(i).speaker() != reference.get(i - 1).speaker()) {
                double pauseStart = reference.get(i - 1).end();
                double pauseEnd = reference.get(i).start();
                double best = Double.POSITIVE_INFINITY;
                for (double change : hypothesisChanges) {
                    best = Math.min(best, Math.max(0, Math.max(pauseStart - change, change - pauseEnd)));
                }
                errors.add(best);
            }
        }
        return errors;
    }

    private static DiarizationErrorRate.Result score(SynthesizedCall call, List<SpeakerTurn> turns, double collar) {
        List<DiarizationErrorRate.Segment> hypothesis = new ArrayList<>();
        for (SpeakerTurn turn : turns) {
            hypothesis.add(new DiarizationErrorRate.Segment(turn.startSeconds(), turn.endSeconds(), turn.speaker()));
        }
        return DiarizationErrorRate.score(DiarizationErrorRate.segments(call.turns()), hypothesis, collar);
    }

    private static void report(String what, SynthesizedCall call, DiarizationErrorRate.Result result) {
        System.out.printf(Locale.ROOT, "%-16s %-14s %-46s %s%n", call.dialogue().name(), call.format(), what, result);
    }

    /** Every sample of every span in exactly one turn, and nothing outside the spans. */
    private static void assertCovers(List<SpeechSpan> spans, List<SpeakerTurn> turns) {
        long spanSamples = spans.stream().mapToLong(SpeechSpan::length).sum();
        long turnSamples = turns.stream().mapToLong(t -> t.end() - t.start()).sum();
        assertEquals(spanSamples, turnSamples, "samples in turns");
        for (int i = 1; i < turns.size(); i++) {
            assertTrue(turns.get(i).start() >= turns.get(i - 1).end(), "turns in order without overlap");
        }
        for (SpeakerTurn turn : turns) {
            assertTrue(
                    spans.stream().anyMatch(s -> s.start() <= turn.start() && turn.end() <= s.end()),
                    turn + " lies in a span");
        }
    }

    /** The reference turns as speech spans: an oracle voice activity detector. */
    private static List<SpeechSpan> speechSpans(SynthesizedCall call) {
        return call.turns().stream()
                .map(turn -> SpeechSpan.ofSeconds(turn.start(), turn.end()))
                .toList();
    }
}
