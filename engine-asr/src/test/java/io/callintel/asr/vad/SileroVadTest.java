package io.callintel.asr.vad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.audio.DecodeOptions;
import io.callintel.testing.LibriVox;
import io.callintel.testing.Pcm;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SileroVadTest {

    private static final int RATE = SpeechSpan.SAMPLE_RATE;
    private static SileroVad vad;

    @BeforeAll
    static void load() {
        vad = SileroVad.load();
    }

    @AfterAll
    static void close() {
        vad.close();
    }

    @Test
    void findsRealSpeechBetweenStretchesOfLoudNoise(@TempDir Path dir) {
        // 2 s of white noise, a LibriVox clip 20 dB over it, 2 s of the same noise: loudness alone cannot tell the
        // noise from the quiet parts of the speech, the model can.
        short[] speech = Pcm.decode(LibriVox.clips(dir).get(0).wav(), DecodeOptions.defaults());
        double speechRms = rms(speech);
        short[] audio = new short[speech.length + 4 * RATE];
        Random random = new Random(7);
        for (int i = 0; i < audio.length; i++) {
            double noise = random.nextGaussian() * speechRms / 10;
            double voice = i >= 2 * RATE && i < 2 * RATE + speech.length ? speech[i - 2 * RATE] : 0;
            audio[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(voice + noise)));
        }
        List<SpeechSpan> spans = listen(audio).spans(energies(audio));
        assertTrue(!spans.isEmpty(), "speech found");
        assertEquals(2.0, spans.get(0).startSeconds(), 0.5, spans.toString());
        assertEquals(
                2.0 + speech.length / (double) RATE, spans.get(spans.size() - 1).endSeconds(), 0.6, spans.toString());
    }

    @Test
    void noiseAloneIsNotSpeech() {
        short[] audio = new short[10 * RATE];
        Random random = new Random(3);
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (short) Math.round(random.nextGaussian() * 2000);
        }
        assertEquals(List.of(), listen(audio).spans(energies(audio)));
        assertEquals(List.of(), listen(new short[0]).spans(new FrameEnergies()));
    }

    @Test
    void oneProbabilityPerWindowWhateverTheChunking() {
        short[] audio = new short[3 * RATE + 100];
        SpeechProbabilities probabilities = listen(audio);
        assertEquals(audio.length / SileroVad.WINDOW, probabilities.windows());
        assertEquals(audio.length, probabilities.samples());
    }

    @Test
    void spansFollowTheProbabilitiesWithHysteresisAndHangover() {
        float[] p = new float[60];
        for (int w = 10; w < 20; w++) {
            p[w] = 0.9f;
        }
        p[20] = 0.4f; // under the onset, over the offset: still speech
        for (int w = 21; w < 25; w++) {
            p[w] = 0.1f; // a pause shorter than the hangover
        }
        for (int w = 25; w < 30; w++) {
            p[w] = 0.8f;
        }
        p[50] = 0.9f; // a single window: a click
        List<SpeechSpan> spans = new SpeechProbabilities(p, 60L * SileroVad.WINDOW).spans(level(60, 0, 60, 1000));
        assertEquals(List.of(new SpeechSpan(10L * SileroVad.WINDOW, 30L * SileroVad.WINDOW)), spans);
    }

    @Test
    void speechFarUnderTheForegroundIsBackgroundTalk() {
        // The model hears speech from window 10 to 60, but only 10-30 is at the channel's loud level; 30-60 is
        // 26 dB under it, a room behind the caller: split off and dropped.
        float[] p = new float[80];
        java.util.Arrays.fill(p, 10, 60, 0.9f);
        SpeechProbabilities probabilities = new SpeechProbabilities(p, 80L * SileroVad.WINDOW);
        assertEquals(
                List.of(new SpeechSpan(10L * SileroVad.WINDOW, 30L * SileroVad.WINDOW)),
                probabilities.spans(level(80, 10, 30, 10_000)));
        // A soft stretch shorter than a third of a second inside loud speech is the speaker's own: kept.
        assertEquals(
                List.of(new SpeechSpan(10L * SileroVad.WINDOW, 60L * SileroVad.WINDOW)),
                probabilities.spans(level(80, 10, 60, 10_000, 30, 36)));
    }

    /**
     * Frame energies of {@code windows} windows: amplitude {@code loud} from window {@code from} to {@code to}
     * except in the soft windows {@code [soft[0], soft[1])}, 1/20 of it (26 dB under) elsewhere.
     */
    private static FrameEnergies level(int windows, int from, int to, int loud, int... soft) {
        short[] audio = new short[windows * SileroVad.WINDOW];
        for (int i = 0; i < audio.length; i++) {
            int window = i / SileroVad.WINDOW;
            boolean inSoft = soft.length == 2 && window >= soft[0] && window < soft[1];
            int amplitude = window >= from && window < to && !inSoft ? loud : loud / 20;
            audio[i] = (short) (i % 2 == 0 ? amplitude : -amplitude);
        }
        FrameEnergies energies = new FrameEnergies();
        energies.accept(audio, 0, audio.length);
        return energies;
    }

    private static SpeechProbabilities listen(short[] audio) {
        SileroVad.Listener listener = vad.listener();
        for (int offset = 0; offset < audio.length; offset += 1000) { // not a multiple of the window on purpose
            listener.accept(audio, offset, Math.min(1000, audio.length - offset));
        }
        return listener.probabilities();
    }

    private static FrameEnergies energies(short[] audio) {
        FrameEnergies energies = new FrameEnergies();
        energies.accept(audio, 0, audio.length);
        return energies;
    }

    private static double rms(short[] pcm) {
        double sum = 0;
        for (short s : pcm) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / Math.max(1, pcm.length));
    }
}
