package io.sluice.server.operation;

import io.sluice.spi.Column;
import io.sluice.spi.RowBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Rows Sluice computed itself (metadata, session commands): small, kept in memory, rewindable. */
public final class LocalResult
        implements ResultSource
{
    private final List<Column> columns;
    private final List<Object[]> rows;
    private int position;

    public LocalResult(List<Column> columns, List<Object[]> rows)
    {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.rows = new ArrayList<>(requireNonNull(rows, "rows is null"));
    }

    /** The rows, for results built from others (the metadata calls by catalog). */
    public List<Object[]> rows()
    {
        return java.util.Collections.unmodifiableList(rows);
    }

    @Override
    public List<Column> columns()
    {
        return columns;
    }

    @Override
    public synchronized Optional<RowBatch> next(int maxRows)
    {
        if (position >= rows.size()) {
            return Optional.empty();
        }
        int end = Math.min(rows.size(), position + maxRows);
        RowBatch batch = RowBatch.ofRows(columns.size(), rows.subList(position, end));
        position = end;
        return Optional.of(batch);
    }

    @Override
    public synchronized void rewind()
    {
        position = 0;
    }

    @Override
    public void close() {}
}
