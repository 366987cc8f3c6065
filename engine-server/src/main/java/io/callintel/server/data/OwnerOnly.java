package io.callintel.server.data;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories only the server's user may read: recordings, transcripts and keys are other people's
 * calls. On a file system without POSIX permissions the attributes are left out (the operating system's rules
 * apply there).
 */
public final class OwnerOnly {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Attributes for a new file: read and write for the owner alone. */
    public static FileAttribute<?>[] file() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** {@code directory} and its missing parents, each created for the owner alone. */
    public static Path directories(Path directory) throws IOException {
        return POSIX
                ? Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY))
                : Files.createDirectories(directory);
    }

    /**
     * Takes group and others' access away from an existing directory (a data directory made by an earlier
     * release was world-readable). True when it had any.
     */
    public static boolean restrict(Path directory) throws IOException {
        if (!POSIX) {
            return false;
        }
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(directory);
        if (DIRECTORY.containsAll(current)) {
            return false;
        }
        Files.setPosixFilePermissions(directory, DIRECTORY);
        return true;
    }
}
