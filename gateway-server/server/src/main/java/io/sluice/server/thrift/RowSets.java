package io.sluice.server.thrift;

import io.sluice.spi.Column;
import io.sluice.spi.RowBatch;
import io.sluice.spi.type.SluiceType;
import org.apache.hive.service.rpc.thrift.TBinaryColumn;
import org.apache.hive.service.rpc.thrift.TBoolColumn;
import org.apache.hive.service.rpc.thrift.TBoolValue;
import org.apache.hive.service.rpc.thrift.TByteColumn;
import org.apache.hive.service.rpc.thrift.TByteValue;
import org.apache.hive.service.rpc.thrift.TColumn;
import org.apache.hive.service.rpc.thrift.TColumnValue;
import org.apache.hive.service.rpc.thrift.TDoubleColumn;
import org.apache.hive.service.rpc.thrift.TDoubleValue;
import org.apache.hive.service.rpc.thrift.TI16Column;
import org.apache.hive.service.rpc.thrift.TI16Value;
import org.apache.hive.service.rpc.thrift.TI32Column;
import org.apache.hive.service.rpc.thrift.TI32Value;
import org.apache.hive.service.rpc.thrift.TI64Column;
import org.apache.hive.service.rpc.thrift.TI64Value;
import org.apache.hive.service.rpc.thrift.TProtocolVersion;
import org.apache.hive.service.rpc.thrift.TRow;
import org.apache.hive.service.rpc.thrift.TRowSet;
import org.apache.hive.service.rpc.thrift.TStringColumn;
import org.apache.hive.service.rpc.thrift.TStringValue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes row batches as HS2 {@link TRowSet}s: column-based for protocol V6 and later, row-based before. Values
 * travel as HiveServer2 sends them: numbers in their own columns, DECIMAL, DATE, TIMESTAMP and intervals as text,
 * ARRAY, MAP and STRUCT as JSON text, BINARY as bytes.
 */
public final class RowSets
{
    private RowSets() {}

    public static boolean isColumnar(int protocolVersion)
    {
        return protocolVersion >= TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V6.getValue();
    }

    public static TRowSet empty(List<Column> columns, int protocolVersion)
    {
        return toRowSet(columns, RowBatch.empty(columns.size()), 0, protocolVersion);
    }

    public static TRowSet toRowSet(List<Column> columns, RowBatch batch, long startRowOffset, int protocolVersion)
    {
        TRowSet rowSet = new TRowSet(startRowOffset, new ArrayList<>());
        if (isColumnar(protocolVersion)) {
            List<TColumn> encoded = new ArrayList<>(columns.size());
            for (int column = 0; column < columns.size(); column++) {
                encoded.add(column(columns.get(column).type(), batch, column));
            }
            rowSet.setColumns(encoded);
            return rowSet;
        }
        for (int row = 0; row < batch.rowCount(); row++) {
            List<TColumnValue> values = new ArrayList<>(columns.size());
            for (int column = 0; column < columns.size(); column++) {
                values.add(value(columns.get(column).type(), batch.value(column, row)));
            }
            rowSet.addToRows(new TRow(values));
        }
        return rowSet;
    }

    /** A single-string-column row set, for operation logs. */
    public static TRowSet strings(List<String> lines, int protocolVersion)
    {
        List<Object[]> rows = lines.stream().map(line -> new Object[] {line}).toList();
        return toRowSet(List.of(new Column("operation_log", SluiceType.STRING)), RowBatch.ofRows(1, rows), 0, protocolVersion);
    }

    private static TColumn column(SluiceType type, RowBatch batch, int column)
    {
        int rows = batch.rowCount();
        byte[] nulls = new byte[(rows + 7) / 8];
        switch (type.kind()) {
            case BOOLEAN -> {
                List<Boolean> values = new ArrayList<>(rows);
                for (int row = 0; row < rows; row++) {
                    Object value = batch.value(column, row);
                    values.add(value == null ? markNull(nulls, row, false) : (Boolean) value);
                }
                return TColumn.boolVal(new TBoolColumn(values, ByteBuffer.wrap(nulls)));
            }
            case TINYINT -> {
                List<Byte> values = new ArrayList<>(rows);
                for (int row = 0; row < rows; row++) {
                    Object value = batch.value(column, row);
                    values.add(value == null ? markNull(nulls, row, (byte) 0) : (Byte) value);
                }
                return TColumn.byteVal(new TByteColumn(values, ByteBuffer.wrap(nulls)));
            }
            case SMALLINT -> {
                List<Short> values = new ArrayList<>(rows);
                for (int row = 0; row < rows; row++) {
                    Object value = batch.value(column, row);
                    values.add(value == null ? markNull(nulls, row, (short) 0) : (Short) value);
                }
                return TColumn.i16Val(new TI16Column(values, ByteBuffer.wrap(nulls)));
            }
            case INTEGER -> {
                List<Integer> values = new ArrayList<>(rows);
                for (int row = 0; row < rows; row++) {
                    Object value = batch.value(column, row);
                    values.add(value == null ? markNull(nulls, row, 0) : (Integer) value);
                }
                return TColumn.i32Val(new TI32Column(values, ByteBuffer.wrap(nulls)));
            }
            case BIGINT -> {
                List<Long> values = new ArrayList<>(rows);
                for (int row = 0; row < rows; row++) {
                    Object value = batch.value(column, row);
                    values.add(value == null ? markNull(nulls, row, 0L) : (Long) value);
                }
                return TColumn.i64Val(new TI64Column(values, ByteBuffer.wrap(nulls)));
            }
            case FLOAT, DOUBLE -> {
                List<Double> values = new ArrayList<>(rows);
                for (int row = 0; row < rows; row++) {
                    Object value = batch.value(column, row);
                    values.add(value == null ? markNull(nulls, row, 0.0) : toDouble(value));
                }
                return TColumn.doubleVal(new TDoubleColumn(values, ByteBuffer.wrap(nulls)));
            }
            case BINARY -> {
                List<ByteBuffer> values = new ArrayList<>(rows);
                for (int row = 0; row < rows; row++) {
                    Object value = batch.value(column, row);
                    values.add(value == null ? markNull(nulls, row, ByteBuffer.allocate(0)) : ByteBuffer.wrap((byte[]) value));
                }
                return TColumn.binaryVal(new TBinaryColumn(values, ByteBuffer.wrap(nulls)));
            }
            default -> {
                List<String> values = new ArrayList<>(rows);
                for (int row = 0; row < rows; row++) {
                    Object value = batch.value(column, row);
                    values.add(value == null ? markNull(nulls, row, "") : text(value));
                }
                return TColumn.stringVal(new TStringColumn(values, ByteBuffer.wrap(nulls)));
            }
        }
    }

    private static <T> T markNull(byte[] nulls, int row, T placeholder)
    {
        nulls[row / 8] |= (byte) (1 << (row % 8));
        return placeholder;
    }

    private static TColumnValue value(SluiceType type, Object value)
    {
        switch (type.kind()) {
            case BOOLEAN -> {
                TBoolValue encoded = new TBoolValue();
                if (value != null) {
                    encoded.setValue((Boolean) value);
                }
                return TColumnValue.boolVal(encoded);
            }
            case TINYINT -> {
                TByteValue encoded = new TByteValue();
                if (value != null) {
                    encoded.setValue((Byte) value);
                }
                return TColumnValue.byteVal(encoded);
            }
            case SMALLINT -> {
                TI16Value encoded = new TI16Value();
                if (value != null) {
                    encoded.setValue((Short) value);
                }
                return TColumnValue.i16Val(encoded);
            }
            case INTEGER -> {
                TI32Value encoded = new TI32Value();
                if (value != null) {
                    encoded.setValue((Integer) value);
                }
                return TColumnValue.i32Val(encoded);
            }
            case BIGINT -> {
                TI64Value encoded = new TI64Value();
                if (value != null) {
                    encoded.setValue((Long) value);
                }
                return TColumnValue.i64Val(encoded);
            }
            case FLOAT, DOUBLE -> {
                TDoubleValue encoded = new TDoubleValue();
                if (value != null) {
                    encoded.setValue(toDouble(value));
                }
                return TColumnValue.doubleVal(encoded);
            }
            default -> {
                TStringValue encoded = new TStringValue();
                if (value != null) {
                    // Row-based sets have no binary value: bytes travel as ISO-8859-1 text, as HiveServer2 sends them.
                    encoded.setValue(value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) : text(value));
                }
                return TColumnValue.stringVal(encoded);
            }
        }
    }

    private static double toDouble(Object value)
    {
        // A float widened through its decimal text stays 0.1, not 0.10000000149011612.
        return value instanceof Float number ? Double.parseDouble(number.toString()) : ((Number) value).doubleValue();
    }

    /** The text HiveServer2 sends for a value of a string-encoded type. */
    static String text(Object value)
    {
        if (value instanceof String string) {
            return string;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestamp(timestamp);
        }
        if (value instanceof OffsetDateTime timestamp) {
            return timestamp(timestamp.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (value instanceof LocalDate || value instanceof LocalTime) {
            return value.toString();
        }
        return value.toString();
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss[.fffffffff]} with trailing zeros of the fraction dropped, as the Hive driver parses it.
     * Built from the fields, never through the JVM's time zone, whose gaps would shift some values.
     */
    static String timestamp(LocalDateTime timestamp)
    {
        StringBuilder text = new StringBuilder(29).append(timestamp.toLocalDate()).append(' ');
        appendTwoDigits(text, timestamp.getHour()).append(':');
        appendTwoDigits(text, timestamp.getMinute()).append(':');
        appendTwoDigits(text, timestamp.getSecond());
        int nanos = timestamp.getNano();
        if (nanos > 0) {
            String fraction = String.format("%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(fraction, 0, end);
        }
        return text.toString();
    }

    private static StringBuilder appendTwoDigits(StringBuilder text, int value)
    {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
