package io.sluice.server.operation;

import io.sluice.spi.Column;
import io.sluice.spi.RowBatch;

import java.util.List;
import java.util.Optional;

/** Where an operation's rows come from: an engine's stream, or rows Sluice computed itself. */
public interface ResultSource
        extends AutoCloseable
{
    List<Column> columns();

    /** Up to {@code maxRows} further rows; empty when none are left. */
    Optional<RowBatch> next(int maxRows);

    /** Starts again from the first row, for {@code FETCH_FIRST}; fails clearly where the source cannot. */
    void rewind();

    @Override
    void close();
}
