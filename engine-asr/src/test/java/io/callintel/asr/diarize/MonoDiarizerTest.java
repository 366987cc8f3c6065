package io.callintel.asr.diarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.asr.vad.SpeechSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The diarizer on synthetic voices (harmonic sounds with their own pitch and formants); no speech synthesis. */
class MonoDiarizerTest {

    /** Turns of the two voices: speaker, start and end in seconds; pauses between them. */
    private static final double[][] SCRIPT = {
        {1, 0.3, 3.2}, {0, 3.7, 6.0}, {1, 6.4, 8.1}, {0, 8.8, 12.0}, {1, 12.5, 15.5}, {0, 15.9, 17.0}, {1, 17.6, 20.0},
    };

    @Test
    void tellsTwoVoicesApartAndNumbersThemByFirstAppearance() {
        short[] pcm = dialogue();
        List<SpeechSpan> spans = new ArrayList<>();
        for (double[] turn : SCRIPT) {
            spans.add(SpeechSpan.ofSeconds(turn[1], turn[2]));
        }
        List<SpeakerTurn> turns = diarize(pcm, DiarizationOptions.defaults(), spans);
        assertEquals(SCRIPT.length, turns.size(), turns.toString());
        for (int k = 0; k < SCRIPT.length; k++) {
            // Voice 1 speaks first, so it is speaker 0.
            assertEquals(1 - (int) SCRIPT[k][0], turns.get(k).speaker(), "turn " + k);
            assertEquals(spans.get(k).start(), turns.get(k).start());
            assertEquals(spans.get(k).end(), turns.get(k).end());
        }
    }

    @Test
    void splitsASpanThatHoldsBothVoices() {
        short[] pcm = dialogue();
        List<SpeakerTurn> turns = diarize(pcm, DiarizationOptions.fixed(2), List.of(SpeechSpan.ofSeconds(0.3, 20.0)));
        long changes = 0;
        for (int i = 1; i < turns.size(); i++) {
            changes += turns.get(i).speaker() != turns.get(i - 1).speaker() ? 1 : 0;
            assertEquals(turns.get(i - 1).end(), turns.get(i).start(), "contiguous");
        }
        assertEquals(SCRIPT.length - 1, changes, turns.toString());
        for (int k = 1; k < SCRIPT.length; k++) {
            // Each change lies in the pause before the turn, give or take a frame or two.
            double pauseStart = SCRIPT[k - 1][2];
            double pauseEnd = SCRIPT[k][1];
            assertTrue(
                    turns.stream()
                            .anyMatch(
                                    t -> t.startSeconds() >= pauseStart - 0.03 && t.startSeconds() <= pauseEnd + 0.03),
                    "a change between " + pauseStart + " and " + pauseEnd + " in " + turns);
        }
    }

    @Test
    void coversEverySpeechSampleOnceAndNothingElse() {
        short[] pcm = dialogue();
        List<SpeechSpan> spans = List.of(
                new SpeechSpan(100, 30_000),
                new SpeechSpan(20_000, 50_000), // overlapping
                new SpeechSpan(60_001, 60_002),
                new SpeechSpan(300_000, 400_000), // past the end of the audio
                new SpeechSpan(70_000, 70_000));
        List<SpeakerTurn> turns = diarize(pcm, DiarizationOptions.defaults(), spans);
        long covered = turns.stream().mapToLong(t -> t.end() - t.start()).sum();
        assertEquals((50_000 - 100) + 1 + (pcm.length - 300_000), covered);
        for (int i = 1; i < turns.size(); i++) {
            assertTrue(turns.get(i).start() >= turns.get(i - 1).end());
        }
        assertTrue(turns.getLast().end() <= pcm.length);
    }

    @Test
    void oneSpeakerAskedForIsOneSpeaker() {
        short[] pcm = dialogue();
        List<SpeechSpan> spans = List.of(SpeechSpan.ofSeconds(0.3, 3.2), SpeechSpan.ofSeconds(3.7, 6.0));
        List<SpeakerTurn> turns = diarize(pcm, new DiarizationOptions(4, OptionalInt.of(1)), spans);
        assertEquals(List.of(new SpeakerTurn(4800, 51_200, 0), new SpeakerTurn(59_200, 96_000, 0)), turns);
    }

    @Test
    void digitalSilenceIsOneSpeakerNotAnError() {
        short[] silence = new short[16_000 * 5];
        List<SpeechSpan> spans = List.of(SpeechSpan.ofSeconds(0.5, 2), SpeechSpan.ofSeconds(2.5, 4.5));
        for (DiarizationOptions options : List.of(DiarizationOptions.defaults(), DiarizationOptions.fixed(2))) {
            List<SpeakerTurn> turns = diarize(silence, options, spans);
            assertEquals(
                    spans.stream().mapToLong(SpeechSpan::length).sum(),
                    turns.stream().mapToLong(t -> t.end() - t.start()).sum(),
                    options.toString());
        }
        assertEquals(
                List.of(new SpeakerTurn(8000, 32_000, 0), new SpeakerTurn(40_000, 72_000, 0)),
                diarize(silence, DiarizationOptions.defaults(), spans));
    }

    @Test
    void noSpeechNoTurns() {
        assertEquals(List.of(), diarize(dialogue(), DiarizationOptions.defaults(), List.of()));
        assertEquals(
                List.of(),
                new MonoDiarizer(DiarizationOptions.defaults()).diarize(List.of(SpeechSpan.ofSeconds(0, 1))));
    }

    @Test
    void audioAfterDiarizationIsRefused() {
        MonoDiarizer diarizer = new MonoDiarizer(DiarizationOptions.defaults());
        diarizer.accept(new short[1600], 0, 1600);
        diarizer.diarize(List.of());
        assertThrows(IllegalStateException.class, () -> diarizer.accept(new short[1600], 0, 1600));
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new DiarizationOptions(0, OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new DiarizationOptions(2, OptionalInt.of(3)));
        assertEquals(6, DiarizationOptions.fixed(6).maxSpeakers());
        assertEquals(OptionalInt.of(2), DiarizationOptions.fixed(2).speakers());
        assertEquals(new DiarizationOptions(4, OptionalInt.empty()), DiarizationOptions.defaults());
    }

    private static List<SpeakerTurn> diarize(short[] pcm, DiarizationOptions options, List<SpeechSpan> spans) {
        MonoDiarizer diarizer = new MonoDiarizer(options);
        for (int offset = 0; offset < pcm.length; offset += 1234) {
            diarizer.accept(pcm, offset, Math.min(1234, pcm.length - offset));
        }
        return diarizer.diarize(spans);
    }

    /** The script voiced: 20.5 s at 16 kHz. */
    static short[] dialogue() {
        short[] pcm = new short[(int) (20.5 * 16_000)];
        java.util.Random noise = new java.util.Random(11);
        for (int n = 0; n < pcm.length; n++) {
            pcm[n] = (short) (20 * noise.nextGaussian());
        }
        for (double[] turn : SCRIPT) {
            Voice voice = turn[0] == 0 ? Voice.LOW : Voice.HIGH;
            voice.speak(pcm, (int) (turn[1] * 16_000), (int) (turn[2] * 16_000));
        }
        return pcm;
    }

    /** A vowel-like source: harmonics of a wandering pitch under two formant peaks, in 4 Hz syllables. */
    private record Voice(double pitch, double formant1, double formant2) {
        static final Voice LOW = new Voice(110, 600, 1200);
        static final Voice HIGH = new Voice(210, 850, 2300);

        void speak(short[] pcm, int from, int to) {
            double phase = 0;
            for (int n = from; n < to; n++) {
                double t = (n - from) / 16_000.0;
                double f0 = pitch * (1 + 0.06 * Math.sin(2 * Math.PI * 0.8 * t));
                phase += 2 * Math.PI * f0 / 16_000;
                double sample = 0;
                for (int h = 1; h * f0 < 3800; h++) {
                    double hz = h * f0;
                    double envelope = Math.exp(-square((hz - formant1) / 150))
                            + 0.6 * Math.exp(-square((hz - formant2) / 250))
                            + 0.02;
                    sample += envelope * Math.sin(h * phase);
                }
                double syllable = 0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t);
                pcm[n] += (short) (3000 * syllable * sample);
            }
        }

        private static double square(double x) {
            return x * x;
        }
    }
}
