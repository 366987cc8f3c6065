package io.callintel.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Audio in S3-compatible object storage (MinIO, Ceph, AWS), shared by every node, with a local copy of each blob a
 * node wrote or read: decoding and range requests need a file. A write returns once the object is stored. Credentials
 * come from the SDK's usual chain ({@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}, a profile, an instance
 * role).
 */
public final class S3BlobStore implements ClosableBlobStore {

    private final S3Client s3;
    private final BlobLocation.S3 location;
    private final FileBlobStore copies;

    private S3BlobStore(S3Client s3, BlobLocation.S3 location, FileBlobStore copies) {
        this.s3 = s3;
        this.location = location;
        this.copies = copies;
    }

    /** @param copies where this node keeps its local copies */
    public static S3BlobStore open(BlobLocation.S3 location, Path copies) throws IOException {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(location.region()))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(location.pathStyle())
                        // Plain signed bodies: some on-prem stores keep aws-chunked framing as part of the object.
                        .chunkedEncodingEnabled(false)
                        .build())
                // Checksums only where S3 requires them: on-prem stores do not all speak the newer trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        location.endpoint().map(URI::create).ifPresent(builder::endpointOverride);
        return new S3BlobStore(builder.build(), location, new FileBlobStore(copies));
    }

    @Override
    public long write(String key, InputStream content, long maxBytes) throws IOException {
        long written = copies.write(key, content, maxBytes);
        Path copy = copies.file(key).orElseThrow();
        try {
            s3.putObject(put -> put.bucket(location.bucket()).key(objectKey(key)), RequestBody.fromFile(copy));
        } catch (SdkException e) {
            copies.delete(key);
            throw new IOException("cannot store " + key + " in " + location + ": " + e.getMessage(), e);
        }
        return written;
    }

    @Override
    public Optional<Path> file(String key) {
        Optional<Path> copy = copies.file(key);
        if (copy.isPresent()) {
            return copy;
        }
        try (InputStream object = s3.getObject(
                get -> get.bucket(location.bucket()).key(objectKey(key)), ResponseTransformer.toInputStream())) {
            copies.write(key, object, Long.MAX_VALUE);
            return copies.file(key);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch " + key + " from " + location, e);
        } catch (SdkException e) {
            throw new IllegalStateException("cannot fetch " + key + " from " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        boolean existed;
        try {
            s3.headObject(head -> head.bucket(location.bucket()).key(objectKey(key)));
            existed = true;
        } catch (NoSuchKeyException e) {
            existed = false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            existed = e.statusCode() != 404;
        }
        try {
            s3.deleteObject(delete -> delete.bucket(location.bucket()).key(objectKey(key)));
        } catch (SdkException e) {
            throw new IOException("cannot delete " + key + " from " + location + ": " + e.getMessage(), e);
        }
        return copies.delete(key) || existed;
    }

    /** Frees this node's copy of a blob; the object stays, and is fetched again when next read here. */
    public void dropCopy(String key) throws IOException {
        copies.delete(key);
    }

    @Override
    public boolean reachable() {
        try {
            s3.headBucket(head -> head.bucket(location.bucket()));
            return copies.reachable();
        } catch (SdkException e) {
            return false;
        }
    }

    private String objectKey(String key) {
        if (!FileBlobStore.isValidKey(key)) {
            throw new IllegalArgumentException("invalid storage key: " + key);
        }
        return location.prefix().isEmpty() ? key : location.prefix() + "/" + key;
    }

    @Override
    public void close() {
        s3.close();
    }
}
