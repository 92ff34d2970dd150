package io.sluice.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The rows of one server operation, fetched a batch at a time as the application reads them. */
class ThriftResultSet
        extends BaseResultSet
{
    static final int DEFAULT_FETCH_SIZE = 10_000;

    private final Operation operation;
    private final long maxRows;
    private int fetchSize;
    private RowBatch batch = RowBatch.EMPTY;
    private int rowInBatch = -1;
    private long rowNumber;
    private boolean exhausted;
    private boolean started;

    ThriftResultSet(Operation operation, List<ColumnInfo> columns, Statement statement, int fetchSize, long maxRows)
    {
        super(columns, statement);
        this.operation = operation;
        this.fetchSize = fetchSize > 0 ? fetchSize : DEFAULT_FETCH_SIZE;
        this.maxRows = maxRows;
    }

    @Override
    Object raw(int column)
    {
        return batch.get(column, rowInBatch);
    }

    @Override
    boolean advance()
            throws SQLException
    {
        started = true;
        if (exhausted) {
            return false;
        }
        if (maxRows > 0 && rowNumber >= maxRows) {
            finish();
            return false;
        }
        rowInBatch++;
        while (rowInBatch >= batch.size()) {
            int wanted = fetchSize;
            if (maxRows > 0) {
                wanted = (int) Math.min(wanted, maxRows - rowNumber);
            }
            batch = operation.fetch(wanted, columns().size());
            rowInBatch = 0;
            if (batch.size() == 0) {
                finish();
                return false;
            }
        }
        rowNumber++;
        return true;
    }

    private void finish()
            throws SQLException
    {
        exhausted = true;
        batch = RowBatch.EMPTY;
        rowInBatch = -1;
    }

    @Override
    int rowNumber()
    {
        return exhausted ? 0 : (int) Math.min(Integer.MAX_VALUE, rowNumber);
    }

    @Override
    boolean atBeforeFirst()
    {
        return !started;
    }

    @Override
    boolean atAfterLast()
    {
        return exhausted;
    }

    @Override
    void release()
            throws SQLException
    {
        operation.close();
    }

    @Override
    public void setFetchSize(int rows)
            throws SQLException
    {
        checkOpen();
        if (rows < 0) {
            throw new SQLException("Fetch size " + rows + " is negative", "HY024");
        }
        fetchSize = rows == 0 ? DEFAULT_FETCH_SIZE : rows;
    }

    @Override
    public int getFetchSize()
    {
        return fetchSize;
    }
}
