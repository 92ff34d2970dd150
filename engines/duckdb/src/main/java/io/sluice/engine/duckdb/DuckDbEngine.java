package io.sluice.engine.duckdb;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineHealth;
import io.sluice.spi.engine.EngineProbes;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.SessionContext;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/**
 * One DuckDB database for the whole Sluice process. Each session gets its own connection, duplicated from the
 * root connection, so its temporary views and settings are its own while tables are shared.
 */
public final class DuckDbEngine
        implements Engine
{
    private static final Logger log = LoggerFactory.getLogger(DuckDbEngine.class);

    private final DuckDbConfig config;
    private final DuckDBConnection root;
    private final String version;
    private final Set<DuckDbSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger runningStatements = new AtomicInteger();

    private DuckDbEngine(DuckDbConfig config, DuckDBConnection root, String version)
    {
        this.config = requireNonNull(config, "config is null");
        this.root = requireNonNull(root, "root is null");
        this.version = requireNonNull(version, "version is null");
    }

    public static DuckDbEngine open(DuckDbConfig config)
    {
        try {
            Files.createDirectories(config.databaseFile().toAbsolutePath().getParent());
            Files.createDirectories(config.spoolDirectory());
            // Spool files belong to results of an earlier run; no reader is left for them.
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(config.spoolDirectory(), "result-*.spool")) {
                for (Path file : stale) {
                    Files.deleteIfExists(file);
                }
            }
        }
        catch (IOException e) {
            throw new SluiceException(ErrorCode.ENGINE_UNAVAILABLE, "Cannot create the DuckDB data directory: " + e.getMessage(), e);
        }
        Properties properties = new Properties();
        properties.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
        config.threads().ifPresent(threads -> properties.setProperty("threads", String.valueOf(threads)));
        config.memoryLimit().ifPresent(limit -> properties.setProperty("memory_limit", limit));
        try {
            // The driver itself, not DriverManager: in a plugin's class loader, DriverManager may not see the driver.
            Connection connection = new DuckDBDriver().connect("jdbc:duckdb:" + config.databaseFile().toAbsolutePath(), properties);
            DuckDBConnection root = connection.unwrap(DuckDBConnection.class);
            String version;
            try (Statement statement = root.createStatement()) {
                // Sluice's sessions are in UTC, as Spark's are set to be: timestamps with a zone print the same everywhere.
                statement.execute("SET GLOBAL TimeZone = 'UTC'");
                // Lakehouse data files never change once written: their Parquet footers are read once, not per query.
                statement.execute("SET GLOBAL parquet_metadata_cache = true");
            }
            try (Statement statement = root.createStatement(); ResultSet resultSet = statement.executeQuery("SELECT library_version FROM pragma_version()")) {
                resultSet.next();
                version = resultSet.getString(1);
            }
            log.info("DuckDB {} opened {}", version, config.databaseFile().toAbsolutePath());
            return new DuckDbEngine(config, root, version);
        }
        catch (SQLException e) {
            throw new SluiceException(ErrorCode.ENGINE_UNAVAILABLE, "Cannot open the DuckDB database " + config.databaseFile() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name()
    {
        return DuckDbEngineFactory.NAME;
    }

    @Override
    public String version()
    {
        return version;
    }

    @Override
    public String endpoint()
    {
        return "embedded:" + config.databaseFile().toAbsolutePath();
    }

    @Override
    public String schemaName(String database)
    {
        return DuckDbIdentifiers.toSchema(database);
    }

    @Override
    public EngineSession openSession(SessionContext context)
    {
        DuckDBConnection connection;
        try {
            connection = root.duplicate();
        }
        catch (SQLException e) {
            throw new SluiceException(ErrorCode.ENGINE_UNAVAILABLE, "Cannot open a DuckDB connection: " + e.getMessage(), e);
        }
        DuckDbSession session = new DuckDbSession(connection, config.spoolDirectory(), runningStatements, sessions::remove);
        try {
            session.useDatabase(context.database());
        }
        catch (RuntimeException e) {
            session.close();
            throw e;
        }
        sessions.add(session);
        return session;
    }

    /** The databases attached to DuckDB (its own file first), without its internal ones. */
    @Override
    public List<String> catalogs()
    {
        return EngineProbes.names(this, "SELECT database_name FROM duckdb_databases() WHERE NOT internal ORDER BY database_oid");
    }

    @Override
    public Map<String, String> routerProfile()
    {
        double memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean system
                ? system.getTotalMemorySize() : Runtime.getRuntime().maxMemory();
        return routerProfile(memory);
    }

    /** DuckDB scans fastest and answers at once, in this JVM, in at most 80% of the machine's memory (its default limit). */
    public static Map<String, String> routerProfile(double machineMemory)
    {
        return Map.of("memory-per-worker", String.valueOf(machineMemory * 0.8), "scan-throughput-per-core", "400e6", "fixed-latency", "0.001",
                "result-row-cost", "1e-7", "slots", "2", "writes-lakehouse", "true", "row-level-lakehouse", "false");
    }

    @Override
    public EngineHealth health()
    {
        try {
            if (root.isClosed()) {
                return EngineHealth.down("DuckDB is closed");
            }
            return EngineHealth.up(runningStatements.get(), 0);
        }
        catch (SQLException e) {
            return EngineHealth.down(e.getMessage());
        }
    }

    @Override
    public void close()
    {
        for (DuckDbSession session : sessions) {
            session.close();
        }
        try {
            root.close();
        }
        catch (SQLException e) {
            log.warn("Closing DuckDB failed", e);
        }
    }
}
