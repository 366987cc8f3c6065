package io.callintel.core.audio;

/** A recording that cannot be decoded, with a machine-readable {@link Problem} and a message for people. */
public final class AudioDecodeException extends RuntimeException {

    /** What went wrong, coarse enough for a client to act on (reject, retry, ask for another file). */
    public enum Problem {
        /** The file does not exist, is not a regular file or cannot be read. */
        NOT_READABLE,
        /** The file has no bytes at all. */
        EMPTY_FILE,
        /** The bytes are not a recognised audio container (random data, text, an image...). */
        UNRECOGNISED_FORMAT,
        /** The container is recognised but holds no audio stream (for example a video-only file). */
        NO_AUDIO_STREAM,
        /** The audio stream uses a codec this build cannot decode. */
        UNSUPPORTED_CODEC,
        /** The container is valid but holds no audio samples. */
        NO_AUDIO,
        /** The data is damaged beyond recovery (nothing decodable, or a broken header). */
        CORRUPT,
        /** Decoding made no progress within the configured stall timeout. */
        TIMEOUT,
        /** The requested channel does not exist in the recording. */
        BAD_CHANNEL,
        /** The audio is, or would decode to, more than a recording of its size can hold or the limit allows. */
        TOO_LONG
    }

    private final Problem problem;

    public AudioDecodeException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public AudioDecodeException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
