package io.callintel.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.NoiseReduction;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Noise reduction through libavfilter: real speech with white noise added, decoded with and without it. */
class NoiseReductionTest {

    private static final int RATE = 16_000;
    private static final FfmpegAudioDecoder DECODER = new FfmpegAudioDecoder();

    @TempDir
    static Path directory;

    private static short[] clean;
    private static Path noisy;
    private static int speechStart;

    /** A second of noise, the speech fixture with the same noise (about 20 dB under it), a second of noise. */
    @BeforeAll
    static void noisyFile() throws Exception {
        short[] speech = Signals.readReferenceWav(Signals.fixture("speech-16k.wav"), 0);
        speechStart = RATE;
        clean = new short[speech.length + 2 * RATE];
        System.arraycopy(speech, 0, clean, speechStart, speech.length);
        double sum = 0;
        for (short sample : speech) {
            sum += sample * (double) sample;
        }
        double rms = Math.sqrt(sum / speech.length);
        Random random = new Random(7);
        short[] mixed = new short[clean.length];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = (short) Math.max(-32768, Math.min(32767, clean[i] + random.nextGaussian() * rms / 10));
        }
        noisy = wav("noisy.wav", mixed);
    }

    @Test
    void removesTheNoiseKeepsTheSpeechInPlaceAndEverySample() {
        short[] plain = Signals.decodeAll(DECODER, noisy, DecodeOptions.defaults());
        short[] denoised = Signals.decodeAll(
                DECODER, noisy, DecodeOptions.defaults().withNoiseReduction(new NoiseReduction(floorDbfs(plain))));

        assertEquals(plain.length, denoised.length, "noise reduction must neither add nor drop samples");
        double noiseBefore = power(plain, 0, speechStart / 2);
        double noiseAfter = power(denoised, 0, speechStart / 2);
        assertTrue(
                noiseBefore - noiseAfter >= 10,
                "noise-only stretch: " + Signals.dbAsText(noiseBefore) + " before, " + Signals.dbAsText(noiseAfter)
                        + " after");
        // At lag 0: the denoised speech is nearer the clean speech than the noisy one is, and not shifted in time.
        double before = Signals.snrDb(clean, plain, 0);
        double after = Signals.snrDb(clean, denoised, 0);
        assertTrue(
                after > before + 1, "speech SNR " + Signals.dbAsText(before) + " before, " + Signals.dbAsText(after));
    }

    @Test
    void recordingsShorterThanTheFiltersDelayKeepTheirLength() throws Exception {
        for (int length : new int[] {1, 160, NoiseReducer.DELAY, 5_000}) {
            Path file = wav("short-" + length + ".wav", Arrays.copyOfRange(clean, speechStart, speechStart + length));
            short[] denoised = Signals.decodeAll(
                    DECODER, file, DecodeOptions.defaults().withNoiseReduction(new NoiseReduction(-50)));
            assertEquals(length, denoised.length, length + " samples");
        }
    }

    @Test
    void aFloorOutsideWhatTheFilterTakesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NoiseReduction(-10));
        assertThrows(IllegalArgumentException.class, () -> new NoiseReduction(Double.NaN));
    }

    /** The 10th percentile of 10 ms frame power, in dBFS: where the noise sits. */
    private static double floorDbfs(short[] samples) {
        int frames = samples.length / 160;
        double[] db = new double[frames];
        for (int f = 0; f < frames; f++) {
            db[f] = power(samples, f * 160, f * 160 + 160);
        }
        Arrays.sort(db);
        return Math.max(NoiseReduction.QUIETEST, Math.min(NoiseReduction.LOUDEST, db[frames / 10] + 6));
    }

    /** Mean power of samples [from, to) in dBFS. */
    private static double power(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += samples[i] * (double) samples[i];
        }
        return 10 * Math.log10(sum / (to - from) / (32768.0 * 32768.0) + 1e-12);
    }

    /** A 16 kHz mono 16-bit WAV of the samples, written with the JDK's own writer. */
    private static Path wav(String name, short[] samples) throws Exception {
        Path file = directory.resolve(name);
        AudioSystem.write(
                new AudioInputStream(
                        new ByteArrayInputStream(Signals.toBytes(samples)),
                        new AudioFormat(RATE, 16, 1, true, false),
                        samples.length),
                AudioFileFormat.Type.WAVE,
                file.toFile());
        return file;
    }
}
