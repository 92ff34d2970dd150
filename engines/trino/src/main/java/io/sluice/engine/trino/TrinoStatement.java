package io.sluice.engine.trino;

import io.sluice.spi.Column;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.RowBatch;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.type.SluiceType;
import io.trino.client.QueryStatusInfo;
import io.trino.client.ResultRows;
import io.trino.client.StatementClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One statement on Trino. {@link #execute()} waits until Trino sends the first rows or ends; rows then stream page
 * by page as the client reads, so at most one of Trino's pages is held. Cancel and close abort the query on Trino
 * (the client deletes it), not only the local read. DML answers its row count.
 */
final class TrinoStatement
        implements EngineStatement
{
    private final TrinoSession session;
    private final String sql;
    private volatile StatementClient client;
    private volatile boolean canceled;
    private volatile boolean closed;
    private List<Column> columns = List.of();
    private List<SluiceType> types = List.of();
    private Iterator<List<Object>> page = Collections.emptyIterator();
    private long updateCount = -1;

    TrinoStatement(TrinoSession session, String sql)
    {
        this.session = requireNonNull(session, "session is null");
        this.sql = requireNonNull(sql, "sql is null");
    }

    @Override
    public boolean execute()
    {
        StatementClient started;
        try {
            started = session.start(sql);
        }
        catch (RuntimeException e) {
            throw TrinoErrors.unreachable(session.config().endpoint(), false, e);
        }
        client = started;
        if (canceled || closed) {
            started.close();
            throw canceledException();
        }
        // Runs until the first rows (or the end), so that errors of small queries come with execute, not the fetch.
        while (started.isRunning() && (started.currentStatusInfo().getColumns() == null || !hasRows(started))) {
            advance(started);
        }
        QueryStatusInfo status = started.isRunning() ? started.currentStatusInfo() : finalStatus(started);
        session.update(started);
        if (status.getUpdateType() != null) {
            // DDL or DML: what the session knew of schemas and tables may be stale now.
            session.metadataCache().invalidate();
        }
        if (status.getColumns() == null) {
            updateCount = status.getUpdateCount().orElse(-1);
            return false;
        }
        List<Column> resultColumns = new ArrayList<>();
        List<SluiceType> resultTypes = new ArrayList<>();
        for (io.trino.client.Column column : status.getColumns()) {
            SluiceType type = TrinoTypes.parse(column.getType());
            resultColumns.add(new Column(column.getName(), type, Optional.empty()));
            resultTypes.add(type);
        }
        columns = List.copyOf(resultColumns);
        types = List.copyOf(resultTypes);
        page = rows(started);
        if (status.getUpdateType() != null) {
            // DML (INSERT, CREATE TABLE AS, DELETE, ...): Trino answers one row with the count; read it to the end.
            Optional<RowBatch> batch;
            long count = 0;
            while ((batch = nextBatch(1000)).isPresent()) {
                if (batch.get().rowCount() > 0 && batch.get().value(0, 0) instanceof Long rows) {
                    count += rows;
                }
            }
            updateCount = finalStatus(started).getUpdateCount().orElse(count);
            columns = List.of();
            return false;
        }
        return true;
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
        StatementClient current = client;
        if (current == null || closed) {
            return Optional.empty();
        }
        List<Object[]> rows = new ArrayList<>();
        while (rows.size() < maxRows) {
            if (page.hasNext()) {
                List<Object> values = page.next();
                Object[] row = new Object[types.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = TrinoTypes.toValue(values.get(i), types.get(i));
                }
                rows.add(row);
                continue;
            }
            if (!current.isRunning()) {
                finalStatus(current);
                break;
            }
            advance(current);
            page = rows(current);
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(RowBatch.ofRows(types.size(), rows));
    }

    private static boolean hasRows(StatementClient client)
    {
        ResultRows rows = client.currentRows();
        return rows != null && !rows.isNull();
    }

    private static Iterator<List<Object>> rows(StatementClient client)
    {
        if (!client.isRunning()) {
            return Collections.emptyIterator();
        }
        ResultRows rows = client.currentRows();
        return rows == null || rows.isNull() ? Collections.emptyIterator() : rows.iterator();
    }

    /** Moves to Trino's next answer; Trino being gone mid-query is a lost connection. */
    private void advance(StatementClient current)
    {
        try {
            current.advance();
        }
        catch (RuntimeException e) {
            if (canceled || closed) {
                throw canceledException();
            }
            throw TrinoErrors.unreachable(session.config().endpoint(), true, e);
        }
    }

    /** The finished query's status; its error, an abort or a client-side failure as a Sluice error. */
    private QueryStatusInfo finalStatus(StatementClient current)
    {
        if (current.isClientAborted() || canceled) {
            throw canceledException();
        }
        if (current.isClientError()) {
            throw new SluiceException(ErrorCode.ENGINE_CONNECTION_LOST, "Lost the connection to Trino at " + session.config().endpoint()
                    + " while the query ran");
        }
        QueryStatusInfo status = current.finalStatusInfo();
        if (status.getError() != null) {
            throw TrinoErrors.fromQueryError(status.getId(), status.getError());
        }
        return status;
    }

    private static SluiceException canceledException()
    {
        return new SluiceException(ErrorCode.QUERY_CANCELED, "The statement was canceled");
    }

    @Override
    public void cancel()
    {
        canceled = true;
        StatementClient current = client;
        if (current != null) {
            // Deletes the query on Trino, which stops its tasks.
            current.close();
        }
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        StatementClient current = client;
        if (current != null) {
            current.close();
        }
        session.forget(this);
    }
}
