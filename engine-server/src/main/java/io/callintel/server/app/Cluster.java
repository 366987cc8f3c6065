package io.callintel.server.app;

import io.callintel.server.http.Role;
import io.callintel.server.store.BlobLocation;
import io.callintel.server.store.JdbcRecordingStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a node takes part in a deployment of many: the database and audio store they share, what this node does, the
 * name it claims work under, and how long a claim holds without a heartbeat. {@link #SINGLE} is one box.
 *
 * @param database a {@code postgresql://} URL; empty for the data directory's SQLite database
 * @param blobs    where the audio is kept; empty for the data directory's {@code audio/}
 * @param node     this node's name in claims and in {@code /health}
 * @param lease    how long a claim holds without its worker's heartbeat; past it, another worker takes the recording
 */
public record Cluster(Optional<String> database, Optional<BlobLocation> blobs, Role role, String node, Duration lease) {

    public static final Cluster SINGLE =
            new Cluster(Optional.empty(), Optional.empty(), Role.ALL, "local", JdbcRecordingStore.DEFAULT_LEASE);

    public Cluster {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(blobs, "blobs");
        Objects.requireNonNull(role, "role");
        if (node == null || !node.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a node name is 1 to 64 letters, digits, '.', '_' or '-', got " + node);
        }
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("the lease must be 3 seconds or more, got " + lease.toSeconds());
        }
        if (role != Role.ALL && database.isEmpty()) {
            throw new IllegalArgumentException(
                    "--role " + role.wireName() + " is for nodes that share a PostgreSQL database (--db) with others");
        }
    }
}
