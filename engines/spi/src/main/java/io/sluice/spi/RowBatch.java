package io.sluice.spi;

import java.util.ArrayList;
import java.util.List;

import static java.lang.String.format;
import static java.util.Objects.checkIndex;
import static java.util.Objects.requireNonNull;

/**
 * A batch of rows stored column by column. Values use the Java representation that
 * {@link io.sluice.spi.type.TypeKind} documents for each column's type; {@code null} is SQL NULL.
 * A batch is filled once by its producer and only read afterwards.
 */
public final class RowBatch
{
    private final Object[][] columns;
    private final int rowCount;

    private RowBatch(Object[][] columns, int rowCount)
    {
        this.columns = columns;
        this.rowCount = rowCount;
    }

    public static RowBatch empty(int columnCount)
    {
        return new RowBatch(new Object[columnCount][0], 0);
    }

    /** A batch of the given rows, each an array of one value per column. */
    public static RowBatch ofRows(int columnCount, List<Object[]> rows)
    {
        Builder builder = builder(columnCount, rows.size());
        for (Object[] row : rows) {
            if (row.length != columnCount) {
                throw new IllegalArgumentException(format("Row has %s values, expected %s", row.length, columnCount));
            }
            int index = builder.addRow();
            for (int column = 0; column < columnCount; column++) {
                builder.set(column, index, row[column]);
            }
        }
        return builder.build();
    }

    public static Builder builder(int columnCount, int expectedRows)
    {
        return new Builder(columnCount, expectedRows);
    }

    public int rowCount()
    {
        return rowCount;
    }

    public int columnCount()
    {
        return columns.length;
    }

    public Object value(int column, int row)
    {
        checkIndex(row, rowCount);
        return columns[column][row];
    }

    /** The values of one row, in column order. */
    public Object[] row(int row)
    {
        checkIndex(row, rowCount);
        Object[] values = new Object[columns.length];
        for (int column = 0; column < columns.length; column++) {
            values[column] = columns[column][row];
        }
        return values;
    }

    /** Builds a batch row by row; grows as needed. */
    public static final class Builder
    {
        private Object[][] columns;
        private int rowCount;

        private Builder(int columnCount, int expectedRows)
        {
            int capacity = Math.max(expectedRows, 1);
            columns = new Object[columnCount][capacity];
        }

        /** Appends an all-NULL row and returns its index. */
        public int addRow()
        {
            if (columns.length > 0 && rowCount == columns[0].length) {
                int capacity = columns[0].length * 2;
                for (int column = 0; column < columns.length; column++) {
                    columns[column] = java.util.Arrays.copyOf(columns[column], capacity);
                }
            }
            return rowCount++;
        }

        public void set(int column, int row, Object value)
        {
            checkIndex(row, rowCount);
            columns[column][row] = value;
        }

        public int rowCount()
        {
            return rowCount;
        }

        public RowBatch build()
        {
            Object[][] built = columns;
            columns = null;
            requireNonNull(built, "build() was already called");
            return new RowBatch(built, rowCount);
        }
    }

    /** Collects the rows of several batches; for tests and small in-memory results only. */
    public static List<Object[]> rows(List<RowBatch> batches)
    {
        List<Object[]> rows = new ArrayList<>();
        for (RowBatch batch : batches) {
            for (int row = 0; row < batch.rowCount(); row++) {
                rows.add(batch.row(row));
            }
        }
        return rows;
    }
}
