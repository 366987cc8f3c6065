package io.callintel.server.store;

/**
 * What differs between the two databases the stores run on; every other statement is the same SQL on both. Each
 * has its own migrations: the same versions for the tables both have, and PostgreSQL's own for what only many nodes
 * need (the shared secret, the search feed).
 */
enum Dialect {
    /** The embedded default: one process, whose write transactions take the lock at their start. */
    SQLITE("classpath:db/sqlite") {
        @Override
        String jsonArrayContains(String column) {
            return "EXISTS (SELECT 1 FROM json_each(" + column + ") WHERE json_each.value = ?)";
        }

        @Override
        String skipLocked() {
            return ""; // BEGIN IMMEDIATE already keeps other writers out
        }
    },
    /** Many nodes on one database: claims lock their row and pass over rows another node holds. */
    POSTGRESQL("classpath:db/postgresql") {
        @Override
        String jsonArrayContains(String column) {
            return "EXISTS (SELECT 1 FROM jsonb_array_elements_text(" + column + "::jsonb) AS e(value)"
                    + " WHERE e.value = ?)";
        }

        @Override
        String skipLocked() {
            return " FOR UPDATE SKIP LOCKED";
        }
    };

    final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /** A condition true when the JSON array of strings in {@code column} holds the statement's next parameter. */
    abstract String jsonArrayContains(String column);

    /** What ends a SELECT whose rows the transaction is about to claim. */
    abstract String skipLocked();
}
