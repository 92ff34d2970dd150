package io.sluice.spi.engine;

import io.sluice.spi.Column;
import io.sluice.spi.RowBatch;

import java.util.List;
import java.util.Optional;

/**
 * One statement on an engine. {@link #execute()} runs it until its result can be read; {@link #nextBatch(int)} then
 * streams the rows, so memory stays bounded by the batch size whatever the size of the result.
 * {@link #cancel()} and {@link #close()} may be called from any thread, also while {@code execute} or
 * {@code nextBatch} run, and stop the engine's work.
 */
public interface EngineStatement
        extends AutoCloseable
{
    /** Runs the statement; returns whether it produced rows ({@code false} for DDL and DML). */
    boolean execute();

    /** The result's columns; empty when the statement produced no rows. Valid after {@link #execute()}. */
    List<Column> columns();

    /** Rows changed by DML, or -1 when unknown or not applicable. Valid after {@link #execute()}. */
    long updateCount();

    /** Up to {@code maxRows} further rows; empty once the result is exhausted. */
    Optional<RowBatch> nextBatch(int maxRows);

    /** Stops the running work on the engine; a no-op once the statement finished or closed. */
    void cancel();

    /** Releases the statement and its result. Idempotent. */
    @Override
    void close();
}
