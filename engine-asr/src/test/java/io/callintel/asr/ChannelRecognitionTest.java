package io.callintel.asr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.asr.vad.EnergyVad;
import io.callintel.asr.vad.SpeechSpan;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.PcmStream;
import io.callintel.core.audio.WavHeader16;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diarizer's features come from the second decoding pass, which skips the silence it does not
 * recognize: the listener must still hear every sample of the recording, once, in order, and before
 * it is told that the audio is complete.
 */
class ChannelRecognitionTest {

    private static final int RATE = SpeechSpan.SAMPLE_RATE;

    @TempDir
    Path directory;

    @Test
    void theListenerHearsTheWholeRecordingInOrderThenTheSpeech() throws Exception {
        // Quiet hiss with two loud bursts: silence before, between and after the "speech".
        short[] pcm = hissWithBursts(new double[] {1.0, 3.0}, new double[] {6.0, 7.5}, 9.3);
        Path file = wav(pcm);
        AudioDecoder decoder = new FfmpegAudioDecoder();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (SpeechRecognizer recognizer = new SpeechRecognizer(TestModels.vosk())) {
            ChannelRecognition recognition = new ChannelRecognition(decoder, recognizer, workers, new Semaphore(4),
                    EnergyVad.forCalls(), new ChunkPlanner(15, 0.5, 0.25));
            Heard heard = new Heard();
            List<List<SpeechSpan>> told = new ArrayList<>();
            List<Integer> heardWhenTold = new ArrayList<>();

            ChannelRecognition.Result result = recognition.run(file, DecodeOptions.MIX, heard::accept, speech -> {
                told.add(speech);
                heardWhenTold.add(heard.size);
            });

            short[] decoded = decodeAll(decoder, file);
            assertEquals(decoded.length, result.samples());
            assertArrayEquals(decoded, heard.samples(), "every sample once, in order, skipped silence included");
            assertEquals(List.of(decoded.length), heardWhenTold, "told once, after the last sample");
            assertEquals(List.of(result.speech()), told);
            assertEquals(2, result.speech().size(), result.speech().toString());
            assertTrue(result.speech().get(1).start() > 4 * RATE, "the silence between the bursts is not speech");
        } finally {
            workers.shutdownNow();
        }
    }

    /** What the listener was given, appended. */
    private static final class Heard {
        short[] buffer = new short[RATE];
        int size;

        void accept(short[] samples, int offset, int length) {
            if (size + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + length));
            }
            System.arraycopy(samples, offset, buffer, size, length);
            size += length;
        }

        short[] samples() {
            return Arrays.copyOf(buffer, size);
        }
    }

    /** Low noise everywhere, loud noise in the given [start, end) seconds. */
    private static short[] hissWithBursts(double[] first, double[] second, double seconds) {
        Random random = new Random(7);
        short[] pcm = new short[(int) (seconds * RATE)];
        for (int i = 0; i < pcm.length; i++) {
            double t = i / (double) RATE;
            boolean loud = (t >= first[0] && t < first[1]) || (t >= second[0] && t < second[1]);
            pcm[i] = (short) (random.nextGaussian() * (loud ? 6000 : 30));
        }
        return pcm;
    }

    private Path wav(short[] pcm) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : pcm) {
            data.putShort(sample);
        }
        Path file = directory.resolve("bursts.wav");
        try (var out = Files.newOutputStream(file)) {
            out.write(WavHeader16.of(RATE, 1, data.capacity()).array());
            out.write(data.array());
        }
        return file;
    }

    private static short[] decodeAll(AudioDecoder decoder, Path file) {
        short[] all = new short[0];
        try (PcmStream pcm = decoder.open(file, DecodeOptions.defaults())) {
            short[] buffer = new short[RATE];
            int n;
            while ((n = pcm.read(buffer, 0, buffer.length)) >= 0) {
                all = Arrays.copyOf(all, all.length + n);
                System.arraycopy(buffer, 0, all, all.length - n, n);
            }
        }
        return all;
    }
}
