package io.callintel.core.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ceiling from a file's size: what its header claims is checked against what its bytes can hold. */
class DurationBoundTest {

    @Test
    void aHeaderClaimingMoreThanTheBytesCanHoldIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("call.ogg"), new byte[134_000]); // 134 KB: at most 4,288 s
        AudioDecoder claims = new Claiming(86_400); // an Ogg granule ramp claiming a day
        AudioDecodeException e = assertThrows(
                AudioDecodeException.class, () -> new DurationBound(claims, Duration.ofHours(4)).probe(file));
        assertEquals(AudioDecodeException.Problem.TOO_LONG, e.problem());
        assertTrue(e.getMessage().contains("more than 134000 bytes can hold (4288 s"), e.getMessage());

        assertEquals(
                4_000,
                new DurationBound(new Claiming(4_000), Duration.ofHours(4))
                        .probe(file)
                        .durationSeconds());
    }

    /** Probes as a header claiming {@code seconds} of 8 kHz audio; decodes nothing. */
    private record Claiming(double seconds) implements AudioDecoder {
        public MediaInfo probe(Path file) {
            return new MediaInfo("ogg", "vorbis", 8_000, 1, seconds, 0, List.of());
        }

        public PcmStream open(Path file, DecodeOptions options) {
            throw new UnsupportedOperationException();
        }

        public PcmStream open(InputStream stream, String name, DecodeOptions options) {
            throw new UnsupportedOperationException();
        }
    }
}
