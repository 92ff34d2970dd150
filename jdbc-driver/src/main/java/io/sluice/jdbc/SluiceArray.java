package io.sluice.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An ARRAY value, its elements read from the JSON text HS2 carries; nested arrays, maps and structs as Lists and Maps. */
final class SluiceArray
        implements Array
{
    private List<Object> elements;

    SluiceArray(List<Object> elements)
    {
        this.elements = elements;
    }

    private List<Object> elements()
            throws SQLException
    {
        if (elements == null) {
            throw new SQLException("The array has been freed", "HY010");
        }
        return elements;
    }

    @Override
    public String getBaseTypeName()
            throws SQLException
    {
        return ColumnInfo.typeNameOfJdbc(getBaseType());
    }

    @Override
    public int getBaseType()
            throws SQLException
    {
        int type = Types.NULL;
        for (Object element : elements()) {
            int elementType = jdbcType(element);
            if (elementType == Types.NULL) {
                continue;
            }
            if (type == Types.NULL) {
                type = elementType;
            }
            else if (type != elementType) {
                boolean numeric = isNumeric(type) && isNumeric(elementType);
                type = numeric ? Types.DECIMAL : Types.JAVA_OBJECT;
            }
        }
        return type;
    }

    private static boolean isNumeric(int type)
    {
        return type == Types.INTEGER || type == Types.BIGINT || type == Types.DOUBLE || type == Types.DECIMAL;
    }

    private static int jdbcType(Object element)
    {
        if (element == null) {
            return Types.NULL;
        }
        if (element instanceof Integer) {
            return Types.INTEGER;
        }
        if (element instanceof Long) {
            return Types.BIGINT;
        }
        if (element instanceof Double) {
            return Types.DOUBLE;
        }
        if (element instanceof Number) {
            return Types.DECIMAL;
        }
        if (element instanceof Boolean) {
            return Types.BOOLEAN;
        }
        if (element instanceof String) {
            return Types.VARCHAR;
        }
        if (element instanceof List) {
            return Types.ARRAY;
        }
        return element instanceof Map ? Types.JAVA_OBJECT : Types.OTHER;
    }

    @Override
    public Object getArray()
            throws SQLException
    {
        return elements().toArray();
    }

    @Override
    public Object getArray(Map<String, Class<?>> map)
            throws SQLException
    {
        return getArray();
    }

    @Override
    public Object getArray(long index, int count)
            throws SQLException
    {
        return slice(index, count).toArray();
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map)
            throws SQLException
    {
        return getArray(index, count);
    }

    private List<Object> slice(long index, int count)
            throws SQLException
    {
        List<Object> all = elements();
        if (index < 1 || count < 0 || index - 1 + count > all.size()) {
            throw new SQLException("Elements " + index + " to " + (index + count - 1) + " are outside the array of " + all.size(), "2202E");
        }
        return all.subList((int) index - 1, (int) index - 1 + count);
    }

    @Override
    public ResultSet getResultSet()
            throws SQLException
    {
        return getResultSet(1, elements().size());
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map)
            throws SQLException
    {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count)
            throws SQLException
    {
        // JDBC's shape: INDEX (1-based) and VALUE per element.
        List<Object> slice = slice(index, count);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < slice.size(); i++) {
            rows.add(java.util.Arrays.asList((long) (index + i), slice.get(i)));
        }
        return ListResultSet.of(List.of(ListResultSet.column("INDEX", Types.BIGINT), ListResultSet.column("VALUE", getBaseType())), rows);
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map)
            throws SQLException
    {
        return getResultSet(index, count);
    }

    @Override
    public void free()
    {
        elements = null;
    }

    @Override
    public String toString()
    {
        return String.valueOf(elements);
    }
}
