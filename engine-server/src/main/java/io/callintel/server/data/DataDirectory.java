package io.callintel.server.data;

import io.callintel.server.auth.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The data directory's layout, in one place: {@code callintel.db} (SQLite), {@code audio/} (the blob store),
 * {@code index/} (the search index), {@code tmp/} (uploads being received) and {@code secret.key}. The server
 * and the command line's credential commands both open it through this type.
 */
public record DataDirectory(Path root) {

    private static final Logger LOG = Logger.getLogger(DataDirectory.class.getName());

    public DataDirectory {
        Objects.requireNonNull(root, "root");
    }

    /**
     * The directory, created with its parents when absent, readable by the owner alone: it holds other people's
     * calls. One left readable by others (as an earlier release made them) is restricted.
     */
    public static DataDirectory create(Path root) throws IOException {
        Path created = OwnerOnly.directories(root);
        if (OwnerOnly.restrict(created)) {
            LOG.warning(
                    () -> "the data directory " + created + " was open to other users; it is now owner-only (0700)");
        }
        return new DataDirectory(created);
    }

    public Path database() {
        return root.resolve("callintel.db");
    }

    public Path audio() {
        return root.resolve("audio");
    }

    public Path index() {
        return root.resolve("index");
    }

    /** Where multipart uploads are spooled while they arrive; created when absent. */
    public Path uploads() throws IOException {
        return OwnerOnly.directories(root.resolve("tmp"));
    }

    public Path secretKey() {
        return root.resolve("secret.key");
    }

    /** The signing secret of this directory, created on first use. */
    public Secrets secrets() throws IOException {
        return Secrets.inFile(secretKey(), OwnerOnly.file());
    }
}
