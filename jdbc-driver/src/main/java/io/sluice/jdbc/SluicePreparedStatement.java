package io.sluice.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * Parameters written into the statement as literals of the session's dialect when it runs ({@link SqlLiterals}):
 * HS2 has no bind parameters. Every parameter must be set; a missing one is an error naming it.
 */
final class SluicePreparedStatement
        extends SluiceStatement
        implements PreparedStatement
{
    private static final Object UNSET = new Object();

    private final String sql;
    private final SluiceConnection connection;
    private List<String> parts;
    private String partsDialect;
    private Object[] parameters;
    private final List<Object[]> batch = new ArrayList<>();

    SluicePreparedStatement(SluiceConnection connection, Hs2Client client, String sql)
            throws SQLException
    {
        super(connection, client);
        if (sql == null) {
            throw new SQLException("The statement text is null", "42000");
        }
        this.sql = sql;
        this.connection = connection;
        parts();
        parameters = new Object[parts.size() - 1];
        Arrays.fill(parameters, UNSET);
    }

    private List<String> parts()
            throws SQLException
    {
        String dialect = connection.dialect();
        if (!dialect.equals(partsDialect)) {
            parts = SqlLiterals.split(sql, dialect);
            partsDialect = dialect;
        }
        return parts;
    }

    /** The statement with its parameters written in. */
    String render(Object[] values)
            throws SQLException
    {
        List<String> parts = parts();
        if (parts.size() - 1 != values.length) {
            throw new SQLException("The statement has " + (parts.size() - 1) + " parameters in the session's dialect " + connection.dialect()
                    + ", but " + values.length + " were prepared", "07001");
        }
        StringBuilder text = new StringBuilder(sql.length() + 16 * values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == UNSET) {
                throw new SQLException("Parameter " + (i + 1) + " of " + values.length + " is not set", "07001");
            }
            text.append(parts.get(i)).append(SqlLiterals.literal(values[i], connection.dialect()));
        }
        return text.append(parts.get(values.length)).toString();
    }

    private void set(int index, Object value)
            throws SQLException
    {
        checkOpen();
        if (index < 1 || index > parameters.length) {
            throw new SQLException("Parameter index " + index + " is out of range: the statement has " + parameters.length + " parameters", "07009");
        }
        parameters[index - 1] = value;
    }

    @Override
    public ResultSet executeQuery()
            throws SQLException
    {
        return query(render(parameters));
    }

    @Override
    public int executeUpdate()
            throws SQLException
    {
        return (int) Math.min(Integer.MAX_VALUE, update(render(parameters)));
    }

    @Override
    public long executeLargeUpdate()
            throws SQLException
    {
        return update(render(parameters));
    }

    @Override
    public boolean execute()
            throws SQLException
    {
        return run(render(parameters));
    }

    @Override
    public void addBatch()
            throws SQLException
    {
        checkOpen();
        render(parameters);
        batch.add(parameters.clone());
    }

    @Override
    public void clearBatch()
            throws SQLException
    {
        super.clearBatch();
        batch.clear();
    }

    @Override
    public long[] executeLargeBatch()
            throws SQLException
    {
        checkOpen();
        for (Object[] values : batch) {
            batchText(render(values));
        }
        batch.clear();
        return super.executeLargeBatch();
    }

    @Override
    public void clearParameters()
            throws SQLException
    {
        checkOpen();
        Arrays.fill(parameters, UNSET);
    }

    private static SQLException notOnPrepared(String method)
    {
        return new SQLException(method + "(String) cannot be called on a PreparedStatement; call " + method + "() without text", "HY000");
    }

    @Override
    public boolean execute(String text)
            throws SQLException
    {
        throw notOnPrepared("execute");
    }

    @Override
    public ResultSet executeQuery(String text)
            throws SQLException
    {
        throw notOnPrepared("executeQuery");
    }

    @Override
    public long executeLargeUpdate(String text)
            throws SQLException
    {
        throw notOnPrepared("executeLargeUpdate");
    }

    @Override
    public int executeUpdate(String text)
            throws SQLException
    {
        throw notOnPrepared("executeUpdate");
    }

    @Override
    public void addBatch(String text)
            throws SQLException
    {
        throw notOnPrepared("addBatch");
    }

    @Override
    public void setNull(int index, int sqlType)
            throws SQLException
    {
        set(index, null);
    }

    @Override
    public void setNull(int index, int sqlType, String typeName)
            throws SQLException
    {
        set(index, null);
    }

    @Override
    public void setBoolean(int index, boolean value)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setByte(int index, byte value)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setShort(int index, short value)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setInt(int index, int value)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setLong(int index, long value)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setFloat(int index, float value)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setDouble(int index, double value)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal value)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setString(int index, String value)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setNString(int index, String value)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setBytes(int index, byte[] value)
            throws SQLException
    {
        set(index, value == null ? null : value.clone());
    }

    @Override
    public void setDate(int index, Date value)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setDate(int index, Date value, Calendar calendar)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setTime(int index, Time value)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setTime(int index, Time value, Calendar calendar)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setTimestamp(int index, Timestamp value)
            throws SQLException
    {
        set(index, value);
    }

    @Override
    public void setTimestamp(int index, Timestamp value, Calendar calendar)
            throws SQLException
    {
        if (value == null || calendar == null) {
            set(index, value);
            return;
        }
        // The instant as a wall-clock time in the calendar's zone: what a zone-less TIMESTAMP literal holds.
        set(index, Timestamp.valueOf(java.time.LocalDateTime.ofInstant(value.toInstant(), calendar.getTimeZone().toZoneId())));
    }

    @Override
    public void setObject(int index, Object value)
            throws SQLException
    {
        if (value != null) {
            // Refused now rather than when the statement runs.
            SqlLiterals.literal(value, connection.dialect());
        }
        set(index, value);
    }

    @Override
    public void setObject(int index, Object value, int targetSqlType)
            throws SQLException
    {
        setObject(index, value == null ? null : convert(value, targetSqlType));
    }

    @Override
    public void setObject(int index, Object value, int targetSqlType, int scaleOrLength)
            throws SQLException
    {
        Object converted = value == null ? null : convert(value, targetSqlType);
        if (converted instanceof BigDecimal && (targetSqlType == Types.DECIMAL || targetSqlType == Types.NUMERIC)) {
            converted = ((BigDecimal) converted).setScale(scaleOrLength, java.math.RoundingMode.HALF_UP);
        }
        setObject(index, converted);
    }

    private static Object convert(Object value, int sqlType)
            throws SQLException
    {
        try {
            switch (sqlType) {
                case Types.VARCHAR:
                case Types.CHAR:
                case Types.LONGVARCHAR:
                case Types.NVARCHAR:
                case Types.NCHAR:
                    return value instanceof byte[] ? new String((byte[]) value, StandardCharsets.UTF_8) : value.toString();
                case Types.BOOLEAN:
                case Types.BIT:
                    return value instanceof Boolean ? value : value instanceof Number ? ((Number) value).intValue() != 0 : Boolean.parseBoolean(value.toString());
                case Types.TINYINT:
                    return value instanceof Number ? ((Number) value).byteValue() : Byte.parseByte(value.toString().trim());
                case Types.SMALLINT:
                    return value instanceof Number ? ((Number) value).shortValue() : Short.parseShort(value.toString().trim());
                case Types.INTEGER:
                    return value instanceof Number ? ((Number) value).intValue() : Integer.parseInt(value.toString().trim());
                case Types.BIGINT:
                    return value instanceof Number ? ((Number) value).longValue() : Long.parseLong(value.toString().trim());
                case Types.REAL:
                case Types.FLOAT:
                    return value instanceof Number ? ((Number) value).floatValue() : Float.parseFloat(value.toString().trim());
                case Types.DOUBLE:
                    return value instanceof Number ? ((Number) value).doubleValue() : Double.parseDouble(value.toString().trim());
                case Types.DECIMAL:
                case Types.NUMERIC:
                    return value instanceof BigDecimal ? value : new BigDecimal(value.toString().trim());
                case Types.DATE:
                    return value instanceof Timestamp ? ((Timestamp) value).toLocalDateTime().toLocalDate()
                            : value instanceof Date || value instanceof java.time.LocalDate ? value : java.time.LocalDate.parse(value.toString().trim());
                case Types.TIMESTAMP:
                    return value instanceof Date ? ((Date) value).toLocalDate().atStartOfDay()
                            : value instanceof String ? Timestamp.valueOf(value.toString().trim()) : value;
                default:
                    return value;
            }
        }
        catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new SQLException("Parameter value '" + value + "' cannot be converted to SQL type " + sqlType + ": " + e.getMessage(), "22018");
        }
    }

    private static String read(Reader reader, long length)
            throws SQLException
    {
        try {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            long left = length < 0 ? Long.MAX_VALUE : length;
            int read;
            while (left > 0 && (read = reader.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                text.append(buffer, 0, read);
                left -= read;
            }
            return text.toString();
        }
        catch (IOException e) {
            throw new SQLException("Could not read the parameter's stream: " + e.getMessage(), "HY000", e);
        }
    }

    private static byte[] read(InputStream input, long length)
            throws SQLException
    {
        try {
            byte[] bytes = length < 0 ? input.readAllBytes() : input.readNBytes((int) Math.min(Integer.MAX_VALUE, length));
            return bytes;
        }
        catch (IOException e) {
            throw new SQLException("Could not read the parameter's stream: " + e.getMessage(), "HY000", e);
        }
    }

    @Override
    public void setAsciiStream(int index, InputStream value, int length)
            throws SQLException
    {
        setAsciiStream(index, value, (long) length);
    }

    @Override
    public void setAsciiStream(int index, InputStream value, long length)
            throws SQLException
    {
        set(index, value == null ? null : new String(read(value, length), StandardCharsets.US_ASCII));
    }

    @Override
    public void setAsciiStream(int index, InputStream value)
            throws SQLException
    {
        setAsciiStream(index, value, -1L);
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int index, InputStream value, int length)
            throws SQLException
    {
        set(index, value == null ? null : new String(read(value, length), StandardCharsets.UTF_8));
    }

    @Override
    public void setBinaryStream(int index, InputStream value, int length)
            throws SQLException
    {
        setBinaryStream(index, value, (long) length);
    }

    @Override
    public void setBinaryStream(int index, InputStream value, long length)
            throws SQLException
    {
        set(index, value == null ? null : read(value, length));
    }

    @Override
    public void setBinaryStream(int index, InputStream value)
            throws SQLException
    {
        setBinaryStream(index, value, -1L);
    }

    @Override
    public void setCharacterStream(int index, Reader value, int length)
            throws SQLException
    {
        setCharacterStream(index, value, (long) length);
    }

    @Override
    public void setCharacterStream(int index, Reader value, long length)
            throws SQLException
    {
        set(index, value == null ? null : read(value, length));
    }

    @Override
    public void setCharacterStream(int index, Reader value)
            throws SQLException
    {
        setCharacterStream(index, value, -1L);
    }

    @Override
    public void setNCharacterStream(int index, Reader value, long length)
            throws SQLException
    {
        setCharacterStream(index, value, length);
    }

    @Override
    public void setNCharacterStream(int index, Reader value)
            throws SQLException
    {
        setCharacterStream(index, value, -1L);
    }

    @Override
    public void setClob(int index, Reader value, long length)
            throws SQLException
    {
        setCharacterStream(index, value, length);
    }

    @Override
    public void setClob(int index, Reader value)
            throws SQLException
    {
        setCharacterStream(index, value, -1L);
    }

    @Override
    public void setNClob(int index, Reader value, long length)
            throws SQLException
    {
        setCharacterStream(index, value, length);
    }

    @Override
    public void setNClob(int index, Reader value)
            throws SQLException
    {
        setCharacterStream(index, value, -1L);
    }

    @Override
    public void setBlob(int index, InputStream value, long length)
            throws SQLException
    {
        setBinaryStream(index, value, length);
    }

    @Override
    public void setBlob(int index, InputStream value)
            throws SQLException
    {
        setBinaryStream(index, value, -1L);
    }

    @Override
    public void setClob(int index, Clob value)
            throws SQLException
    {
        set(index, value == null ? null : value.getSubString(1, (int) value.length()));
    }

    @Override
    public void setNClob(int index, NClob value)
            throws SQLException
    {
        setClob(index, value);
    }

    @Override
    public void setBlob(int index, Blob value)
            throws SQLException
    {
        set(index, value == null ? null : value.getBytes(1, (int) value.length()));
    }

    @Override
    public void setURL(int index, URL value)
            throws SQLException
    {
        set(index, value == null ? null : value.toString());
    }

    @Override
    public void setRef(int index, Ref value)
            throws SQLException
    {
        throw Errors.notSupported("PreparedStatement.setRef");
    }

    @Override
    public void setArray(int index, Array value)
            throws SQLException
    {
        throw Errors.notSupported("PreparedStatement.setArray");
    }

    @Override
    public void setRowId(int index, RowId value)
            throws SQLException
    {
        throw Errors.notSupported("PreparedStatement.setRowId");
    }

    @Override
    public void setSQLXML(int index, SQLXML value)
            throws SQLException
    {
        throw Errors.notSupported("PreparedStatement.setSQLXML");
    }

    /** The result's columns are known only once the statement has run: null before, as JDBC allows. */
    @Override
    public ResultSetMetaData getMetaData()
            throws SQLException
    {
        checkOpen();
        ResultSet current = getResultSet();
        return current == null ? null : current.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData()
            throws SQLException
    {
        checkOpen();
        int count = parameters.length;
        return new ParameterMetaData()
        {
            private void check(int param)
                    throws SQLException
            {
                if (param < 1 || param > count) {
                    throw new SQLException("Parameter index " + param + " is out of range: the statement has " + count + " parameters", "07009");
                }
            }

            @Override
            public int getParameterCount()
            {
                return count;
            }

            @Override
            public int isNullable(int param)
                    throws SQLException
            {
                check(param);
                return parameterNullableUnknown;
            }

            @Override
            public boolean isSigned(int param)
                    throws SQLException
            {
                check(param);
                return true;
            }

            @Override
            public int getPrecision(int param)
                    throws SQLException
            {
                check(param);
                return 0;
            }

            @Override
            public int getScale(int param)
                    throws SQLException
            {
                check(param);
                return 0;
            }

            @Override
            public int getParameterType(int param)
                    throws SQLException
            {
                check(param);
                return Types.VARCHAR;
            }

            @Override
            public String getParameterTypeName(int param)
                    throws SQLException
            {
                check(param);
                return "string";
            }

            @Override
            public String getParameterClassName(int param)
                    throws SQLException
            {
                check(param);
                return String.class.getName();
            }

            @Override
            public int getParameterMode(int param)
                    throws SQLException
            {
                check(param);
                return parameterModeIn;
            }

            @Override
            public <T> T unwrap(Class<T> iface)
                    throws SQLException
            {
                throw new SQLException("Not a wrapper for " + iface.getName());
            }

            @Override
            public boolean isWrapperFor(Class<?> iface)
            {
                return false;
            }
        };
    }
}
