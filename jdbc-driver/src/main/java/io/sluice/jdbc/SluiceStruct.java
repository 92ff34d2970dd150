package io.sluice.jdbc;

import java.sql.SQLException;
import java.sql.Struct;
import java.util.Map;

/** A STRUCT value: its fields in declaration order, read from the JSON object HS2 carries. */
final class SluiceStruct
        implements Struct
{
    private final Map<String, Object> fields;

    SluiceStruct(Map<String, Object> fields)
    {
        this.fields = fields;
    }

    @Override
    public String getSQLTypeName()
    {
        return "struct";
    }

    @Override
    public Object[] getAttributes()
    {
        return fields.values().toArray();
    }

    @Override
    public Object[] getAttributes(Map<String, Class<?>> map)
            throws SQLException
    {
        return getAttributes();
    }

    /** The fields by name, in declaration order (not part of {@link Struct}; reach it with {@code unwrap}-free casts). */
    public Map<String, Object> fields()
    {
        return fields;
    }

    @Override
    public String toString()
    {
        return fields.toString();
    }
}
