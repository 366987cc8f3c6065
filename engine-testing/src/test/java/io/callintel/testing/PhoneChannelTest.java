package io.callintel.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.PcmStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The degraded set's telephone channel: the noise is at the level asked for, and FFmpeg reads what it writes. */
class PhoneChannelTest {

    private static final short[] SPEECH = speechLike();

    @Test
    void theNoiseSitsAtTheSignalToNoiseRatioAsked() {
        for (String name : new String[] {"white-20db", "brown-10db", "babble-30db"}) {
            PhoneChannel.Condition noisy = PhoneChannel.named(name);
            PhoneChannel.Condition quiet = new PhoneChannel.Condition(
                    "quiet", false, true, PhoneChannel.Noise.NONE, 0, PhoneChannel.Damage.NONE);
            short[] babble = PhoneChannel.babble(java.util.List.of(SPEECH, SPEECH), SPEECH.length);
            float[] clean = PhoneChannel.channel(quiet, SPEECH, babble, new Random(1));
            float[] mixed = PhoneChannel.channel(noisy, SPEECH, babble, new Random(1));
            double noise = 0;
            for (int i = 0; i < clean.length; i++) {
                noise += (mixed[i] - clean[i]) * (double) (mixed[i] - clean[i]);
            }
            double snr = 10 * Math.log10(PhoneChannel.activePower(clean) / (noise / clean.length));
            assertEquals(noisy.snrDb(), snr, 0.5, name);
        }
    }

    @Test
    void theSameSeedGivesTheSameFile() {
        PhoneChannel.Condition condition = PhoneChannel.named("white-10db");
        assertArrayEquals(PhoneChannel.mono(condition, SPEECH, null, 3), PhoneChannel.mono(condition, SPEECH, null, 3));
    }

    @Test
    void muLawAndALawFilesDecodeToTheSpeechAt8kHz(@TempDir Path directory) throws Exception {
        FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
        for (String name : new String[] {"g711-mulaw", "g711-alaw"}) {
            Path file = directory.resolve(name + ".wav");
            Files.write(file, PhoneChannel.mono(PhoneChannel.named(name), SPEECH, null, 0));
            assertEquals(
                    name.endsWith("alaw") ? "pcm_alaw" : "pcm_mulaw",
                    decoder.probe(file).codec());
            short[] decoded = new short[SPEECH.length];
            try (PcmStream pcm = decoder.open(file, DecodeOptions.defaults())) {
                assertEquals(SPEECH.length, pcm.readFully(decoded, 0, decoded.length), name);
            }
            // Band-limited to 4 kHz and companded: close to the original, not equal.
            double error = 0;
            double signal = 0;
            for (int i = 0; i < SPEECH.length; i++) {
                error += (decoded[i] - SPEECH[i]) * (double) (decoded[i] - SPEECH[i]);
                signal += SPEECH[i] * (double) SPEECH[i];
            }
            assertTrue(10 * Math.log10(signal / error) > 20, name + ": " + 10 * Math.log10(signal / error) + " dB");
        }
    }

    @Test
    void babbleNeedsTalkers() {
        assertThrows(
                IllegalArgumentException.class,
                () -> PhoneChannel.mono(PhoneChannel.named("babble-20db"), SPEECH, null, 0));
    }

    /** Two seconds of syllable-like bursts of a 300 Hz and a 1.1 kHz tone, with pauses: speech's rhythm. */
    private static short[] speechLike() {
        short[] samples = new short[32_000];
        for (int i = 0; i < samples.length; i++) {
            boolean voiced = (i / 3_200) % 2 == 0;
            double t = i / 16_000.0;
            samples[i] = voiced
                    ? (short) (6_000 * Math.sin(2 * Math.PI * 300 * t) + 3_000 * Math.sin(2 * Math.PI * 1_100 * t))
                    : 0;
        }
        return samples;
    }
}
