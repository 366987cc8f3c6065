package io.callintel.asr.diarize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    @Test
    void oneFrameEvery160SamplesWhateverTheChunks() {
        short[] pcm = signal(16_000 * 3 + 77);
        float[] reference = features(pcm, pcm.length);
        assertEquals((pcm.length + 159) / 160 * FrameStore.DIMENSIONS, reference.length);
        for (int chunk : new int[] {1, 159, 160, 1000, 8192, 20_000}) {
            assertArrayEquals(reference, features(pcm, chunk), "chunks of " + chunk);
        }
    }

    @Test
    void framesFollowTheirOwnStretchOfAudio() {
        // One second of silence, then one second of a 200 Hz voice-like tone.
        short[] pcm = new short[32_000];
        for (int n = 16_000; n < pcm.length; n++) {
            pcm[n] = (short) (4000 * Math.sin(2 * Math.PI * 200 * n / 16_000.0)
                    + 2000 * Math.sin(2 * Math.PI * 400 * n / 16_000.0));
        }
        FrameStore store = new FrameStore();
        FeatureExtractor extractor = new FeatureExtractor(store);
        extractor.accept(pcm, 0, pcm.length);
        extractor.finish();
        assertTrue(Float.isNaN(store.get(50, FrameStore.PITCH)), "silence has no pitch");
        assertEquals(200, Math.exp(store.get(150, FrameStore.PITCH)), 3, "pitch of the tone");
        // The analysis windows reach at most 20 ms around a frame: frame 97 (0.97-0.98 s) hears nothing.
        assertEquals(store.get(50, FrameStore.ENERGY), store.get(97, FrameStore.ENERGY), 1e-6);
        assertTrue(store.get(102, FrameStore.ENERGY) > store.get(97, FrameStore.ENERGY) + 10);
    }

    @Test
    void refusesAudioAfterTheEnd() {
        FeatureExtractor extractor = new FeatureExtractor(new FrameStore());
        extractor.accept(new short[100], 0, 100);
        extractor.finish();
        assertThrows(IllegalStateException.class, () -> extractor.accept(new short[10], 0, 10));
    }

    private static float[] features(short[] pcm, int chunk) {
        FrameStore store = new FrameStore();
        FeatureExtractor extractor = new FeatureExtractor(store);
        for (int offset = 0; offset < pcm.length; offset += chunk) {
            extractor.accept(pcm, offset, Math.min(chunk, pcm.length - offset));
        }
        extractor.finish();
        float[] all = new float[store.frames() * FrameStore.DIMENSIONS];
        for (int f = 0; f < store.frames(); f++) {
            store.copy(f, all, f * FrameStore.DIMENSIONS);
        }
        return all;
    }

    private static short[] signal(int length) {
        Random random = new Random(7);
        short[] pcm = new short[length];
        for (int n = 0; n < length; n++) {
            double voice = 3000 * Math.sin(2 * Math.PI * 130 * n / 16_000.0)
                    + 1500 * Math.sin(2 * Math.PI * 390 * n / 16_000.0);
            pcm[n] = (short) (voice * (1 + Math.sin(n / 4000.0)) / 2 + 200 * random.nextGaussian());
        }
        return pcm;
    }
}
