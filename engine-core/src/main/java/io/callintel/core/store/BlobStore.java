package io.callintel.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** Where the audio files are kept, by storage key ({@code client/profile/recordings/uuid.ext}). */
public interface BlobStore {

    /**
     * Stores a stream under a key. Returns only once the bytes are durable (synced to disk), and a
     * reader never sees a partly written blob.
     *
     * @param maxBytes a stream longer than this is refused: nothing is stored
     * @return the number of bytes stored
     * @throws BlobTooLargeException when the stream is longer than {@code maxBytes}
     */
    long write(String key, InputStream content, long maxBytes) throws IOException;

    /** A local file holding the blob, for decoding and for streaming ranges; empty when absent. */
    Optional<Path> file(String key);

    /** @return false when there was nothing under the key */
    boolean delete(String key) throws IOException;

    /** Whether the store can be used now (for health checks: a mount or an object store can go away). */
    boolean reachable();

    /** The stream was longer than allowed. */
    final class BlobTooLargeException extends IOException {
        public BlobTooLargeException(long maxBytes) {
            super("more than " + maxBytes + " bytes");
        }
    }
}
