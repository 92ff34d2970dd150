package io.sluice.metastore;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
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

    /** A new connection to the store; the caller closes it. */
    public Connection connection()
    {
        try {
            return DriverManager.getConnection(config.url(), connectionProperties());
        }
        catch (SQLException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot connect to the metadata store at " + config.url() + ": " + e.getMessage(), e);
        }
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
}
