package io.sluice.spi.engine;

import io.sluice.spi.RowBatch;
import io.sluice.spi.metadata.EngineMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Sluice session's view of an engine: its current database, settings and temporary objects.
 * Statements of a session are created from the session's threads; {@link EngineStatement#cancel()} may come from
 * any thread.
 */
public interface EngineSession
        extends AutoCloseable
{
    /** Creates a statement for the SQL text, in the engine's dialect; nothing runs until {@link EngineStatement#execute()}. */
    EngineStatement createStatement(String sql);

    /** Runs a statement to its end and returns all its rows; for small results, such as an engine's metadata queries. */
    default List<Object[]> queryRows(String sql)
    {
        try (EngineStatement statement = createStatement(sql)) {
            List<Object[]> rows = new ArrayList<>();
            if (statement.execute()) {
                for (Optional<RowBatch> batch = statement.nextBatch(1000); batch.isPresent(); batch = statement.nextBatch(1000)) {
                    rows.addAll(RowBatch.rows(List.of(batch.get())));
                }
            }
            return rows;
        }
    }

    /** Databases, tables, columns and functions as this session sees them (temporary views included). */
    EngineMetadata metadata();

    /** Makes {@code database} the current one; fails with {@code DATABASE_NOT_FOUND} if it does not exist. */
    void useDatabase(String database);

    /** Closes the session and every statement still open in it. */
    @Override
    void close();
}
