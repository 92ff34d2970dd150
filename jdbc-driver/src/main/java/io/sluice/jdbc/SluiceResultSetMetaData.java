package io.sluice.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/** Column facts from the result's HS2 schema: names, exact types, precision and scale. */
final class SluiceResultSetMetaData
        implements ResultSetMetaData
{
    private final List<ColumnInfo> columns;

    SluiceResultSetMetaData(List<ColumnInfo> columns)
    {
        this.columns = columns;
    }

    private ColumnInfo column(int column)
            throws SQLException
    {
        if (column < 1 || column > columns.size()) {
            throw new SQLException("Column index " + column + " is out of range: the result has " + columns.size() + " columns", "07009");
        }
        return columns.get(column - 1);
    }

    @Override
    public int getColumnCount()
    {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column)
            throws SQLException
    {
        column(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column)
            throws SQLException
    {
        switch (column(column).type()) {
            case STRING_TYPE:
            case VARCHAR_TYPE:
            case CHAR_TYPE:
                return true;
            default:
                return false;
        }
    }

    @Override
    public boolean isSearchable(int column)
            throws SQLException
    {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column)
            throws SQLException
    {
        column(column);
        return false;
    }

    @Override
    public int isNullable(int column)
            throws SQLException
    {
        column(column);
        return columnNullableUnknown;
    }

    @Override
    public boolean isSigned(int column)
            throws SQLException
    {
        return column(column).signed();
    }

    @Override
    public int getColumnDisplaySize(int column)
            throws SQLException
    {
        return column(column).displaySize();
    }

    @Override
    public String getColumnLabel(int column)
            throws SQLException
    {
        return column(column).name();
    }

    @Override
    public String getColumnName(int column)
            throws SQLException
    {
        return column(column).name();
    }

    @Override
    public String getSchemaName(int column)
            throws SQLException
    {
        column(column);
        return "";
    }

    @Override
    public int getPrecision(int column)
            throws SQLException
    {
        return column(column).precision();
    }

    @Override
    public int getScale(int column)
            throws SQLException
    {
        return column(column).scale();
    }

    @Override
    public String getTableName(int column)
            throws SQLException
    {
        column(column);
        return "";
    }

    @Override
    public String getCatalogName(int column)
            throws SQLException
    {
        column(column);
        return "";
    }

    @Override
    public int getColumnType(int column)
            throws SQLException
    {
        return column(column).jdbcType();
    }

    @Override
    public String getColumnTypeName(int column)
            throws SQLException
    {
        return column(column).typeName();
    }

    @Override
    public boolean isReadOnly(int column)
            throws SQLException
    {
        column(column);
        return true;
    }

    @Override
    public boolean isWritable(int column)
            throws SQLException
    {
        column(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column)
            throws SQLException
    {
        column(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column)
            throws SQLException
    {
        return column(column).className();
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
