package io.callintel.server.cli;

import io.callintel.server.store.BlobLocation;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --blobs}, {@code --s3-endpoint} and {@code --s3-region}: where the audio of many nodes is kept. */
final class BlobFlags {

    @Option(
            names = "--blobs",
            paramLabel = "DIR|s3://BUCKET/PREFIX",
            description = "Where the audio is kept: a path every node shares, or S3-compatible object storage"
                    + " (credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the SDK's other sources;"
                    + " default: the data directory's audio/).")
    String blobs;

    @Option(
            names = "--s3-endpoint",
            paramLabel = "URL",
            description = "The object store's URL for MinIO, Ceph and other on-prem stores (path-style access);"
                    + " default: AWS.")
    String s3Endpoint;

    @Option(
            names = "--s3-region",
            paramLabel = "REGION",
            defaultValue = "us-east-1",
            description = "The bucket's region (default: ${DEFAULT-VALUE}).")
    String s3Region;

    /** The location named; empty when {@code --blobs} is not given. A usage error of {@code command} when invalid. */
    Optional<BlobLocation> location(CommandLine command) {
        try {
            return Optional.ofNullable(blobs)
                    .filter(text -> !text.isBlank())
                    .map(text -> BlobLocation.parse(
                            text.trim(), Optional.ofNullable(s3Endpoint).filter(url -> !url.isBlank()), s3Region));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command, "--blobs: " + e.getMessage());
        }
    }
}
