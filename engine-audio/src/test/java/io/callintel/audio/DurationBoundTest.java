package io.callintel.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.audio.AudioDecodeException;
import io.callintel.core.audio.AudioDecodeException.Problem;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.DurationBound;
import io.callintel.core.audio.PcmStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small files with forged headers do not decode into days of audio (real FFmpeg, real files). */
class DurationBoundTest {

    private static final Path SPEECH = Path.of("src/test/resources/audio/speech-16k.wav");
    private final AudioDecoder bounded = new DurationBound(new FfmpegAudioDecoder(), Duration.ofHours(4));

    @Test
    void aWavWhoseRateFieldSaysOneHertzIsRefusedAtTheProbe(@TempDir Path dir) throws Exception {
        byte[] wav = Files.readAllBytes(SPEECH);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 1); // the sample-rate field
        Path forged = Files.write(dir.resolve("forged.wav"), wav);
        assertTrue(new FfmpegAudioDecoder().probe(forged).durationSeconds() > 10_000, "unbounded, it is days long");

        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> bounded.probe(forged));
        assertEquals(Problem.CORRUPT, e.problem());
        assertTrue(e.getMessage().contains("sample rate of 1 Hz"), e.getMessage());
    }

    @Test
    void aStreamStopsOnceItPassesTheLongestCall() {
        AudioDecoder oneSecond = new DurationBound(new FfmpegAudioDecoder(), Duration.ofSeconds(1));
        AudioDecodeException atProbe = assertThrows(AudioDecodeException.class, () -> oneSecond.probe(SPEECH));
        assertEquals(Problem.TOO_LONG, atProbe.problem());
        assertTrue(atProbe.getMessage().contains("longer than the longest call accepted (1 s)"), atProbe.getMessage());

        try (PcmStream stream = oneSecond.open(SPEECH, DecodeOptions.defaults())) {
            short[] buffer = new short[4_000];
            AudioDecodeException whileDecoding = assertThrows(AudioDecodeException.class, () -> {
                while (stream.read(buffer, 0, buffer.length) >= 0) {
                    // decode until stopped
                }
            });
            assertEquals(Problem.TOO_LONG, whileDecoding.problem());
        }
    }

    @Test
    void realRecordingsPassUntouched() {
        assertEquals(new FfmpegAudioDecoder().probe(SPEECH), bounded.probe(SPEECH));
        long samples = 0;
        try (PcmStream stream = bounded.open(SPEECH, DecodeOptions.defaults())) {
            short[] buffer = new short[4_000];
            for (int n; (n = stream.read(buffer, 0, buffer.length)) >= 0; ) {
                samples += n;
            }
        }
        assertTrue(samples > 16_000, "decoded whole: " + samples);
    }
}
