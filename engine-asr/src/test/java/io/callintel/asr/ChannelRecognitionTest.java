package io.callintel.asr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.asr.vad.EnergyVad;
import io.callintel.asr.vad.SpeechSpan;
import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.NoiseReductionMode;
import io.callintel.core.audio.WavHeader16;
import io.callintel.testing.Pcm;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second decoding pass of one channel: it hands stretches of speech to the workers and feeds the
 * diarizer. The listener must hear every sample of the recording, once, in order, skipped silence
 * included, before it is told that the audio is complete; and a call that fails half-way must not
 * keep any of the slots that bound the audio waiting for a worker.
 */
class ChannelRecognitionTest {

    private static final int RATE = SpeechSpan.SAMPLE_RATE;

    @TempDir
    Path directory;

    @Test
    void theListenerHearsTheWholeRecordingInOrderThenTheSpeech() throws Exception {
        // Quiet hiss with two loud bursts: silence before, between and after the "speech".
        short[] pcm = hissWithBursts(new double[][] {{1.0, 3.0}, {6.0, 7.5}}, 9.3);
        Path file = wav(pcm);
        AudioDecoder decoder = new FfmpegAudioDecoder();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (SpeechRecognizer recognizer = new SpeechRecognizer(TestModels.vosk())) {
            ChannelRecognition recognition = new ChannelRecognition(
                    decoder,
                    recognizer,
                    workers,
                    new Semaphore(4),
                    EnergyVad.forCalls(),
                    null,
                    VoiceDetection.ENERGY,
                    new ChunkPlanner(15, 0.5, 0.25));
            Heard heard = new Heard();
            List<List<SpeechSpan>> told = new ArrayList<>();
            List<Integer> heardWhenTold = new ArrayList<>();

            ChannelRecognition.Result result =
                    recognition.run(file, DecodeOptions.MIX, NoiseReductionMode.AUTO, heard::accept, speech -> {
                        told.add(speech);
                        heardWhenTold.add(heard.size);
                    });

            short[] decoded = Pcm.decode(file, DecodeOptions.defaults());
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

    @Test
    void aCallThatFailsHalfWayLeavesNoStretchSlotTaken() throws Exception {
        // Six bursts: six stretches. One worker and two slots, so stretches queue up behind the worker.
        double[][] bursts = {{0.5, 1.5}, {3, 4}, {5.5, 6.5}, {8, 9}, {10.5, 11.5}, {13, 14}};
        Path file = wav(hissWithBursts(bursts, 15));
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (SpeechRecognizer recognizer = new SpeechRecognizer(TestModels.vosk())) {
            ChannelRecognition recognition = new ChannelRecognition(
                    new FfmpegAudioDecoder(),
                    recognizer,
                    worker,
                    new Semaphore(2),
                    EnergyVad.forCalls(),
                    null,
                    VoiceDetection.ENERGY,
                    new ChunkPlanner(15, 0.5, 0.25));
            // The worker is held busy, so the first two stretches wait in the queue (both slots taken) when
            // the listener fails at 4.6 s, as a decoder might on a damaged file. The failed call must hand
            // both slots back, or the next call waits forever for one.
            ChannelRecognition.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                CountDownLatch busy = new CountDownLatch(1);
                worker.submit(() -> {
                    busy.await();
                    return null;
                });
                Heard heard = new Heard();
                RuntimeException failure = assertThrows(
                        RuntimeException.class,
                        () -> recognition.run(
                                file,
                                DecodeOptions.MIX,
                                NoiseReductionMode.AUTO,
                                (samples, offset, length) -> {
                                    heard.accept(samples, offset, length);
                                    if (heard.size > 4.6 * RATE) {
                                        throw new IllegalStateException("damaged audio");
                                    }
                                },
                                speech -> {}));
                assertEquals("damaged audio", failure.getMessage());
                busy.countDown();
                return recognition.run(
                        file,
                        DecodeOptions.MIX,
                        NoiseReductionMode.AUTO,
                        ChannelRecognition.PcmListener.NONE,
                        speech -> {});
            });
            assertEquals(6, result.speech().size(), result.speech().toString());
        } finally {
            worker.shutdownNow();
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

    /** Low noise everywhere, loud noise in the given [start, end) stretches of seconds. */
    private static short[] hissWithBursts(double[][] bursts, double seconds) {
        Random random = new Random(7);
        short[] pcm = new short[(int) (seconds * RATE)];
        for (int i = 0; i < pcm.length; i++) {
            double t = i / (double) RATE;
            boolean loud = Arrays.stream(bursts).anyMatch(burst -> t >= burst[0] && t < burst[1]);
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
}
