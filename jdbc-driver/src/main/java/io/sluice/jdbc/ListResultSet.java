package io.sluice.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A result the driver holds whole: metadata answers the server has no call for, and array elements. */
final class ListResultSet
        extends BaseResultSet
{
    private final List<List<Object>> rows;
    private int row = -1;

    private ListResultSet(List<ColumnInfo> columns, List<List<Object>> rows, Statement statement)
    {
        super(columns, statement);
        this.rows = rows;
    }

    static ListResultSet of(List<ColumnInfo> columns, List<List<Object>> rows)
    {
        return new ListResultSet(columns, rows, null);
    }

    static ListResultSet of(List<ColumnInfo> columns, List<List<Object>> rows, Statement statement)
    {
        return new ListResultSet(columns, rows, statement);
    }

    static ColumnInfo column(String name, int jdbcType)
    {
        return new ColumnInfo(name, ColumnInfo.typeOfJdbc(jdbcType), 0, 0);
    }

    @Override
    Object raw(int column)
    {
        return rows.get(row).get(column);
    }

    @Override
    boolean advance()
    {
        if (row < rows.size()) {
            row++;
        }
        return row < rows.size();
    }

    @Override
    int rowNumber()
    {
        return row >= 0 && row < rows.size() ? row + 1 : 0;
    }

    @Override
    boolean atBeforeFirst()
    {
        return row < 0;
    }

    @Override
    boolean atAfterLast()
    {
        return row >= rows.size();
    }

    @Override
    public void setFetchSize(int rows)
            throws SQLException
    {
        checkOpen();
    }

    @Override
    public int getFetchSize()
    {
        return rows.size();
    }
}
