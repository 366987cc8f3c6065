package io.callintel.server.app;

import io.callintel.asr.vosk.SpeechRecognizer;
import io.callintel.core.config.ModelPaths;
import io.callintel.server.http.Limits;
import io.callintel.server.http.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the server is configured with.
 *
 * @param dataDirectory   database, audio, search index and the signing secret live here
 * @param host            address to bind
 * @param port            0 picks a free one
 * @param workers         recordings processed at once; 0 for a node that only accepts uploads (they wait in the queue)
 * @param threads         threads shared by all recordings for chunk-parallel recognition
 * @param replaceRecognizersAfter audio seconds after which a thread's recognizer is replaced (memory against speed)
 * @param publicUrl       how clients reach this server (for presigned URLs); the bind address when empty
 * @param jwtSecret       HS256 secret; the data directory's {@code secret.key} when empty
 * @param jwtPublicKey    PEM file of an RSA public key, to accept RS256 tokens issued elsewhere
 * @param maxAttempts     processing attempts per recording before it fails
 * @param shutdownGrace   how long recordings in flight may run on at shutdown before they are re-queued
 * @param limits          upload size and presigned link lifetimes
 * @param retentionDays   how many days recordings are kept, for organizations that set none; empty: for good
 * @param cluster         the database and audio store shared with other nodes, and this node's part; {@link
 *                        Cluster#SINGLE} for one box
 */
public record ServerConfig(
        Path dataDirectory,
        String host,
        int port,
        int workers,
        int threads,
        double replaceRecognizersAfter,
        Optional<String> publicUrl,
        Optional<String> jwtSecret,
        Optional<Path> jwtPublicKey,
        ModelPaths models,
        int maxAttempts,
        Duration retryDelay,
        Duration shutdownGrace,
        Limits limits,
        Optional<Integer> retentionDays,
        Cluster cluster) {

    public ServerConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(cluster, "cluster");
        if (retentionDays.isPresent() && retentionDays.get() < 1) {
            throw new IllegalArgumentException("--retention-days must be 1 or more, got " + retentionDays.get());
        }
        if (cluster.role() == Role.WORKER && workers == 0) {
            throw new IllegalArgumentException("a worker node needs --workers 1 or more");
        }
        if (workers < 0 || threads < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("workers must be 0 or more, threads and max attempts 1 or more");
        }
        SpeechRecognizer.checkReplaceAfter(replaceRecognizersAfter);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }
}
