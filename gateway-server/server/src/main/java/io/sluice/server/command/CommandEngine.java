package io.sluice.server.command;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.metadata.EngineMetadata;

import java.util.List;
import java.util.function.Supplier;

/**
 * The engine a session command reads: its catalog, and Spark SQL queries for what the catalog does not say
 * (SHOW PARTITIONS lists a table's distinct partition values). Found lazily: SET and SHOW FUNCTIONS need no engine.
 */
public interface CommandEngine
{
    EngineMetadata metadata();

    /** Runs a Spark SQL query on the engine, translated as any statement is, and returns all its rows. */
    List<Object[]> query(String sparkSql);

    /** An engine for commands that only read the catalog. */
    static CommandEngine metadataOnly(Supplier<EngineMetadata> metadata)
    {
        return new CommandEngine()
        {
            @Override
            public EngineMetadata metadata()
            {
                return metadata.get();
            }

            @Override
            public List<Object[]> query(String sparkSql)
            {
                throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "This command cannot run queries: " + sparkSql);
            }
        };
    }
}
