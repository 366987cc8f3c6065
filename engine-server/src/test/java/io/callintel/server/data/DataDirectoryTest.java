package io.callintel.server.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callintel.server.store.FileBlobStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other local users can read nothing of the calls: the data directory, its audio and the key are the owner's. */
class DataDirectoryTest {

    @Test
    void aNewDataDirectoryAndWhatIsWrittenThereAreOwnerOnly(@TempDir Path dir) throws Exception {
        DataDirectory data = DataDirectory.create(dir.resolve("data"));
        data.secrets();
        FileBlobStore blobs = new FileBlobStore(data.audio());
        blobs.write("acme/default/recordings/a.wav", new ByteArrayInputStream(new byte[] {1, 2, 3}), 100);

        assertEquals("rwx------", permissions(data.root()));
        assertEquals("rwx------", permissions(data.uploads()));
        assertEquals("rw-------", permissions(data.secretKey()));
        assertEquals(45, Files.readString(data.secretKey()).length(), "a whole key: 32 bytes in base64 and a newline");
        assertEquals("rwx------", permissions(data.audio().resolve("acme/default/recordings")));
        assertEquals("rw-------", permissions(data.audio().resolve("acme/default/recordings/a.wav")));
        try (var listing = Files.list(data.root())) {
            assertEquals(
                    0,
                    listing.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                            .count(),
                    "no key draft left");
        }
    }

    @Test
    void aDataDirectoryOpenToOthersIsRestricted(@TempDir Path dir) throws Exception {
        Path old = Files.createDirectory(dir.resolve("data"));
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
        DataDirectory.create(old);
        assertEquals("rwx------", permissions(old));
    }

    @Test
    void theKeyIsReadBackNotReplaced(@TempDir Path dir) throws Exception {
        DataDirectory data = DataDirectory.create(dir.resolve("data"));
        data.secrets();
        String key = Files.readString(data.secretKey());
        data.secrets();
        assertEquals(key, Files.readString(data.secretKey()));
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
