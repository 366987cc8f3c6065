package io.callintel.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

/**
 * The data size a RIFF/WAVE header declares. FFmpeg silently clamps it to the file size, which
 * hides truncation of the most common call-recording format; comparing the two reveals it.
 */
final class WavHeader {

    private WavHeader() {}

    /**
     * Seconds of audio the header promises, when that is more than the file holds; empty for an
     * intact file, a streamed WAV (size 0 or 0xFFFFFFFF) or anything that is not plain RIFF/WAVE.
     */
    static OptionalDouble truncatedDeclaredSeconds(byte[] head, long fileSize) {
        if (fileSize <= 0 || head.length < 12 || !tag(head, 0, "RIFF") || !tag(head, 8, "WAVE")) {
            return OptionalDouble.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        long byteRate = 0;
        int offset = 12;
        while (offset + 8 <= head.length) {
            long size = Integer.toUnsignedLong(bytes.getInt(offset + 4));
            if (tag(head, offset, "fmt ") && offset + 20 <= head.length) {
                byteRate = Integer.toUnsignedLong(bytes.getInt(offset + 8 + 8));
            } else if (tag(head, offset, "data")) {
                boolean streamed = size == 0 || size == 0xFFFF_FFFFL;
                long end = offset + 8 + size;
                if (streamed || byteRate == 0 || end <= fileSize) {
                    return OptionalDouble.empty();
                }
                return OptionalDouble.of(size / (double) byteRate);
            }
            offset += 8 + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - offset - 8);
        }
        return OptionalDouble.empty();
    }

    private static boolean tag(byte[] head, int offset, String name) {
        return offset + 4 <= head.length && new String(head, offset, 4, StandardCharsets.US_ASCII).equals(name);
    }
}
