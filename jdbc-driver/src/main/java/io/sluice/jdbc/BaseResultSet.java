package io.sluice.jdbc;

import org.apache.hive.service.rpc.thrift.TTypeId;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every Sluice result set shares: forward-only, read-only navigation over rows whose values a subclass hands
 * out ({@link #raw}) as the wire carries them, and the conversions JDBC's getters promise. Values are converted only
 * when asked for: DECIMAL, DATE and TIMESTAMP travel as text, ARRAY/MAP/STRUCT as JSON text.
 */
abstract class BaseResultSet
        implements ResultSet
{
    private final List<ColumnInfo> columns;
    private final Statement statement;
    private boolean wasNull;
    private boolean closed;
    private SQLWarning warnings;

    BaseResultSet(List<ColumnInfo> columns, Statement statement)
    {
        this.columns = List.copyOf(columns);
        this.statement = statement;
    }

    /** The current row's value of the 0-based column, as decoded from the wire; null for SQL NULL. */
    abstract Object raw(int column)
            throws SQLException;

    /** Moves to the next row; false past the last one. */
    abstract boolean advance()
            throws SQLException;

    /** 1-based number of the current row, 0 before the first and after the last. */
    abstract int rowNumber();

    abstract boolean atBeforeFirst();

    abstract boolean atAfterLast();

    /** Frees what the rows hold on the server; called once. */
    void release()
            throws SQLException
    {
    }

    final List<ColumnInfo> columns()
    {
        return columns;
    }

    final void checkOpen()
            throws SQLException
    {
        if (closed) {
            throw new SQLException("The result set is closed", "24000");
        }
    }

    private Object value(int columnIndex)
            throws SQLException
    {
        checkOpen();
        if (columnIndex < 1 || columnIndex > columns.size()) {
            throw new SQLException("Column index " + columnIndex + " is out of range: the result has " + columns.size() + " columns", "07009");
        }
        if (atBeforeFirst() || atAfterLast()) {
            throw new SQLException("The result set is not on a row: call next() first", "24000");
        }
        Object value = raw(columnIndex - 1);
        wasNull = value == null;
        return value;
    }

    @Override
    public boolean next()
            throws SQLException
    {
        checkOpen();
        return advance();
    }

    @Override
    public void close()
            throws SQLException
    {
        if (closed) {
            return;
        }
        closed = true;
        release();
    }

    @Override
    public boolean isClosed()
    {
        return closed;
    }

    @Override
    public boolean wasNull()
            throws SQLException
    {
        checkOpen();
        return wasNull;
    }

    @Override
    public Object getObject(int columnIndex)
            throws SQLException
    {
        Object value = value(columnIndex);
        return value == null ? null : convert(value, columns.get(columnIndex - 1));
    }

    private static Object convert(Object value, ColumnInfo column)
            throws SQLException
    {
        TTypeId type = column.type();
        if (value instanceof String) {
            String text = (String) value;
            switch (type) {
                case DECIMAL_TYPE: return decimal(text);
                case DATE_TYPE: return date(text);
                case TIMESTAMP_TYPE: return timestamp(text);
                case ARRAY_TYPE: return new SluiceArray(Json.parseList(text));
                case MAP_TYPE: return Json.parseMap(text);
                case STRUCT_TYPE: return new SluiceStruct(Json.parseMap(text));
                default: return text;
            }
        }
        if (type == TTypeId.FLOAT_TYPE && value instanceof Double) {
            return ((Double) value).floatValue();
        }
        return value;
    }

    private static BigDecimal decimal(String text)
            throws SQLException
    {
        try {
            return new BigDecimal(text.trim());
        }
        catch (NumberFormatException e) {
            throw new SQLDataException("'" + text + "' is not a decimal number", "22018");
        }
    }

    private static Date date(String text)
            throws SQLException
    {
        try {
            return Date.valueOf(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
        }
        catch (RuntimeException e) {
            throw new SQLDataException("'" + text + "' is not a date (yyyy-MM-dd)", "22007");
        }
    }

    private static Timestamp timestamp(String text)
            throws SQLException
    {
        try {
            return Timestamp.valueOf(text.length() == 10 ? text + " 00:00:00" : text.replace('T', ' '));
        }
        catch (IllegalArgumentException e) {
            throw new SQLDataException("'" + text + "' is not a timestamp (yyyy-MM-dd HH:mm:ss[.f...])", "22007");
        }
    }

    @Override
    public String getString(int columnIndex)
            throws SQLException
    {
        Object value = value(columnIndex);
        if (value == null) {
            return null;
        }
        if (value instanceof byte[]) {
            return new String((byte[]) value, StandardCharsets.UTF_8);
        }
        if (value instanceof Double && columns.get(columnIndex - 1).type() == TTypeId.FLOAT_TYPE) {
            return Float.toString(((Double) value).floatValue());
        }
        return value.toString();
    }

    @Override
    public boolean getBoolean(int columnIndex)
            throws SQLException
    {
        Object value = value(columnIndex);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Number) {
            return ((Number) value).doubleValue() != 0;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equals("1")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equals("0")) {
            return false;
        }
        throw new SQLDataException("Column " + columnIndex + " value '" + text + "' is not a boolean", "22018");
    }

    private long integral(int columnIndex, long min, long max, String type)
            throws SQLException
    {
        Object value = value(columnIndex);
        if (value == null) {
            return 0;
        }
        long result;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            result = ((Number) value).longValue();
        }
        else if (value instanceof Boolean) {
            result = (Boolean) value ? 1 : 0;
        }
        else {
            BigDecimal decimal = value instanceof Number ? new BigDecimal(value.toString()) : decimal(value.toString());
            try {
                result = decimal.setScale(0, RoundingMode.DOWN).longValueExact();
            }
            catch (ArithmeticException e) {
                throw new SQLDataException("Column " + columnIndex + " value " + value + " does not fit in " + type, "22003");
            }
        }
        if (result < min || result > max) {
            throw new SQLDataException("Column " + columnIndex + " value " + value + " does not fit in " + type, "22003");
        }
        return result;
    }

    @Override
    public byte getByte(int columnIndex)
            throws SQLException
    {
        return (byte) integral(columnIndex, Byte.MIN_VALUE, Byte.MAX_VALUE, "a byte");
    }

    @Override
    public short getShort(int columnIndex)
            throws SQLException
    {
        return (short) integral(columnIndex, Short.MIN_VALUE, Short.MAX_VALUE, "a short");
    }

    @Override
    public int getInt(int columnIndex)
            throws SQLException
    {
        return (int) integral(columnIndex, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");
    }

    @Override
    public long getLong(int columnIndex)
            throws SQLException
    {
        return integral(columnIndex, Long.MIN_VALUE, Long.MAX_VALUE, "a long");
    }

    @Override
    public float getFloat(int columnIndex)
            throws SQLException
    {
        return (float) getDouble(columnIndex);
    }

    @Override
    public double getDouble(int columnIndex)
            throws SQLException
    {
        Object value = value(columnIndex);
        if (value == null) {
            return 0;
        }
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1 : 0;
        }
        try {
            return Double.parseDouble(value.toString().trim());
        }
        catch (NumberFormatException e) {
            throw new SQLDataException("Column " + columnIndex + " value '" + value + "' is not a number", "22018");
        }
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex)
            throws SQLException
    {
        Object value = value(columnIndex);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return decimal(value.toString());
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale)
            throws SQLException
    {
        BigDecimal value = getBigDecimal(columnIndex);
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int columnIndex)
            throws SQLException
    {
        Object value = value(columnIndex);
        if (value == null) {
            return null;
        }
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Date getDate(int columnIndex)
            throws SQLException
    {
        Object value = value(columnIndex);
        if (value == null) {
            return null;
        }
        if (value instanceof Date) {
            return (Date) value;
        }
        if (value instanceof Timestamp) {
            return Date.valueOf(((Timestamp) value).toLocalDateTime().toLocalDate());
        }
        return date(value.toString());
    }

    @Override
    public Time getTime(int columnIndex)
            throws SQLException
    {
        Timestamp timestamp = getTimestamp(columnIndex);
        return timestamp == null ? null : Time.valueOf(timestamp.toLocalDateTime().toLocalTime());
    }

    @Override
    public Timestamp getTimestamp(int columnIndex)
            throws SQLException
    {
        Object value = value(columnIndex);
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp) {
            return (Timestamp) value;
        }
        if (value instanceof Date) {
            return Timestamp.valueOf(((Date) value).toLocalDate().atStartOfDay());
        }
        return timestamp(value.toString());
    }

    @Override
    public Date getDate(int columnIndex, Calendar calendar)
            throws SQLException
    {
        Date date = getDate(columnIndex);
        if (date == null || calendar == null) {
            return date;
        }
        return new Date(date.toLocalDate().atStartOfDay(calendar.getTimeZone().toZoneId()).toInstant().toEpochMilli());
    }

    @Override
    public Time getTime(int columnIndex, Calendar calendar)
            throws SQLException
    {
        Timestamp timestamp = getTimestamp(columnIndex, calendar);
        return timestamp == null ? null : new Time(timestamp.getTime());
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar calendar)
            throws SQLException
    {
        Timestamp timestamp = getTimestamp(columnIndex);
        if (timestamp == null || calendar == null) {
            return timestamp;
        }
        // The wire's timestamp has no zone: read it as a wall-clock time in the calendar's zone.
        Timestamp result = Timestamp.from(timestamp.toLocalDateTime().atZone(calendar.getTimeZone().toZoneId()).toInstant());
        result.setNanos(timestamp.getNanos());
        return result;
    }

    @Override
    public InputStream getAsciiStream(int columnIndex)
            throws SQLException
    {
        String value = getString(columnIndex);
        return value == null ? null : new ByteArrayInputStream(value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex)
            throws SQLException
    {
        String value = getString(columnIndex);
        return value == null ? null : new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public InputStream getBinaryStream(int columnIndex)
            throws SQLException
    {
        byte[] value = getBytes(columnIndex);
        return value == null ? null : new ByteArrayInputStream(value);
    }

    @Override
    public Reader getCharacterStream(int columnIndex)
            throws SQLException
    {
        String value = getString(columnIndex);
        return value == null ? null : new StringReader(value);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex)
            throws SQLException
    {
        return getCharacterStream(columnIndex);
    }

    @Override
    public String getNString(int columnIndex)
            throws SQLException
    {
        return getString(columnIndex);
    }

    @Override
    public Array getArray(int columnIndex)
            throws SQLException
    {
        Object value = getObject(columnIndex);
        if (value == null || value instanceof Array) {
            return (Array) value;
        }
        throw new SQLDataException("Column " + columnIndex + " (" + columns.get(columnIndex - 1).typeName() + ") is not an array", "22018");
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map)
            throws SQLException
    {
        return getObject(columnIndex);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getObject(int columnIndex, Class<T> type)
            throws SQLException
    {
        if (type == null) {
            throw new SQLException("The type to convert to is null", "HY009");
        }
        Object value = getObject(columnIndex);
        if (value == null) {
            return null;
        }
        if (type.isInstance(value)) {
            return (T) value;
        }
        if (type == String.class) {
            return (T) getString(columnIndex);
        }
        if (type == Integer.class) {
            return (T) Integer.valueOf(getInt(columnIndex));
        }
        if (type == Long.class) {
            return (T) Long.valueOf(getLong(columnIndex));
        }
        if (type == Short.class) {
            return (T) Short.valueOf(getShort(columnIndex));
        }
        if (type == Byte.class) {
            return (T) Byte.valueOf(getByte(columnIndex));
        }
        if (type == Boolean.class) {
            return (T) Boolean.valueOf(getBoolean(columnIndex));
        }
        if (type == Double.class) {
            return (T) Double.valueOf(getDouble(columnIndex));
        }
        if (type == Float.class) {
            return (T) Float.valueOf(getFloat(columnIndex));
        }
        if (type == BigDecimal.class) {
            return (T) getBigDecimal(columnIndex);
        }
        if (type == BigInteger.class) {
            return (T) getBigDecimal(columnIndex).toBigInteger();
        }
        if (type == byte[].class) {
            return (T) getBytes(columnIndex);
        }
        if (type == Date.class) {
            return (T) getDate(columnIndex);
        }
        if (type == Timestamp.class) {
            return (T) getTimestamp(columnIndex);
        }
        if (type == Time.class) {
            return (T) getTime(columnIndex);
        }
        if (type == LocalDate.class) {
            return (T) getDate(columnIndex).toLocalDate();
        }
        if (type == LocalDateTime.class) {
            return (T) getTimestamp(columnIndex).toLocalDateTime();
        }
        if (type == LocalTime.class) {
            return (T) getTimestamp(columnIndex).toLocalDateTime().toLocalTime();
        }
        if (type == OffsetDateTime.class) {
            return (T) getTimestamp(columnIndex).toLocalDateTime().atZone(ZoneId.systemDefault()).toOffsetDateTime();
        }
        throw new SQLDataException("Column " + columnIndex + " (" + columns.get(columnIndex - 1).typeName() + ") cannot be read as " + type.getName(), "22018");
    }

    @Override
    public int findColumn(String columnLabel)
            throws SQLException
    {
        checkOpen();
        if (columnLabel != null) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(columnLabel)) {
                    return i + 1;
                }
            }
            // Hive-style labels qualified by their table: `t.col` is found as `col` too.
            for (int i = 0; i < columns.size(); i++) {
                String name = columns.get(i).name();
                int dot = name.lastIndexOf('.');
                if (dot >= 0 && name.substring(dot + 1).equalsIgnoreCase(columnLabel)) {
                    return i + 1;
                }
            }
        }
        throw new SQLException("No column '" + columnLabel + "' in the result; its columns are " + columnNames(), "42703");
    }

    private String columnNames()
    {
        StringBuilder names = new StringBuilder();
        for (ColumnInfo column : columns) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(column.name());
        }
        return names.toString();
    }

    @Override
    public ResultSetMetaData getMetaData()
            throws SQLException
    {
        checkOpen();
        return new SluiceResultSetMetaData(columns);
    }

    @Override
    public Statement getStatement()
    {
        return statement;
    }

    @Override
    public SQLWarning getWarnings()
            throws SQLException
    {
        checkOpen();
        return warnings;
    }

    @Override
    public void clearWarnings()
            throws SQLException
    {
        checkOpen();
        warnings = null;
    }

    @Override
    public boolean isBeforeFirst()
            throws SQLException
    {
        checkOpen();
        return atBeforeFirst();
    }

    @Override
    public boolean isAfterLast()
            throws SQLException
    {
        checkOpen();
        return atAfterLast();
    }

    @Override
    public boolean isFirst()
            throws SQLException
    {
        checkOpen();
        return rowNumber() == 1;
    }

    @Override
    public boolean isLast()
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.isLast on a forward-only result");
    }

    @Override
    public int getRow()
            throws SQLException
    {
        checkOpen();
        return rowNumber();
    }

    @Override
    public void beforeFirst()
            throws SQLException
    {
        throw forwardOnly("beforeFirst");
    }

    @Override
    public void afterLast()
            throws SQLException
    {
        throw forwardOnly("afterLast");
    }

    @Override
    public boolean first()
            throws SQLException
    {
        throw forwardOnly("first");
    }

    @Override
    public boolean last()
            throws SQLException
    {
        throw forwardOnly("last");
    }

    @Override
    public boolean absolute(int row)
            throws SQLException
    {
        throw forwardOnly("absolute");
    }

    @Override
    public boolean relative(int rows)
            throws SQLException
    {
        if (rows < 0) {
            throw forwardOnly("relative with a negative count");
        }
        checkOpen();
        for (int i = 0; i < rows; i++) {
            if (!advance()) {
                return false;
            }
        }
        return !atBeforeFirst() && !atAfterLast();
    }

    @Override
    public boolean previous()
            throws SQLException
    {
        throw forwardOnly("previous");
    }

    private static SQLException forwardOnly(String method)
    {
        return new java.sql.SQLFeatureNotSupportedException("ResultSet." + method + " is not supported: Sluice's results are forward-only (TYPE_FORWARD_ONLY)", "0A000");
    }

    @Override
    public void setFetchDirection(int direction)
            throws SQLException
    {
        if (direction != FETCH_FORWARD) {
            throw forwardOnly("setFetchDirection(" + direction + ")");
        }
    }

    @Override
    public int getFetchDirection()
    {
        return FETCH_FORWARD;
    }

    @Override
    public int getType()
    {
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency()
    {
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability()
    {
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean rowUpdated()
    {
        return false;
    }

    @Override
    public boolean rowInserted()
    {
        return false;
    }

    @Override
    public boolean rowDeleted()
    {
        return false;
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

    // Getters by label, as the JDBC specification defines them: by the column the label names.
    @Override
    public String getString(String columnLabel)
            throws SQLException
    {
        return getString(findColumn(columnLabel));
    }

    @Override
    public boolean getBoolean(String columnLabel)
            throws SQLException
    {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public byte getByte(String columnLabel)
            throws SQLException
    {
        return getByte(findColumn(columnLabel));
    }

    @Override
    public short getShort(String columnLabel)
            throws SQLException
    {
        return getShort(findColumn(columnLabel));
    }

    @Override
    public int getInt(String columnLabel)
            throws SQLException
    {
        return getInt(findColumn(columnLabel));
    }

    @Override
    public long getLong(String columnLabel)
            throws SQLException
    {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public float getFloat(String columnLabel)
            throws SQLException
    {
        return getFloat(findColumn(columnLabel));
    }

    @Override
    public double getDouble(String columnLabel)
            throws SQLException
    {
        return getDouble(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String columnLabel, int p1)
            throws SQLException
    {
        return getBigDecimal(findColumn(columnLabel), p1);
    }

    @Override
    public byte[] getBytes(String columnLabel)
            throws SQLException
    {
        return getBytes(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel)
            throws SQLException
    {
        return getDate(findColumn(columnLabel));
    }

    @Override
    public Time getTime(String columnLabel)
            throws SQLException
    {
        return getTime(findColumn(columnLabel));
    }

    @Override
    public Timestamp getTimestamp(String columnLabel)
            throws SQLException
    {
        return getTimestamp(findColumn(columnLabel));
    }

    @Override
    public InputStream getAsciiStream(String columnLabel)
            throws SQLException
    {
        return getAsciiStream(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String columnLabel)
            throws SQLException
    {
        return getUnicodeStream(findColumn(columnLabel));
    }

    @Override
    public InputStream getBinaryStream(String columnLabel)
            throws SQLException
    {
        return getBinaryStream(findColumn(columnLabel));
    }

    @Override
    public Object getObject(String columnLabel)
            throws SQLException
    {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public Reader getCharacterStream(String columnLabel)
            throws SQLException
    {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel)
            throws SQLException
    {
        return getBigDecimal(findColumn(columnLabel));
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> p1)
            throws SQLException
    {
        return getObject(findColumn(columnLabel), p1);
    }

    @Override
    public Array getArray(String columnLabel)
            throws SQLException
    {
        return getArray(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel, Calendar p1)
            throws SQLException
    {
        return getDate(findColumn(columnLabel), p1);
    }

    @Override
    public Time getTime(String columnLabel, Calendar p1)
            throws SQLException
    {
        return getTime(findColumn(columnLabel), p1);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, Calendar p1)
            throws SQLException
    {
        return getTimestamp(findColumn(columnLabel), p1);
    }

    @Override
    public String getNString(String columnLabel)
            throws SQLException
    {
        return getNString(findColumn(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(String columnLabel)
            throws SQLException
    {
        return getNCharacterStream(findColumn(columnLabel));
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> p1)
            throws SQLException
    {
        return getObject(findColumn(columnLabel), p1);
    }

    // Neither updatable nor LOB-valued: Sluice's results are read-only values.

    @Override
    public String getCursorName()
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getCursorName");
    }

    @Override
    public void updateNull(int p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateNull");
    }

    @Override
    public void updateBoolean(int p0, boolean p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBoolean");
    }

    @Override
    public void updateByte(int p0, byte p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateByte");
    }

    @Override
    public void updateShort(int p0, short p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateShort");
    }

    @Override
    public void updateInt(int p0, int p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateInt");
    }

    @Override
    public void updateLong(int p0, long p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateLong");
    }

    @Override
    public void updateFloat(int p0, float p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateFloat");
    }

    @Override
    public void updateDouble(int p0, double p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateDouble");
    }

    @Override
    public void updateBigDecimal(int p0, java.math.BigDecimal p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBigDecimal");
    }

    @Override
    public void updateString(int p0, String p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateString");
    }

    @Override
    public void updateBytes(int p0, byte[] p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBytes");
    }

    @Override
    public void updateDate(int p0, Date p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateDate");
    }

    @Override
    public void updateTime(int p0, Time p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateTime");
    }

    @Override
    public void updateTimestamp(int p0, Timestamp p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateTimestamp");
    }

    @Override
    public void updateAsciiStream(int p0, InputStream p1, int p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(int p0, InputStream p1, int p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(int p0, Reader p1, int p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateObject(int p0, Object p1, int p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateObject");
    }

    @Override
    public void updateObject(int p0, Object p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateObject");
    }

    @Override
    public void updateNull(String p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateNull");
    }

    @Override
    public void updateBoolean(String p0, boolean p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBoolean");
    }

    @Override
    public void updateByte(String p0, byte p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateByte");
    }

    @Override
    public void updateShort(String p0, short p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateShort");
    }

    @Override
    public void updateInt(String p0, int p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateInt");
    }

    @Override
    public void updateLong(String p0, long p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateLong");
    }

    @Override
    public void updateFloat(String p0, float p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateFloat");
    }

    @Override
    public void updateDouble(String p0, double p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateDouble");
    }

    @Override
    public void updateBigDecimal(String p0, java.math.BigDecimal p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBigDecimal");
    }

    @Override
    public void updateString(String p0, String p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateString");
    }

    @Override
    public void updateBytes(String p0, byte[] p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBytes");
    }

    @Override
    public void updateDate(String p0, Date p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateDate");
    }

    @Override
    public void updateTime(String p0, Time p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateTime");
    }

    @Override
    public void updateTimestamp(String p0, Timestamp p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateTimestamp");
    }

    @Override
    public void updateAsciiStream(String p0, InputStream p1, int p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(String p0, InputStream p1, int p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(String p0, Reader p1, int p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateObject(String p0, Object p1, int p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateObject");
    }

    @Override
    public void updateObject(String p0, Object p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateObject");
    }

    @Override
    public void insertRow()
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.insertRow");
    }

    @Override
    public void updateRow()
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateRow");
    }

    @Override
    public void deleteRow()
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.deleteRow");
    }

    @Override
    public void refreshRow()
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.refreshRow");
    }

    @Override
    public void cancelRowUpdates()
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.cancelRowUpdates");
    }

    @Override
    public void moveToInsertRow()
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.moveToInsertRow");
    }

    @Override
    public void moveToCurrentRow()
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.moveToCurrentRow");
    }

    @Override
    public Ref getRef(int p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getRef");
    }

    @Override
    public Blob getBlob(int p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getBlob");
    }

    @Override
    public Clob getClob(int p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getClob");
    }

    @Override
    public Ref getRef(String p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getRef");
    }

    @Override
    public Blob getBlob(String p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getBlob");
    }

    @Override
    public Clob getClob(String p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getClob");
    }

    @Override
    public java.net.URL getURL(int p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getURL");
    }

    @Override
    public java.net.URL getURL(String p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getURL");
    }

    @Override
    public void updateRef(int p0, Ref p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateRef");
    }

    @Override
    public void updateRef(String p0, Ref p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateRef");
    }

    @Override
    public void updateBlob(int p0, Blob p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(String p0, Blob p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBlob");
    }

    @Override
    public void updateClob(int p0, Clob p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(String p0, Clob p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateClob");
    }

    @Override
    public void updateArray(int p0, Array p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateArray");
    }

    @Override
    public void updateArray(String p0, Array p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateArray");
    }

    @Override
    public RowId getRowId(int p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getRowId");
    }

    @Override
    public RowId getRowId(String p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getRowId");
    }

    @Override
    public void updateRowId(int p0, RowId p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateRowId");
    }

    @Override
    public void updateRowId(String p0, RowId p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateRowId");
    }

    @Override
    public void updateNString(int p0, String p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateNString");
    }

    @Override
    public void updateNString(String p0, String p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateNString");
    }

    @Override
    public void updateNClob(int p0, NClob p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(String p0, NClob p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateNClob");
    }

    @Override
    public NClob getNClob(int p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getNClob");
    }

    @Override
    public NClob getNClob(String p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getNClob");
    }

    @Override
    public SQLXML getSQLXML(int p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getSQLXML");
    }

    @Override
    public SQLXML getSQLXML(String p0)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.getSQLXML");
    }

    @Override
    public void updateSQLXML(int p0, SQLXML p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateSQLXML");
    }

    @Override
    public void updateSQLXML(String p0, SQLXML p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateSQLXML");
    }

    @Override
    public void updateNCharacterStream(int p0, Reader p1, long p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(String p0, Reader p1, long p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateAsciiStream(int p0, InputStream p1, long p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(int p0, InputStream p1, long p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(int p0, Reader p1, long p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateAsciiStream(String p0, InputStream p1, long p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(String p0, InputStream p1, long p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(String p0, Reader p1, long p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateBlob(int p0, InputStream p1, long p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(String p0, InputStream p1, long p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBlob");
    }

    @Override
    public void updateClob(int p0, Reader p1, long p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(String p0, Reader p1, long p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateClob");
    }

    @Override
    public void updateNClob(int p0, Reader p1, long p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(String p0, Reader p1, long p2)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNCharacterStream(int p0, Reader p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(String p0, Reader p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateAsciiStream(int p0, InputStream p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(int p0, InputStream p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(int p0, Reader p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateAsciiStream(String p0, InputStream p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(String p0, InputStream p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(String p0, Reader p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateBlob(int p0, InputStream p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(String p0, InputStream p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateBlob");
    }

    @Override
    public void updateClob(int p0, Reader p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(String p0, Reader p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateClob");
    }

    @Override
    public void updateNClob(int p0, Reader p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(String p0, Reader p1)
            throws SQLException
    {
        throw Errors.notSupported("ResultSet.updateNClob");
    }

}
