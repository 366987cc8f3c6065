package io.callintel.server.store;

import io.callintel.server.data.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Audio files under a directory, one file per storage key. A blob is written to a temporary file,
 * synced, then renamed into place (and the directory synced), so it is either absent or complete.
 * Keys are checked before they touch the file system: none can escape the directory.
 */
public final class FileBlobStore implements ClosableBlobStore {

    /** Path segments of letters, digits, '.', '_' and '-', not starting with a dot; no empty segments. */
    private static final Pattern KEY =
            Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){0,7}");

    private static final int BUFFER = 1 << 20;

    private final Path root;
    private final Path incoming;

    public FileBlobStore(Path root) throws IOException {
        this.root = OwnerOnly.directories(root).toRealPath();
        this.incoming = OwnerOnly.directories(this.root.resolve(".incoming"));
        try (var leftovers = Files.list(incoming)) { // partial writes of a previous process
            for (Path partial : leftovers.toList()) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Whether the store's directory is there and writable (a shared mount can go away). */
    @Override
    public boolean reachable() {
        return Files.isDirectory(root) && Files.isWritable(root);
    }

    /** Whether a key is acceptable to this store. */
    public static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    @Override
    public long write(String key, InputStream content, long maxBytes) throws IOException {
        Path target = resolve(key);
        Path temporary = incoming.resolve(UUID.randomUUID() + ".part");
        long written = 0;
        try {
            try (FileChannel out = FileChannel.open(
                    temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OwnerOnly.file())) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = content.read(buffer)) != -1; ) {
                    written += n;
                    if (written > maxBytes) {
                        throw new BlobTooLargeException(maxBytes);
                    }
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                }
                out.force(true);
            }
            OwnerOnly.directories(target.getParent());
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(target.getParent());
            return written;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Optional<Path> file(String key) {
        Path path = resolve(key);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(resolve(key));
    }

    private Path resolve(String key) {
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("invalid storage key: " + key);
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.startsWith(incoming)) {
            throw new IllegalArgumentException("invalid storage key: " + key);
        }
        return path;
    }

    /** Nothing to release: files are opened and closed by each call. */
    @Override
    public void close() {}

    /** Makes the rename durable: without it a power cut can lose the directory entry. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open directories for sync; the data itself was synced.
        }
    }
}
