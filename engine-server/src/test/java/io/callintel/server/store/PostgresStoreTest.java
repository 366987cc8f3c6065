package io.callintel.server.store;

import io.callintel.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on PostgreSQL: a private server from Debian's binaries, a fresh database per test. */
class PostgresStoreTest extends StoreContract {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    Database open() {
        return Database.connect(server.newDatabase(), 4);
    }
}
