package io.sluice.metastore;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * Sluice's metadata store, opened and migrated to the current schema (Flyway, scripts under {@code db/sluice}, history
 * in {@code sluice_schema_history}). Several Sluice instances may open one PostgreSQL store at once: Flyway takes a lock
 * while it migrates.
 */
public final class Metastore
{
    private static final Logger log = LoggerFactory.getLogger(Metastore.class);

    /** Flyway's history table, named so that Sluice's store can share a database with other applications. */
    public static final String SCHEMA_HISTORY_TABLE = "sluice_schema_history";

    private final MetastoreConfig config;
    private final int schemaVersion;
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();
    private final java.util.concurrent.LinkedBlockingDeque<IdleConnection> pool = new java.util.concurrent.LinkedBlockingDeque<>(MAX_IDLE);

    /** Idle connections kept for reuse; a store of several instances sees at most this many idle per instance. */
    private static final int MAX_IDLE = 8;
    private static final long VALIDATE_AFTER_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    private final DataSource dataSource = new StoreDataSource();

    private Metastore(MetastoreConfig config, int schemaVersion)
    {
        this.config = requireNonNull(config, "config is null");
        this.schemaVersion = schemaVersion;
    }

    /** Opens the store and migrates it; fails naming the store's URL (never its password) when it cannot. */
    public static Metastore open(MetastoreConfig config)
    {
        try {
            Flyway flyway = Flyway.configure(Metastore.class.getClassLoader())
                    .dataSource(config.url(), config.user().orElse(null), config.password().orElse(null))
                    .locations("classpath:db/sluice")
                    .table(SCHEMA_HISTORY_TABLE)
                    .load();
            MigrateResult result = flyway.migrate();
            int version = Integer.parseInt(flyway.info().current().getVersion().getVersion());
            if (result.migrationsExecuted > 0) {
                log.info("Metadata store {} migrated to schema version {} ({} migrations)", config.url(), version, result.migrationsExecuted);
            }
            return new Metastore(config, version);
        }
        catch (FlywayException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot open the metadata store at " + config.url() + " (" + MetastoreConfig.URL + "): "
                    + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable throwable)
    {
        Throwable cause = throwable;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /**
     * A connection to the store; the caller closes it. Inside {@link #inTransaction} it is the transaction's connection,
     * and closing it leaves the transaction open.
     */
    public Connection connection()
    {
        Connection bound = transaction.get();
        if (bound != null) {
            return unclosable(bound);
        }
        Connection raw = acquire();
        return proxy(raw, () -> release(raw), false);
    }

    /**
     * A connection from the pool of idle ones (checked when it idled long enough to have been dropped by the server),
     * else a new one.
     */
    private Connection acquire()
    {
        for (IdleConnection idle = pool.poll(); idle != null; idle = pool.poll()) {
            try {
                if (System.nanoTime() - idle.since() < VALIDATE_AFTER_NANOS || idle.connection().isValid(2)) {
                    return idle.connection();
                }
            }
            catch (SQLException e) {
                // Dropped: take another.
            }
            closeQuietly(idle.connection());
        }
        return newConnection();
    }

    /** Returns a connection to the pool, its transaction ended and auto-commit on; closes it when the pool is full or it is broken. */
    private void release(Connection raw)
    {
        try {
            if (!raw.isClosed() && !raw.getAutoCommit()) {
                raw.rollback();
                raw.setAutoCommit(true);
            }
            if (!raw.isClosed() && pool.offerFirst(new IdleConnection(raw, System.nanoTime()))) {
                return;
            }
        }
        catch (SQLException e) {
            // Broken: close it.
        }
        closeQuietly(raw);
    }

    private record IdleConnection(Connection connection, long since) {}

    private static void closeQuietly(Connection connection)
    {
        try {
            connection.close();
        }
        catch (SQLException e) {
            // Nothing to keep.
        }
    }

    /** Closes the idle connections; connections in use close when their users close them. */
    public void closeIdle()
    {
        for (IdleConnection idle = pool.poll(); idle != null; idle = pool.poll()) {
            closeQuietly(idle.connection());
        }
    }

    /**
     * Closes the store when its server stops: the idle connections, and an embedded H2 database itself, flushed and
     * shut down at once ({@code SHUTDOWN}) rather than whenever its last connection happens to close — so a server
     * started again on the same files, in this JVM or another, opens exactly what was committed.
     */
    public void close()
    {
        closeIdle();
        if (config.url().startsWith("jdbc:h2:file:")) {
            try (Connection connection = newConnection(); java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            catch (SQLException | SluiceException e) {
                log.warn("Shutting down the embedded metadata store {} failed: {}", config.url(), e.getMessage());
            }
        }
    }

    private Connection newConnection()
    {
        try {
            return DriverManager.getConnection(config.url(), connectionProperties());
        }
        catch (SQLException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot connect to the metadata store at " + config.url() + ": " + e.getMessage(), e);
        }
    }

    /** Work on the store in one transaction. */
    public interface Work<T>
    {
        T run(Connection connection)
                throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: every {@link #connection()} and {@link #dataSource()} connection this thread
     * takes meanwhile is the transaction's, so that the stores' writes and the scheduler's commit or roll back together.
     * A nested call joins the outer transaction. A {@link SluiceException} from the work rolls back and is rethrown as it
     * is; an {@link SQLException} rolls back and fails naming the store.
     */
    public <T> T inTransaction(Work<T> work)
    {
        if (transaction.get() != null) {
            try {
                return work.run(unclosable(transaction.get()));
            }
            catch (SQLException e) {
                throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "The metadata store failed: " + e.getMessage(), e);
            }
        }
        Connection connection = acquire();
        try {
            connection.setAutoCommit(false);
            transaction.set(connection);
            try {
                T result = work.run(unclosable(connection));
                connection.commit();
                return result;
            }
            catch (SQLException | RuntimeException e) {
                connection.rollback();
                if (e instanceof SQLException sqlException) {
                    throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "The metadata store failed: " + sqlException.getMessage(), sqlException);
                }
                throw (RuntimeException) e;
            }
            finally {
                transaction.remove();
                release(connection);
            }
        }
        catch (SQLException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot use the metadata store at " + config.url() + ": " + e.getMessage(), e);
        }
    }

    /** The store as a {@link DataSource}, for libraries that take one (the job scheduler); it joins {@link #inTransaction}. */
    public DataSource dataSource()
    {
        return dataSource;
    }

    /** The transaction's connection for work inside it: closing it, committing or rolling back is the transaction owner's. */
    private static Connection unclosable(Connection connection)
    {
        return proxy(connection, () -> {}, true);
    }

    /**
     * A connection whose {@code close()} runs {@code onClose} once instead of closing it; with {@code inTransaction},
     * commit, rollback and auto-commit changes are left to the transaction's owner.
     */
    private static Connection proxy(Connection connection, Runnable onClose, boolean inTransaction)
    {
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Metastore.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
            switch (method.getName()) {
                case "close":
                    if (closed.compareAndSet(false, true)) {
                        onClose.run();
                    }
                    return null;
                case "isClosed":
                    return closed.get() || connection.isClosed();
                case "commit":
                case "rollback":
                case "setAutoCommit":
                    if (inTransaction && method.getParameterCount() <= 1) {
                        return null;
                    }
                    break;
                default:
                    break;
            }
            if (closed.get()) {
                throw new SQLException("The connection is closed");
            }
            try {
                return method.invoke(connection, arguments);
            }
            catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** The JDBC connection properties: user and password, where the store needs them. */
    public Properties connectionProperties()
    {
        Properties properties = new Properties();
        config.user().ifPresent(user -> properties.setProperty("user", user));
        config.password().ifPresent(password -> properties.setProperty("password", password));
        return properties;
    }

    public MetastoreConfig config()
    {
        return config;
    }

    /** The schema version the store was migrated to. */
    public int schemaVersion()
    {
        return schemaVersion;
    }

    /** {@link #connection()} as a {@link DataSource}. */
    private final class StoreDataSource
            implements DataSource
    {
        @Override
        public Connection getConnection()
        {
            return connection();
        }

        @Override
        public Connection getConnection(String user, String password)
        {
            return connection();
        }

        @Override
        public PrintWriter getLogWriter()
        {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout()
        {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger()
                throws SQLFeatureNotSupportedException
        {
            throw new SQLFeatureNotSupportedException("No parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> type)
                throws SQLException
        {
            throw new SQLException("Not a wrapper of " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type)
        {
            return false;
        }
    }
}
