package io.callintel.asr.diarize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BicClusteringTest {

    @Test
    void estimatesTwoSpeakers() {
        int[] source = {0, 1, 0, 0, 1, 1, 0, 1, 0, 1};
        int[] labels = BicClustering.cluster(segments(source), OptionalInt.empty(), 4);
        assertArrayEquals(source, labels);
    }

    @Test
    void estimatesOneSpeaker() {
        int[] labels = BicClustering.cluster(segments(new int[8]), OptionalInt.empty(), 4);
        assertArrayEquals(new int[8], labels);
    }

    @Test
    void estimatesThreeClearlyDifferentSpeakers() {
        int[] source = {0, 1, 2, 0, 2, 1, 0, 1, 2};
        assertArrayEquals(source, BicClustering.cluster(segments(source), OptionalInt.empty(), 4));
    }

    @Test
    void neverEstimatesMoreThanTheMaximum() {
        int[] source = {0, 1, 2, 0, 2, 1, 0, 1, 2};
        int[] labels = BicClustering.cluster(segments(source), OptionalInt.empty(), 2);
        assertEquals(2, Arrays.stream(labels).distinct().count());
    }

    @Test
    void joinsDownToAFixedCount() {
        int[] source = {0, 1, 0, 1, 0, 1};
        assertEquals(
                1,
                Arrays.stream(BicClustering.cluster(segments(source), OptionalInt.of(1), 4))
                        .distinct()
                        .count());
        int[] three = BicClustering.cluster(segments(source), OptionalInt.of(3), 4);
        assertEquals(3, Arrays.stream(three).distinct().count());
        // The extra cluster splits one speaker; it never mixes the two.
        for (int a = 0; a < source.length; a++) {
            for (int b = 0; b < source.length; b++) {
                if (three[a] == three[b]) {
                    assertEquals(source[a], source[b]);
                }
            }
        }
    }

    /** A 3 s segment per entry, drawn from the toy speaker given. */
    private static List<GaussianStats> segments(int[] speakers) {
        List<GaussianStats> segments = new ArrayList<>();
        for (int k = 0; k < speakers.length; k++) {
            float[] data = Toy.speaker(300, speakers[k], 100 + k);
            GaussianStats stats = new GaussianStats();
            for (int f = 0; f < 300; f++) {
                stats.add(data, f * SpeechFrames.DIMENSIONS);
            }
            segments.add(stats);
        }
        return segments;
    }
}
