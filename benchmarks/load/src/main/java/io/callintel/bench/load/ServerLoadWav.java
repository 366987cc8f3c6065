package io.callintel.bench.load;

import io.callintel.core.audio.WavHeader16;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the upload test files: a canonical 44-byte WAV header (PCM, 16 kHz, mono, 16 bit) followed by
 * low-amplitude noise. The server probes every upload with FFmpeg and refuses what is not audio, so the
 * file must be a real WAV; noise rather than zeros so that no layer (disk, page cache) gets it for free.
 */
final class ServerLoadWav {

    private static final int SAMPLE_RATE = 16_000;

    private ServerLoadWav() {}

    /** Writes {@code dataBytes} of samples (rounded down to whole samples) plus the header; returns the file size. */
    static long write(Path file, long dataBytes) throws IOException {
        long data = dataBytes & ~1L;
        ByteBuffer header = WavHeader16.of(SAMPLE_RATE, 1, data);
        ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        long seed = 0x9E3779B97F4A7C15L;
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(header);
            for (long left = data; left > 0; ) {
                chunk.clear();
                int bytes = (int) Math.min(chunk.capacity(), left);
                for (int i = 0; i < bytes; i += 2) {
                    seed ^= seed << 13; // xorshift64: cheap, and 100 MB of it takes well under a second
                    seed ^= seed >>> 7;
                    seed ^= seed << 17;
                    chunk.putShort((short) ((seed >> 40) % 96)); // |sample| < 96: about -50 dBFS line noise
                }
                chunk.flip();
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                left -= bytes;
            }
        }
        return WavHeader16.BYTES + data;
    }
}
