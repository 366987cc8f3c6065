package io.callintel.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.Pointer;

/** Process-wide FFmpeg setup and the few helpers every native call site needs. */
final class Ffmpeg {

    /** AVERROR(EAGAIN): the presets do not export it, and errno values differ between platforms. */
    static final int AVERROR_EAGAIN = -(System.getProperty("os.name").startsWith("Mac") ? 35 : 11);

    private static volatile boolean initialised;

    private Ffmpeg() {}

    /** Loads the natives once and silences FFmpeg's stderr logging: damage is reported through our API instead. */
    static void initialise() {
        if (!initialised) {
            synchronized (Ffmpeg.class) {
                if (!initialised) {
                    av_log_set_level(AV_LOG_QUIET);
                    initialised = true;
                }
            }
        }
    }

    /** FFmpeg's description of an AVERROR code. */
    static String describe(int error) {
        byte[] buffer = new byte[256];
        if (av_strerror(error, buffer, buffer.length) < 0) {
            return "error " + error;
        }
        int length = 0;
        while (length < buffer.length && buffer[length] != 0) {
            length++;
        }
        return new String(buffer, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * FFmpeg's interrupt callback, consulted during blocking I/O and long demuxer loops. It runs on
     * the thread that made the FFmpeg call, so the deadline is a thread-local armed around each call.
     * One static instance: JavaCPP callbacks are native thunks and should not be allocated per file.
     */
    static final class Deadline extends AVIOInterruptCB.Callback_Pointer {
        static final Deadline CALLBACK = new Deadline();
        private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[1]);

        private Deadline() {
            super(); // allocates the native thunk
        }

        /** Makes FFmpeg calls on this thread give up once {@code System.nanoTime()} passes {@code nanos}. */
        static void arm(long nanos) {
            DEADLINE.get()[0] = nanos;
        }

        static void disarm() {
            DEADLINE.get()[0] = 0;
        }

        static boolean passed() {
            long deadline = DEADLINE.get()[0];
            return deadline != 0 && System.nanoTime() - deadline > 0;
        }

        @Override
        public int call(Pointer opaque) {
            return passed() ? 1 : 0;
        }
    }
}
