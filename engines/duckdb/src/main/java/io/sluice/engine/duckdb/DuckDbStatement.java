package io.sluice.engine.duckdb;

import io.sluice.spi.Column;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.RowBatch;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A statement on a session's DuckDB connection. Its result is streamed from DuckDB in batches; if the connection is
 * needed for another statement first, the unread rest goes to a {@link ResultSpool} and is read from there.
 */
final class DuckDbStatement
        implements EngineStatement
{
    private static final Logger log = LoggerFactory.getLogger(DuckDbStatement.class);

    private final DuckDbSession session;
    private final String sql;
    private final Object resultLock = new Object();

    private volatile Statement jdbcStatement;
    private volatile boolean canceled;
    private volatile boolean closed;
    private boolean executed;
    private List<Column> columns = List.of();
    private List<DuckDbValueReader> readers = List.of();
    private long updateCount = -1;
    // guarded by resultLock: where the rest of the result is read from
    private ResultSet resultSet;
    private ResultSpool spool;

    DuckDbStatement(DuckDbSession session, String sql)
    {
        this.session = requireNonNull(session, "session is null");
        this.sql = requireNonNull(sql, "sql is null");
    }

    /**
     * A script (Sluice writes INSERT OVERWRITE as BEGIN; ...; COMMIT) that fails halfway leaves its transaction
     * open and aborted; it is rolled back so that nothing it did is kept and the session keeps working.
     */
    private void rollbackOpenTransaction()
    {
        // DuckDB closes a statement that failed: the rollback needs a new one.
        try (Statement rollback = session.connection().createStatement()) {
            rollback.execute("ROLLBACK");
        }
        catch (SQLException ignored) {
            // No transaction was open: the usual case.
        }
    }

    @Override
    public boolean execute()
    {
        if (executed) {
            throw new IllegalStateException("Statement already executed");
        }
        executed = true;
        return session.withConnection(this, () -> {
            checkNotCanceled();
            Statement statement = session.connection().createStatement();
            jdbcStatement = statement;
            boolean hasRows;
            try {
                hasRows = statement.execute(sql);
            }
            catch (SQLException e) {
                rollbackOpenTransaction();
                throw canceled ? canceledException() : DuckDbErrors.toSluiceException(e);
            }
            checkNotCanceled();
            if (!hasRows) {
                updateCount = statement.getUpdateCount();
                closeJdbcStatement();
                return false;
            }
            ResultSet result = statement.getResultSet();
            ResultSetMetaData metadata = result.getMetaData();
            List<Column> resultColumns = new ArrayList<>(metadata.getColumnCount());
            List<DuckDbValueReader> resultReaders = new ArrayList<>(metadata.getColumnCount());
            for (int column = 1; column <= metadata.getColumnCount(); column++) {
                DuckDbType type = DuckDbType.parse(metadata.getColumnTypeName(column));
                resultColumns.add(new Column(metadata.getColumnLabel(column), type.sluiceType()));
                resultReaders.add(type.reader());
            }
            columns = List.copyOf(resultColumns);
            readers = List.copyOf(resultReaders);
            synchronized (resultLock) {
                resultSet = result;
            }
            session.streamingBy(this);
            return true;
        });
    }

    @Override
    public List<Column> columns()
    {
        return columns;
    }

    @Override
    public long updateCount()
    {
        return updateCount;
    }

    @Override
    public Optional<RowBatch> nextBatch(int maxRows)
    {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive");
        }
        synchronized (resultLock) {
            checkNotCanceled();
            if (spool != null) {
                return spool.next(maxRows);
            }
            if (resultSet == null) {
                return Optional.empty();
            }
        }
        // Read from DuckDB as the connection's owner, so that no other statement runs in between.
        return session.withConnection(this, () -> {
            synchronized (resultLock) {
                if (spool != null) {
                    return spool.next(maxRows);
                }
                if (resultSet == null) {
                    return Optional.empty();
                }
                RowBatch batch = readBatch(resultSet, maxRows);
                if (batch.rowCount() < maxRows) {
                    closeResultSet();
                    closeJdbcStatement();
                    session.streamingEnded(this);
                }
                return batch.rowCount() == 0 ? Optional.empty() : Optional.of(batch);
            }
        });
    }

    private RowBatch readBatch(ResultSet result, int maxRows)
            throws SQLException
    {
        RowBatch.Builder builder = RowBatch.builder(readers.size(), Math.min(maxRows, 4096));
        try {
            while (builder.rowCount() < maxRows && result.next()) {
                int row = builder.addRow();
                for (int column = 0; column < readers.size(); column++) {
                    builder.set(column, row, readers.get(column).read(result, column + 1));
                }
            }
        }
        catch (SQLException e) {
            throw canceled ? canceledException() : DuckDbErrors.toSluiceException(e);
        }
        return builder.build();
    }

    /** Moves the unread rest of the result to a spool file, freeing the connection. Called as the connection's owner. */
    void spoolRest()
    {
        synchronized (resultLock) {
            if (resultSet == null || spool != null) {
                return;
            }
            ResultSpool newSpool = ResultSpool.create(session.spoolDirectory(), readers.size());
            try {
                while (true) {
                    RowBatch batch = readBatch(resultSet, 8192);
                    newSpool.write(batch);
                    if (batch.rowCount() < 8192) {
                        break;
                    }
                }
                newSpool.finishWriting();
            }
            catch (SQLException | RuntimeException e) {
                newSpool.close();
                throw e instanceof SQLException sqlException ? DuckDbErrors.toSluiceException(sqlException) : (RuntimeException) e;
            }
            spool = newSpool;
            log.debug("Spooled the rest of a result to free its connection for another statement");
            closeResultSet();
            closeJdbcStatement();
        }
    }

    @Override
    public void cancel()
    {
        if (closed || canceled) {
            return;
        }
        canceled = true;
        Statement statement = jdbcStatement;
        // Interrupting the connection stops whatever runs on it: only do so while it runs this statement's work.
        if (statement != null && session.isRunning(this)) {
            try {
                statement.cancel();
            }
            catch (SQLException e) {
                log.debug("Cancelling a DuckDB statement failed", e);
            }
        }
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        cancel();
        closed = true;
        synchronized (resultLock) {
            closeResultSet();
            closeJdbcStatement();
            if (spool != null) {
                spool.close();
                spool = null;
            }
        }
        // Outside resultLock: the connection lock is always taken before it, never after.
        session.streamingEnded(this);
        session.statementClosed(this);
    }

    private void closeResultSet()
    {
        if (resultSet != null) {
            try {
                resultSet.close();
            }
            catch (SQLException e) {
                log.debug("Closing a DuckDB result failed", e);
            }
            resultSet = null;
        }
    }

    private void closeJdbcStatement()
    {
        Statement statement = jdbcStatement;
        jdbcStatement = null;
        if (statement != null) {
            try {
                statement.close();
            }
            catch (SQLException e) {
                log.debug("Closing a DuckDB statement failed", e);
            }
        }
    }

    private void checkNotCanceled()
    {
        if (canceled || closed) {
            throw canceledException();
        }
    }

    private static SluiceException canceledException()
    {
        return new SluiceException(ErrorCode.QUERY_CANCELED, "The statement was canceled");
    }
}
