package io.sluice.jdbc;

import org.apache.hive.service.rpc.thrift.TCancelOperationReq;
import org.apache.hive.service.rpc.thrift.TCloseOperationReq;
import org.apache.hive.service.rpc.thrift.TFetchOrientation;
import org.apache.hive.service.rpc.thrift.TFetchResultsReq;
import org.apache.hive.service.rpc.thrift.TFetchResultsResp;
import org.apache.hive.service.rpc.thrift.TGetOperationStatusReq;
import org.apache.hive.service.rpc.thrift.TGetOperationStatusResp;
import org.apache.hive.service.rpc.thrift.TGetResultSetMetadataReq;
import org.apache.hive.service.rpc.thrift.TGetResultSetMetadataResp;
import org.apache.hive.service.rpc.thrift.TOperationHandle;
import org.apache.hive.service.rpc.thrift.TRowSet;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** One operation on the server: its completion, result schema, rows, log, cancel and close. */
final class Operation
{
    private static final short FETCH_TYPE_LOG = 1;
    /** A status call that took this long was held by the server (Sluice waits up to operation.status-poll-timeout). */
    private static final long LONG_POLL_NANOS = 100_000_000L;
    private static final String ARROW_HINT = "__kyuubi_operation_result_format__=arrow";

    private final Hs2Client client;
    private final TOperationHandle handle;
    private volatile boolean closed;
    private long modifiedRows = -1;

    Operation(Hs2Client client, TOperationHandle handle)
    {
        this.client = requireNonNull(client, "client is null");
        this.handle = requireNonNull(handle, "handle is null");
    }

    boolean hasResultSet()
    {
        return handle.isHasResultSet();
    }

    /** Rows an INSERT or similar changed, once finished; -1 when the server does not say. */
    long modifiedRows()
    {
        return modifiedRows;
    }

    /**
     * Waits until the operation ends, polling its status — at once again after a call the server held (long polling),
     * else every 1 ms at first, backing off to 50 ms — and throws its
     * failure: the server's SQLSTATE, {@link SQLTimeoutException} for a timed out one, 57014 for a cancelled one.
     */
    void awaitCompletion()
            throws SQLException
    {
        long sleepMicros = 0;
        while (true) {
            long asked = System.nanoTime();
            TGetOperationStatusResp status = client.call((thrift, session) -> thrift.GetOperationStatus(new TGetOperationStatusReq(handle)));
            boolean longPolled = System.nanoTime() - asked > LONG_POLL_NANOS;
            Hs2Client.check(status.getStatus());
            switch (status.getOperationState()) {
                case FINISHED_STATE:
                    if (status.isSetNumModifiedRows()) {
                        modifiedRows = status.getNumModifiedRows();
                    }
                    if (status.isSetHasResultSet()) {
                        handle.setHasResultSet(status.isHasResultSet());
                    }
                    return;
                case ERROR_STATE:
                    throw Errors.fromServer(status.getErrorMessage(), status.getSqlState(), status.getErrorCode());
                case CANCELED_STATE:
                    throw new SQLException("The statement was cancelled", "57014");
                case TIMEDOUT_STATE:
                    throw new SQLTimeoutException("The statement ran past its query timeout and was cancelled", "HYT00");
                case CLOSED_STATE:
                    throw new SQLException("The statement was closed before it finished", "24000");
                case UKNOWN_STATE:
                    throw new SQLException("The server reports the statement's state as unknown", "HY000");
                default:
                    if (longPolled) {
                        // The server held the call until its poll timeout: ask again at once.
                        sleepMicros = 0;
                        continue;
                    }
                    sleep(sleepMicros);
                    sleepMicros = sleepMicros == 0 ? 1000 : Math.min(50_000, sleepMicros * 2);
            }
        }
    }

    private static void sleep(long micros)
            throws SQLException
    {
        if (micros == 0) {
            return;
        }
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the statement", "HY008", e);
        }
    }

    List<ColumnInfo> columns()
            throws SQLException
    {
        TGetResultSetMetadataResp metadata = client.call((thrift, session) -> thrift.GetResultSetMetadata(new TGetResultSetMetadataReq(handle)));
        Hs2Client.check(metadata.getStatus());
        if (metadata.getStatus().isSetInfoMessages() && metadata.getStatus().getInfoMessages().contains(ARROW_HINT)) {
            throw new SQLException("The server sends this result as Arrow batches (kyuubi.operation.result.format=arrow), which this driver "
                    + "version does not read; remove that setting from the URL or session", "0A000");
        }
        List<ColumnInfo> columns = new ArrayList<>();
        metadata.getSchema().getColumns().forEach(column -> columns.add(ColumnInfo.of(column)));
        return columns;
    }

    /** The next rows, at most {@code maxRows}; an empty batch at the end. */
    RowBatch fetch(int maxRows, int columnCount)
            throws SQLException
    {
        TFetchResultsResp response = client.call((thrift, session) -> thrift.FetchResults(new TFetchResultsReq(handle, TFetchOrientation.FETCH_NEXT, maxRows)));
        Hs2Client.check(response.getStatus());
        TRowSet rows = response.getResults();
        return rows == null ? RowBatch.EMPTY : RowBatch.of(rows, columnCount);
    }

    /** The operation's log (route, translation, engine), each line a warning; empty once the operation is closed. */
    SQLWarning log()
            throws SQLException
    {
        if (closed) {
            return null;
        }
        TFetchResultsReq request = new TFetchResultsReq(handle, TFetchOrientation.FETCH_FIRST, 10_000);
        request.setFetchType(FETCH_TYPE_LOG);
        TFetchResultsResp response = client.call((thrift, session) -> thrift.FetchResults(request));
        Hs2Client.check(response.getStatus());
        RowBatch lines = RowBatch.of(response.getResults(), 1);
        SQLWarning first = null;
        for (int i = 0; i < lines.size(); i++) {
            SQLWarning warning = new SQLWarning(String.valueOf(lines.get(0, i)), "01000");
            if (first == null) {
                first = warning;
            }
            else {
                first.setNextWarning(warning);
            }
        }
        return first;
    }

    void cancel()
            throws SQLException
    {
        if (!closed) {
            Hs2Client.check(client.call((thrift, session) -> thrift.CancelOperation(new TCancelOperationReq(handle))).getStatus());
        }
    }

    void close()
            throws SQLException
    {
        if (closed) {
            return;
        }
        closed = true;
        if (!client.isClosed()) {
            Hs2Client.check(client.call((thrift, session) -> thrift.CloseOperation(new TCloseOperationReq(handle))).getStatus());
        }
    }

    boolean isClosed()
    {
        return closed;
    }
}
