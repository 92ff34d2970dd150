package io.sluice.dialects.validate;

import io.sluice.spi.metadata.ColumnInfo;

import java.util.List;
import java.util.Optional;

/**
 * The tables a statement may read, as the validator sees them. Names are matched case-insensitively. A table named
 * with three parts ({@code catalog.database.table}) is in the database {@code catalog.database}.
 */
public interface CatalogView
{
    /** Whether the database (schema) exists. */
    boolean databaseExists(String database);

    /** The table's or view's columns in order, or empty if there is no such table. */
    Optional<List<ColumnInfo>> columns(String database, String table);

    /**
     * For a table the engine reads through a query rather than by its name (DuckDB reads lakehouse tables with
     * {@code read_parquet}): that query, in the engine's SQL, with the table's columns in order. Asked only when the
     * statement is written for the engine, after validation found the table.
     */
    default Optional<String> scan(String database, String table)
    {
        return Optional.empty();
    }

    /**
     * The same as {@link #scan(String, String)}, for the table as of a version or a point in time: empty when the
     * engine reads the table by its name, or cannot read it as of then.
     */
    default Optional<String> scan(String database, String table, TimeTravel asOf)
    {
        return Optional.empty();
    }

    /** A catalog with the database {@code default} and no tables. */
    static CatalogView empty()
    {
        return new CatalogView()
        {
            @Override
            public boolean databaseExists(String database)
            {
                return database.equalsIgnoreCase("default");
            }

            @Override
            public Optional<List<ColumnInfo>> columns(String database, String table)
            {
                return Optional.empty();
            }
        };
    }
}
