package io.sluice.engine.duckdb;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.metadata.EngineMetadata;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * A Sluice session's DuckDB connection. DuckDB runs one statement per connection at a time and a new statement
 * invalidates a result still being streamed, so the connection has one owner at a time: before another statement
 * runs, the unread rest of the current streamed result is spooled to a file, and its reader goes on from there.
 */
final class DuckDbSession
        implements EngineSession
{
    private static final Logger log = LoggerFactory.getLogger(DuckDbSession.class);

    static final String DEFAULT_DATABASE = "default";
    static final String DUCKDB_DEFAULT_SCHEMA = "main";

    private final DuckDBConnection connection;
    private final Path spoolDirectory;
    private final AtomicInteger runningStatements;
    private final Consumer<DuckDbSession> onClose;
    private final ReentrantLock connectionLock = new ReentrantLock();
    private final Set<DuckDbStatement> statements = ConcurrentHashMap.newKeySet();
    private final DuckDbMetadata metadata = new DuckDbMetadata(this);
    // guarded by connectionLock
    private DuckDbStatement streaming;
    // the statement whose work runs on the connection now; read without the lock by cancel()
    private volatile DuckDbStatement running;
    private volatile boolean closed;

    DuckDbSession(DuckDBConnection connection, Path spoolDirectory, AtomicInteger runningStatements, Consumer<DuckDbSession> onClose)
    {
        this.connection = requireNonNull(connection, "connection is null");
        this.spoolDirectory = requireNonNull(spoolDirectory, "spoolDirectory is null");
        this.runningStatements = requireNonNull(runningStatements, "runningStatements is null");
        this.onClose = requireNonNull(onClose, "onClose is null");
    }

    @Override
    public EngineStatement createStatement(String sql)
    {
        checkOpen();
        DuckDbStatement statement = new DuckDbStatement(this, sql);
        statements.add(statement);
        return statement;
    }

    @Override
    public EngineMetadata metadata()
    {
        return metadata;
    }

    @Override
    public void useDatabase(String database)
    {
        if (!metadata.databaseExists(database)) {
            throw new SluiceException(ErrorCode.DATABASE_NOT_FOUND, "Database '" + database + "' does not exist");
        }
        update("USE " + DuckDbIdentifiers.quotedSchema(database));
    }

    /** Runs a statement that returns no rows, such as DDL issued by Sluice itself. */
    void update(String sql)
    {
        withConnection(null, () -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    /** Runs a query issued by Sluice itself and returns all its rows; for small metadata results only. */
    List<Object[]> query(String sql, Object... parameters)
    {
        return withConnection(null, () -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet resultSet = statement.executeQuery()) {
                    int columns = resultSet.getMetaData().getColumnCount();
                    while (resultSet.next()) {
                        Object[] row = new Object[columns];
                        for (int column = 0; column < columns; column++) {
                            row[column] = resultSet.getObject(column + 1);
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }
        });
    }

    interface SqlAction<T>
    {
        T run()
                throws SQLException;
    }

    /**
     * Runs {@code action} as the connection's owner: first spools the result another statement still streams, so
     * that the action cannot invalidate it. {@code owner} is the statement acting, or null for Sluice's own queries.
     */
    <T> T withConnection(DuckDbStatement owner, SqlAction<T> action)
    {
        connectionLock.lock();
        try {
            checkOpen();
            if (streaming != null && streaming != owner) {
                DuckDbStatement previous = streaming;
                streaming = null;
                previous.spoolRest();
            }
            runningStatements.incrementAndGet();
            running = owner;
            try {
                return action.run();
            }
            finally {
                running = null;
                runningStatements.decrementAndGet();
            }
        }
        catch (SQLException e) {
            throw DuckDbErrors.toSluiceException(e);
        }
        finally {
            connectionLock.unlock();
        }
    }

    /** Marks {@code statement} as the one whose result is read from the connection. Call as the connection's owner. */
    void streamingBy(DuckDbStatement statement)
    {
        streaming = statement;
    }

    /** Releases the connection from {@code statement}, if it streams from it. */
    void streamingEnded(DuckDbStatement statement)
    {
        connectionLock.lock();
        try {
            if (streaming == statement) {
                streaming = null;
            }
        }
        finally {
            connectionLock.unlock();
        }
    }

    /** Whether {@code statement}'s work runs on the connection right now, so that interrupting it stops that work. */
    boolean isRunning(DuckDbStatement statement)
    {
        return running == statement;
    }

    DuckDBConnection connection()
    {
        return connection;
    }

    Path spoolDirectory()
    {
        return spoolDirectory;
    }

    void statementClosed(DuckDbStatement statement)
    {
        statements.remove(statement);
    }

    private void checkOpen()
    {
        if (closed) {
            throw new SluiceException(ErrorCode.INVALID_SESSION_HANDLE, "The DuckDB session is closed");
        }
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        for (DuckDbStatement statement : statements) {
            statement.close();
        }
        try {
            connection.close();
        }
        catch (SQLException e) {
            log.warn("Closing a DuckDB connection failed", e);
        }
        onClose.accept(this);
    }
}
