package io.callintel.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Speaker;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Turn;
import io.callintel.core.transcript.Word;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogue;
import io.callintel.testing.Dialogues;
import io.callintel.testing.DiarizationErrorRate;
import io.callintel.testing.ReferenceTurn;
import io.callintel.testing.SynthesizedCall;
import io.callintel.testing.WordErrorRate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole pipeline on synthesized two-speaker calls with known turns: diarization error rate at
 * most 10% for mono and 2% for stereo, and the agent found on every call.
 */
class TranscriberDialogueTest {

    private static final List<Dialogue> CALLS = List.of(
            Dialogues.BANK_SUPPORT,
            Dialogues.LOAN_SALES,
            Dialogues.APPOINTMENT,
            Dialogues.COMPLAINT,
            Dialogues.CALLBACK);

    @TempDir
    static Path directory;

    private static Transcriber transcriber;

    @BeforeAll
    static void setUp() {
        transcriber = new Transcriber(new FfmpegAudioDecoder(), TestModels.vosk(), 2);
    }

    @AfterAll
    static void tearDown() {
        transcriber.close();
    }

    static Stream<Arguments> calls() {
        return Stream.of(CallFormat.values())
                .flatMap(format -> CALLS.stream().map(dialogue -> Arguments.of(dialogue, format)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calls")
    void speakersAndRolesAreRight(Dialogue dialogue, CallFormat format) throws Exception {
        SynthesizedCall call = Dialogues.generate(dialogue, format, directory);
        Transcript transcript = transcriber.transcribe(call.file(), TranscriptionOptions.defaults());

        boolean stereo = format == CallFormat.STEREO_16K || format == CallFormat.STEREO_8K_MULAW;
        var der = DiarizationErrorRate.score(DiarizationErrorRate.segments(call.turns()), hypothesis(transcript));
        WordErrorRate wer = new WordErrorRate();
        wer.add(
                call.turns().stream().map(ReferenceTurn::text).collect(Collectors.joining(" ")),
                transcript.words().stream().map(Word::word).collect(Collectors.joining(" ")));
        System.out.printf(
                "%-14s %-16s DER %5.2f%% (%s)  WER %5.1f%%  speakers %s%n",
                dialogue.name(), format, 100 * der.rate(), der, wer.percent(), transcript.speakers());

        assertEquals(2, transcript.speakers().size(), "two speakers: " + transcript.speakers());
        assertTrue(der.rate() <= (stereo ? 0.02 : 0.10), "DER " + der);
        Map<String, Integer> referenceOf = referenceSpeakerOf(transcript, call);
        for (Speaker speaker : transcript.speakers()) {
            Role expected = referenceOf.get(speaker.label()) == 0 ? Role.AGENT : Role.CUSTOMER;
            assertEquals(expected, speaker.role(), speaker.label() + " is speaker " + referenceOf.get(speaker.label()));
        }
        if (stereo) {
            assertTrue(transcript.speakers().stream().allMatch(speaker -> speaker.channel() >= 0));
        }
    }

    private static List<DiarizationErrorRate.Segment> hypothesis(Transcript transcript) {
        List<DiarizationErrorRate.Segment> segments = new ArrayList<>();
        for (Turn turn : transcript.turns()) {
            segments.add(new DiarizationErrorRate.Segment(turn.start(), turn.end(), index(turn.speaker())));
        }
        return segments;
    }

    /** For each hypothesis speaker, the reference speaker it overlaps most. */
    private static Map<String, Integer> referenceSpeakerOf(Transcript transcript, SynthesizedCall call) {
        Map<String, double[]> overlap = new HashMap<>();
        for (Turn turn : transcript.turns()) {
            for (ReferenceTurn reference : call.turns()) {
                double common = Math.min(turn.end(), reference.end()) - Math.max(turn.start(), reference.start());
                if (common > 0) {
                    overlap.computeIfAbsent(turn.speaker(), label -> new double[4])[reference.speaker()] += common;
                }
            }
        }
        Map<String, Integer> best = new HashMap<>();
        overlap.forEach((label, seconds) -> {
            int argmax = 0;
            for (int i = 1; i < seconds.length; i++) {
                if (seconds[i] > seconds[argmax]) {
                    argmax = i;
                }
            }
            best.put(label, argmax);
        });
        return best;
    }

    private static int index(String label) {
        return Integer.parseInt(label.substring(label.indexOf('_') + 1)) - 1;
    }
}
