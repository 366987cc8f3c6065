package io.callintel.server.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where the audio lives ({@code serve --blobs}): a directory (the data directory's, or one the nodes share), or S3. */
public sealed interface BlobLocation {

    /**
     * The store at this location.
     *
     * @param localCopies where an object store's blobs are copied to as this process writes or reads them
     */
    default ClosableBlobStore open(Path localCopies) throws IOException {
        return switch (this) {
            case Directory directory -> new FileBlobStore(directory.path());
            case S3 s3 -> S3BlobStore.open(s3, localCopies);
        };
    }

    /** A directory, a shared mount for many nodes. */
    record Directory(Path path) implements BlobLocation {
        public Directory {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * A bucket of S3-compatible object storage.
     *
     * @param prefix    prepended to every key ({@code prefix/client/profile/recordings/uuid.ext}); may be empty
     * @param endpoint  the store's URL for on-prem stores (MinIO, Ceph); empty for AWS itself
     * @param pathStyle {@code host/bucket/key} rather than {@code bucket.host/key}: what on-prem stores expect
     */
    record S3(String bucket, String prefix, Optional<String> endpoint, String region, boolean pathStyle)
            implements BlobLocation {
        public S3 {
            if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                throw new IllegalArgumentException("invalid S3 bucket name: " + bucket);
            }
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(region, "region");
        }

        @Override
        public String toString() {
            return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
        }
    }

    /**
     * {@code s3://bucket[/prefix]} or a path.
     *
     * @param endpoint for S3: the store's URL; path-style access is used whenever one is given
     */
    public static BlobLocation parse(String text, Optional<String> endpoint, String region) {
        if (!text.startsWith("s3://")) {
            return new Directory(Path.of(text));
        }
        String rest = text.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("^/+|/+$", "");
        return new S3(bucket, prefix, endpoint, region, endpoint.isPresent());
    }
}
