package io.callintel.server.data;

import io.callintel.server.auth.Secrets;
import io.callintel.server.store.Database;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a node keeps its state: its data directory, and, when many nodes share one, the PostgreSQL database that
 * holds their metadata, queue, API keys and signing secret ({@code --db}). The server and the credential commands
 * open it through this type, so a token minted against the database is accepted by every node.
 *
 * @param database a {@code postgresql://} URL; empty for the data directory's own SQLite database
 */
public record Storage(DataDirectory data, Optional<String> database) {

    /** Connections per node to a shared database: the workers' and the API's, with room to spare. */
    private static final int POOL_SIZE = 16;

    public Storage {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(database, "database");
    }

    /** The database, migrated to this release's schema. */
    public Database openDatabase() {
        return database.map(url -> Database.connect(url, POOL_SIZE)).orElseGet(() -> Database.open(data.database()));
    }

    /** The signing secret: the shared database's when there is one, else the data directory's. */
    public Secrets secrets(Database db) throws IOException {
        return database.isPresent() ? Secrets.inDatabase(db) : data.secrets();
    }

    /** Whether other nodes may use the same database: then nothing may be kept in one node's memory alone. */
    public boolean shared() {
        return database.isPresent();
    }
}
