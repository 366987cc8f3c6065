package io.callintel.server.store;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded SQLite database. */
class SqliteStoreTest extends StoreContract {

    @TempDir
    Path dir;

    @Override
    Database open() {
        return Database.open(dir.resolve(UUID.randomUUID() + ".db"));
    }
}
