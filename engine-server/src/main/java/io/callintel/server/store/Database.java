package io.callintel.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/**
 * The stores' database, its schema brought up to date by its migrations (Flyway) when opened.
 *
 * <p>By default the embedded SQLite database in the data directory, in WAL mode: readers never wait for the writer,
 * and a commit is synced to disk before it returns ({@code synchronous=FULL}), so an acknowledged upload survives a
 * power cut. Write transactions take the write lock at their start ({@code BEGIN IMMEDIATE}), so two of them queue
 * instead of failing half-way. For many nodes, a PostgreSQL database that they share ({@link #connect}).
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final Dialect dialect;

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** Opens (creating when absent) the database file and brings its schema up to date by its migrations. */
    public static Database open(Path file) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setBusyTimeout(10_000);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        sqlite.enforceForeignKeys(false);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
        config.setDataSourceProperties(sqlite.toProperties());
        config.setMaximumPoolSize(8);
        config.setPoolName("callintel-db");
        return migrated(new Database(new HikariDataSource(config), Dialect.SQLITE));
    }

    /**
     * Connects to a PostgreSQL database ({@code postgresql://user:password@host:port/database}, or a JDBC URL) and
     * brings its schema up to date; several nodes may do so at once (Flyway locks the schema while it migrates).
     *
     * @throws IllegalArgumentException when the URL is not one of those
     */
    public static Database connect(String url, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(PostgresUrl.jdbc(url));
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("callintel-db");
        config.setInitializationFailTimeout(30_000); // a database still starting gets half a minute
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalStateException(
                    "cannot connect to the database " + PostgresUrl.shown(url) + ": " + cause.getMessage(), e);
        }
        return migrated(new Database(pool, Dialect.POSTGRESQL));
    }

    private static Database migrated(Database database) {
        try {
            Flyway.configure()
                    .dataSource(database.pool)
                    .locations(database.dialect.migrations)
                    // SQLite data directories of the releases before migrations have tables and no version: they are
                    // version 1. A PostgreSQL database has had migrations from the start: tables without a version
                    // there are someone else's, and Flyway refuses them.
                    .baselineOnMigrate(database.dialect == Dialect.SQLITE)
                    .baselineVersion("1")
                    .baselineDescription("schema before migrations")
                    .load()
                    .migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    Dialect dialect() {
        return dialect;
    }

    /** Something done with a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Maps the current row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** One statement on its own (its own transaction when it writes). @return rows changed */
    public int update(String sql, Object... params) {
        return inTransaction(connection -> update(connection, sql, params));
    }

    public static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection connection = pool.getConnection()) {
            return query(connection, sql, mapper, params);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    public static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params);
                ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        return query(sql, mapper, params).stream().findFirst();
    }

    public long count(String sql, Object... params) {
        return queryOne(sql, row -> row.getLong(1), params).orElse(0L);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }

    /** SQLite has no NaN or infinity: store NULL for them. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The database failed (disk full, file damaged): worth a retry, never the caller's fault. */
    public static final class StorageException extends RuntimeException {
        StorageException(SQLException cause) {
            super("database error: " + cause.getMessage(), cause);
        }
    }
}
