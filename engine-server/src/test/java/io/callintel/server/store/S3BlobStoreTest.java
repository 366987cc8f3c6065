package io.callintel.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.store.BlobStore;
import io.callintel.testing.S3Server;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The object-storage blob store against a real S3-protocol server (s3rver), as two nodes with their own copies. */
class S3BlobStoreTest {

    private static S3Server server;

    @BeforeAll
    static void startServer() {
        server = S3Server.start("calls");
        System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aBlobWrittenByOneNodeIsReadDeletedAndGoneForAnother(@TempDir Path dir) throws Exception {
        BlobLocation.S3 location = location("calls", "tenant-a");
        byte[] audio = "RIFF....WAVEfmt not really audio".getBytes();
        String key = "acme/default/recordings/1b4e28ba-2fa1-11d2-883f-0016d3cca427.wav";
        try (S3BlobStore writer = S3BlobStore.open(location, dir.resolve("one"));
                S3BlobStore reader = S3BlobStore.open(location, dir.resolve("two"))) {
            assertTrue(writer.reachable());
            assertEquals(audio.length, writer.write(key, new ByteArrayInputStream(audio), 1000));
            assertTrue(
                    Files.exists(server.directory().resolve("calls").resolve("tenant-a/" + key + "._S3rver_object")),
                    "stored under the prefix in the bucket");

            Path copy = reader.file(key).orElseThrow(); // fetched from the object store
            assertTrue(copy.startsWith(dir.resolve("two")), copy.toString());
            assertArrayEquals(audio, Files.readAllBytes(copy));
            assertEquals(Optional.empty(), reader.file("acme/default/recordings/absent.wav"));

            assertTrue(writer.delete(key));
            try (S3BlobStore third = S3BlobStore.open(location, dir.resolve("three"))) {
                assertEquals(Optional.empty(), third.file(key), "gone from the object store");
                assertFalse(third.delete(key));
            }
        }
    }

    @Test
    void tooLargeIsRefusedAndNothingIsStored(@TempDir Path dir) throws Exception {
        try (S3BlobStore store = S3BlobStore.open(location("calls", ""), dir)) {
            String key = "acme/default/recordings/big.wav";
            assertThrows(
                    BlobStore.BlobTooLargeException.class,
                    () -> store.write(key, new ByteArrayInputStream(new byte[2000]), 1000));
            assertEquals(Optional.empty(), store.file(key));
        }
    }

    @Test
    void aMissingBucketIsUnreachable(@TempDir Path dir) throws Exception {
        try (S3BlobStore store = S3BlobStore.open(location("no-such-bucket", ""), dir)) {
            assertFalse(store.reachable());
        }
    }

    static BlobLocation.S3 location(String bucket, String prefix) {
        return (BlobLocation.S3) BlobLocation.parse(
                "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix), Optional.of(server.endpoint()), "us-east-1");
    }
}
