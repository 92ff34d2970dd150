package io.sluice.jdbc;

import org.apache.hive.service.rpc.thrift.TColumn;
import org.apache.hive.service.rpc.thrift.TColumnValue;
import org.apache.hive.service.rpc.thrift.TRow;
import org.apache.hive.service.rpc.thrift.TRowSet;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One fetch's rows as the wire carries them: columnar (protocol V6 and later: a value list and a NULL bitmap per
 * column) or row by row (older protocols). Values are handed out boxed as Thrift decoded them; binary values are
 * copied out of their buffers when asked for.
 */
final class RowBatch
{
    static final RowBatch EMPTY = new RowBatch(null, null, null, 0);

    private final List<?>[] values;
    private final byte[][] nulls;
    private final List<TRow> rows;
    private final int size;

    private RowBatch(List<?>[] values, byte[][] nulls, List<TRow> rows, int size)
    {
        this.values = values;
        this.nulls = nulls;
        this.rows = rows;
        this.size = size;
    }

    static RowBatch of(TRowSet rowSet, int columnCount)
    {
        if (rowSet.isSetColumns() && !rowSet.getColumns().isEmpty()) {
            List<TColumn> columns = rowSet.getColumns();
            List<?>[] values = new List<?>[columns.size()];
            byte[][] nulls = new byte[columns.size()][];
            for (int i = 0; i < columns.size(); i++) {
                TColumn column = columns.get(i);
                ByteBuffer bitmap;
                switch (column.getSetField()) {
                    case BOOL_VAL: values[i] = column.getBoolVal().getValues(); bitmap = column.getBoolVal().bufferForNulls(); break;
                    case BYTE_VAL: values[i] = column.getByteVal().getValues(); bitmap = column.getByteVal().bufferForNulls(); break;
                    case I16_VAL: values[i] = column.getI16Val().getValues(); bitmap = column.getI16Val().bufferForNulls(); break;
                    case I32_VAL: values[i] = column.getI32Val().getValues(); bitmap = column.getI32Val().bufferForNulls(); break;
                    case I64_VAL: values[i] = column.getI64Val().getValues(); bitmap = column.getI64Val().bufferForNulls(); break;
                    case DOUBLE_VAL: values[i] = column.getDoubleVal().getValues(); bitmap = column.getDoubleVal().bufferForNulls(); break;
                    case STRING_VAL: values[i] = column.getStringVal().getValues(); bitmap = column.getStringVal().bufferForNulls(); break;
                    case BINARY_VAL: values[i] = column.getBinaryVal().getValues(); bitmap = column.getBinaryVal().bufferForNulls(); break;
                    default: throw new IllegalStateException("Unknown column kind " + column.getSetField());
                }
                nulls[i] = bytes(bitmap);
            }
            return new RowBatch(values, nulls, null, values[0].size());
        }
        List<TRow> rows = rowSet.isSetRows() ? rowSet.getRows() : List.of();
        return new RowBatch(null, null, rows, rows.size());
    }

    private static byte[] bytes(ByteBuffer buffer)
    {
        if (buffer == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    int size()
    {
        return size;
    }

    /** The value at 0-based column and row; null for SQL NULL. */
    Object get(int column, int row)
    {
        if (rows != null) {
            return value(rows.get(row).getColVals().get(column));
        }
        byte[] bitmap = nulls[column];
        int index = row >> 3;
        if (index < bitmap.length && (bitmap[index] & (1 << (row & 7))) != 0) {
            return null;
        }
        Object value = values[column].get(row);
        if (value instanceof ByteBuffer) {
            return bytes((ByteBuffer) value);
        }
        return value;
    }

    private static Object value(TColumnValue value)
    {
        switch (value.getSetField()) {
            case BOOL_VAL: return value.getBoolVal().isSetValue() ? value.getBoolVal().isValue() : null;
            case BYTE_VAL: return value.getByteVal().isSetValue() ? value.getByteVal().getValue() : null;
            case I16_VAL: return value.getI16Val().isSetValue() ? value.getI16Val().getValue() : null;
            case I32_VAL: return value.getI32Val().isSetValue() ? value.getI32Val().getValue() : null;
            case I64_VAL: return value.getI64Val().isSetValue() ? value.getI64Val().getValue() : null;
            case DOUBLE_VAL: return value.getDoubleVal().isSetValue() ? value.getDoubleVal().getValue() : null;
            case STRING_VAL: return value.getStringVal().isSetValue() ? value.getStringVal().getValue() : null;
            default: return null;
        }
    }
}
