package io.callintel.audio;

import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FORCE;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_SIZE;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Seek_Pointer_long_int;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * FFmpeg reads every input through Java, for three reasons: format probing sees only the bytes
 * (no file name, so an extension can never decide the format), every read respects the stall
 * deadline, and a non-seekable {@link java.io.InputStream} decodes exactly like a file.
 */
final class ChannelIo implements AutoCloseable {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int HEAD_SIZE = 4096;
    private static final int AVERROR_EIO = -5;

    /** JavaCPP callbacks are native thunks: one static pair serves every input, told apart by the opaque key. */
    private static final Map<Long, ChannelIo> OPEN = new ConcurrentHashMap<>();

    private static final Reader READER = new Reader();
    private static final Seeker SEEKER = new Seeker();

    private final ReadableByteChannel channel;
    private final LongPointer key = new LongPointer(1);
    private final AVIOContext context;
    private final byte[] head = new byte[HEAD_SIZE];
    private int headLength;
    private long position;
    private IOException failure;

    ChannelIo(ReadableByteChannel channel) {
        this.channel = channel;
        OPEN.put(key.address(), this);
        BytePointer buffer = new BytePointer(av_malloc(BUFFER_SIZE));
        boolean seekable = channel instanceof SeekableByteChannel;
        context = avio_alloc_context(buffer, BUFFER_SIZE, 0, key, READER, null, seekable ? SEEKER : null);
        context.seekable(seekable ? 1 : 0);
    }

    AVIOContext context() {
        return context;
    }

    /** The first bytes of the input, for the container details FFmpeg does not expose (Matroska DocType, ftyp brand, WAV sizes). */
    byte[] head() {
        return Arrays.copyOf(head, headLength);
    }

    /** Total size in bytes, or -1 when the input is a stream. */
    long size() {
        try {
            return channel instanceof SeekableByteChannel seekable ? seekable.size() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The I/O error that ended reading early, if any. */
    IOException failure() {
        return failure;
    }

    private int read(BytePointer target, int size) {
        if (Ffmpeg.Deadline.passed()) {
            return AVERROR_EXIT;
        }
        try {
            ByteBuffer buffer = target.capacity(size).asByteBuffer();
            int read;
            do {
                read = channel.read(buffer);
            } while (read == 0 && !Ffmpeg.Deadline.passed());
            if (read < 0) {
                return AVERROR_EOF;
            }
            if (read == 0) {
                return AVERROR_EXIT; // the deadline passed while the source delivered nothing
            }
            rememberHead(buffer, read);
            position += read;
            return read;
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e);
            return AVERROR_EIO;
        }
    }

    private void rememberHead(ByteBuffer buffer, int read) {
        if (position < HEAD_SIZE) {
            int copy = (int) Math.min(read, HEAD_SIZE - position);
            buffer.get(0, head, (int) position, copy);
            headLength = Math.max(headLength, (int) position + copy);
        }
    }

    private long seek(long offset, int whence) {
        SeekableByteChannel seekable = (SeekableByteChannel) channel;
        try {
            whence &= ~AVSEEK_FORCE;
            if (whence == AVSEEK_SIZE) {
                return seekable.size();
            }
            long target = switch (whence) {
                case 0 -> offset; // SEEK_SET
                case 1 -> position + offset; // SEEK_CUR
                case 2 -> seekable.size() + offset; // SEEK_END
                default -> -1;
            };
            if (target < 0) {
                return -22; // AVERROR(EINVAL)
            }
            seekable.position(target);
            position = target;
            return target;
        } catch (IOException e) {
            failure = e;
            return AVERROR_EIO;
        }
    }

    @Override
    public void close() {
        OPEN.remove(key.address());
        // libavformat may have replaced the buffer it was given; free the one it holds now.
        av_free(context.buffer());
        avio_context_free(context);
        key.close();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was written; a failing close of a read-only channel loses nothing.
        }
    }

    private static final class Reader extends Read_packet_Pointer_BytePointer_int {
        @Override
        public int call(Pointer opaque, BytePointer buffer, int size) {
            ChannelIo io = OPEN.get(opaque.address());
            return io == null ? AVERROR_EIO : io.read(buffer, size);
        }
    }

    private static final class Seeker extends Seek_Pointer_long_int {
        @Override
        public long call(Pointer opaque, long offset, int whence) {
            ChannelIo io = OPEN.get(opaque.address());
            return io == null ? AVERROR_EIO : io.seek(offset, whence);
        }
    }
}
