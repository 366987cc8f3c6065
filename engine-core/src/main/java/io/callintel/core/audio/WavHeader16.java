package io.callintel.core.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The canonical 44-byte header of a 16-bit PCM WAV file: what raw samples need to become a file any tool reads. */
public final class WavHeader16 {

    public static final int BYTES = 44;

    private WavHeader16() {}

    /**
     * @param dataBytes the length of the samples that follow (sizes above 4 GB are clamped, as WAV cannot say more)
     * @return the header, ready to be written
     */
    public static ByteBuffer of(int sampleRate, int channels, long dataBytes) {
        int data = (int) Math.min(0xFFFFFFFFL - 36, dataBytes);
        return ByteBuffer.allocate(BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("RIFF"))
                .putInt(36 + data)
                .put(ascii("WAVE"))
                .put(ascii("fmt "))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) channels)
                .putInt(sampleRate)
                .putInt(sampleRate * channels * 2)
                .putShort((short) (channels * 2))
                .putShort((short) 16)
                .put(ascii("data"))
                .putInt(data)
                .flip();
    }

    /** Writes the header over the first {@link #BYTES} of a file written with room for it, once its samples are in. */
    public static void fill(Path wav, int sampleRate, int channels) throws IOException {
        try (FileChannel channel = FileChannel.open(wav, StandardOpenOption.WRITE)) {
            channel.write(of(sampleRate, channels, Files.size(wav) - BYTES), 0);
        }
    }

    private static byte[] ascii(String tag) {
        return tag.getBytes(StandardCharsets.US_ASCII);
    }
}
