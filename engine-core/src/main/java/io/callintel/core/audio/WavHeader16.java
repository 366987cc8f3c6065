package io.callintel.core.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

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

    private static byte[] ascii(String tag) {
        return tag.getBytes(StandardCharsets.US_ASCII);
    }
}
