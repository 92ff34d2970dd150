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
        return newConnection();
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
        try (Connection connection = newConnection()) {
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

    private static Connection unclosable(Connection connection)
    {
        return (Connection) Proxy.newProxyInstance(Metastore.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
            switch (method.getName()) {
                case "close":
                    return null;
                case "isClosed":
                    return false;
                case "commit":
                case "rollback":
                case "setAutoCommit":
                    // The transaction's owner commits or rolls back.
                    if (method.getParameterCount() <= 1) {
                        return null;
                    }
                    break;
                default:
                    break;
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
