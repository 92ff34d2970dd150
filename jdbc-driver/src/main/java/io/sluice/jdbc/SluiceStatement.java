package io.sluice.jdbc;

import org.apache.hive.service.rpc.thrift.TExecuteStatementReq;
import org.apache.hive.service.rpc.thrift.TExecuteStatementResp;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement runs asynchronously on the server and is polled to its end, so that {@link #cancel} from another thread
 * reaches it; its query timeout is the server's ({@code TExecuteStatementReq.queryTimeout}), which cancels it there.
 */
class SluiceStatement
        implements Statement
{
    private static final Pattern SET_DIALECT = Pattern.compile("(?is)\\s*SET\\s+sluice\\.dialect\\s*=\\s*`?([A-Za-z]+)`?\\s*;?\\s*");

    private static final Pattern SET_RESULT_FORMAT = Pattern.compile("(?is)\\s*SET\\s+`?kyuubi\\.operation\\.result\\.format.*");
    private static final Map<String, String> ROW_SETS = Map.of("kyuubi.operation.result.format", "thrift");

    private final SluiceConnection connection;
    private final Hs2Client client;
    private final List<String> batch = new ArrayList<>();
    private volatile Operation operation;
    private volatile boolean cancelRequested;
    private ResultSet resultSet;
    private long updateCount = -1;
    private int fetchSize;
    private long maxRows;
    private int queryTimeout;
    private boolean closed;
    private boolean closeOnCompletion;
    private SQLWarning warnings;
    private boolean logRead;

    SluiceStatement(SluiceConnection connection, Hs2Client client)
    {
        this.connection = connection;
        this.client = client;
        this.fetchSize = connection.defaultFetchSize();
    }

    final void checkOpen()
            throws SQLException
    {
        if (closed) {
            throw new SQLException("The statement is closed", "HY010");
        }
        connection.checkOpen();
    }

    @Override
    public boolean execute(String sql)
            throws SQLException
    {
        return run(sql);
    }

    /** Runs the text as it is; what every execute method of this class and of prepared statements comes to. */
    final boolean run(String sql)
            throws SQLException
    {
        checkOpen();
        if (sql == null || sql.trim().isEmpty()) {
            throw new SQLException("The statement text is empty", "42000");
        }
        closeCurrent();
        cancelRequested = false;
        TExecuteStatementReq request = new TExecuteStatementReq(connection.session(), sql);
        request.setRunAsync(true);
        if (connection.arrowAsked()) {
            // Row sets only: this driver does not read Kyuubi's Arrow batches, whatever the session says.
            request.setConfOverlay(ROW_SETS);
        }
        if (queryTimeout > 0) {
            request.setQueryTimeout(queryTimeout);
        }
        TExecuteStatementResp response = client.call((thrift, session) -> thrift.ExecuteStatement(request));
        Hs2Client.check(response.getStatus());
        Operation started = new Operation(client, response.getOperationHandle());
        operation = started;
        if (cancelRequested) {
            started.cancel();
        }
        try {
            started.awaitCompletion();
        }
        catch (SQLException e) {
            closeQuietly(started);
            operation = null;
            throw e;
        }
        Matcher dialect = SET_DIALECT.matcher(sql);
        if (dialect.matches()) {
            connection.dialectChanged(dialect.group(1));
        }
        if (SET_RESULT_FORMAT.matcher(sql).matches()) {
            connection.arrowMayBeAsked();
        }
        if (started.hasResultSet()) {
            List<ColumnInfo> columns;
            try {
                columns = started.columns();
            }
            catch (SQLException e) {
                closeQuietly(started);
                operation = null;
                throw e;
            }
            resultSet = new ThriftResultSet(started, columns, this, fetchSize, maxRows) {
                @Override
                void release()
                        throws SQLException
                {
                    super.release();
                    resultSetClosed(this);
                }
            };
            return true;
        }
        updateCount = Math.max(0, started.modifiedRows());
        return false;
    }

    private void resultSetClosed(ResultSet closedResult)
            throws SQLException
    {
        if (resultSet == closedResult) {
            resultSet = null;
            if (closeOnCompletion) {
                close();
            }
        }
    }

    private static void closeQuietly(Operation operation)
    {
        try {
            operation.close();
        }
        catch (SQLException e) {
            // The failure the caller sees is the statement's own.
        }
    }

    private void closeCurrent()
            throws SQLException
    {
        warnings = null;
        logRead = false;
        updateCount = -1;
        ResultSet current = resultSet;
        resultSet = null;
        if (current != null) {
            current.close();
        }
        Operation previous = operation;
        operation = null;
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public ResultSet executeQuery(String sql)
            throws SQLException
    {
        return query(sql);
    }

    final ResultSet query(String sql)
            throws SQLException
    {
        if (!run(sql)) {
            throw new SQLException("The statement returned no result set; use execute or executeUpdate for it", "07005");
        }
        return resultSet;
    }

    @Override
    public int executeUpdate(String sql)
            throws SQLException
    {
        return (int) Math.min(Integer.MAX_VALUE, update(sql));
    }

    @Override
    public long executeLargeUpdate(String sql)
            throws SQLException
    {
        return update(sql);
    }

    final long update(String sql)
            throws SQLException
    {
        if (run(sql)) {
            // DDL on some engines answers an empty result; what was asked for is the count.
            closeCurrent();
            return 0;
        }
        return updateCount;
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys)
            throws SQLException
    {
        return (int) Math.min(Integer.MAX_VALUE, update(sql));
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes)
            throws SQLException
    {
        return (int) Math.min(Integer.MAX_VALUE, update(sql));
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames)
            throws SQLException
    {
        return (int) Math.min(Integer.MAX_VALUE, update(sql));
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys)
            throws SQLException
    {
        return run(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes)
            throws SQLException
    {
        return run(sql);
    }

    @Override
    public boolean execute(String sql, String[] columnNames)
            throws SQLException
    {
        return run(sql);
    }

    @Override
    public ResultSet getResultSet()
            throws SQLException
    {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount()
            throws SQLException
    {
        return (int) Math.min(Integer.MAX_VALUE, getLargeUpdateCount());
    }

    @Override
    public long getLargeUpdateCount()
            throws SQLException
    {
        checkOpen();
        return resultSet == null ? updateCount : -1;
    }

    @Override
    public boolean getMoreResults()
            throws SQLException
    {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current)
            throws SQLException
    {
        checkOpen();
        if (resultSet != null && current != KEEP_CURRENT_RESULT) {
            resultSet.close();
        }
        resultSet = null;
        updateCount = -1;
        return false;
    }

    @Override
    public void cancel()
            throws SQLException
    {
        checkOpen();
        cancelRequested = true;
        Operation current = operation;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void setQueryTimeout(int seconds)
            throws SQLException
    {
        checkOpen();
        if (seconds < 0) {
            throw new SQLException("Query timeout " + seconds + " is negative", "HY024");
        }
        queryTimeout = seconds;
    }

    @Override
    public int getQueryTimeout()
            throws SQLException
    {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setMaxRows(int max)
            throws SQLException
    {
        setLargeMaxRows(max);
    }

    @Override
    public void setLargeMaxRows(long max)
            throws SQLException
    {
        checkOpen();
        if (max < 0) {
            throw new SQLException("Max rows " + max + " is negative", "HY024");
        }
        maxRows = max;
    }

    @Override
    public int getMaxRows()
            throws SQLException
    {
        return (int) Math.min(Integer.MAX_VALUE, getLargeMaxRows());
    }

    @Override
    public long getLargeMaxRows()
            throws SQLException
    {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setFetchSize(int rows)
            throws SQLException
    {
        checkOpen();
        if (rows < 0) {
            throw new SQLException("Fetch size " + rows + " is negative", "HY024");
        }
        fetchSize = rows == 0 ? connection.defaultFetchSize() : rows;
    }

    @Override
    public int getFetchSize()
            throws SQLException
    {
        checkOpen();
        return fetchSize;
    }

    @Override
    public void setFetchDirection(int direction)
            throws SQLException
    {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw Errors.notSupported("Fetch direction " + direction + " (results are forward-only)");
        }
    }

    @Override
    public int getFetchDirection()
    {
        return ResultSet.FETCH_FORWARD;
    }

    /**
     * The last statement's operation log, one warning per line: the route Sluice chose, the SQL it sent the engine.
     * Read while its operation is open: after execute, or while its result set is open.
     */
    @Override
    public SQLWarning getWarnings()
            throws SQLException
    {
        checkOpen();
        Operation current = operation;
        if (!logRead && current != null && !current.isClosed()) {
            logRead = true;
            SQLWarning log = current.log();
            if (log != null) {
                if (warnings == null) {
                    warnings = log;
                }
                else {
                    warnings.setNextWarning(log);
                }
            }
        }
        return warnings;
    }

    @Override
    public void clearWarnings()
            throws SQLException
    {
        checkOpen();
        warnings = null;
        logRead = true;
    }

    @Override
    public void addBatch(String sql)
            throws SQLException
    {
        batchText(sql);
    }

    final void batchText(String sql)
            throws SQLException
    {
        checkOpen();
        batch.add(sql);
    }

    @Override
    public void clearBatch()
            throws SQLException
    {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch()
            throws SQLException
    {
        long[] counts = executeLargeBatch();
        return Arrays.stream(counts).mapToInt(count -> (int) Math.min(Integer.MAX_VALUE, count)).toArray();
    }

    @Override
    public long[] executeLargeBatch()
            throws SQLException
    {
        checkOpen();
        List<String> statements = new ArrayList<>(batch);
        batch.clear();
        long[] counts = new long[statements.size()];
        for (int i = 0; i < statements.size(); i++) {
            try {
                counts[i] = update(statements.get(i));
            }
            catch (SQLException e) {
                long[] done = Arrays.copyOf(counts, i);
                java.sql.BatchUpdateException failure = new java.sql.BatchUpdateException("Statement " + (i + 1) + " of the batch failed: " + e.getMessage(),
                        e.getSQLState(), e.getErrorCode(), done, e);
                throw failure;
            }
        }
        return counts;
    }

    @Override
    public Connection getConnection()
            throws SQLException
    {
        checkOpen();
        return connection;
    }

    @Override
    public ResultSet getGeneratedKeys()
            throws SQLException
    {
        checkOpen();
        return ListResultSet.of(List.of(ListResultSet.column("GENERATED_KEY", Types.BIGINT)), List.of(), this);
    }

    @Override
    public int getResultSetConcurrency()
    {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType()
    {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetHoldability()
    {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getMaxFieldSize()
            throws SQLException
    {
        checkOpen();
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max)
            throws SQLException
    {
        checkOpen();
        if (max < 0) {
            throw new SQLException("Max field size " + max + " is negative", "HY024");
        }
    }

    @Override
    public void setEscapeProcessing(boolean enable)
            throws SQLException
    {
        checkOpen();
    }

    @Override
    public void setCursorName(String name)
            throws SQLException
    {
        throw Errors.notSupported("Statement.setCursorName");
    }

    @Override
    public boolean isClosed()
    {
        return closed;
    }

    @Override
    public void close()
            throws SQLException
    {
        if (closed) {
            return;
        }
        try {
            if (!connection.isClosed()) {
                closeCurrent();
            }
        }
        finally {
            closed = true;
            connection.statementClosed(this);
        }
    }

    @Override
    public void setPoolable(boolean poolable)
            throws SQLException
    {
        checkOpen();
    }

    @Override
    public boolean isPoolable()
    {
        return false;
    }

    @Override
    public void closeOnCompletion()
            throws SQLException
    {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion()
    {
        return closeOnCompletion;
    }

    @Override
    public <T> T unwrap(Class<T> iface)
            throws SQLException
    {
        return Wrappers.unwrap(this, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface)
    {
        return iface != null && iface.isInstance(this);
    }
}
