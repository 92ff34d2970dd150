package io.sluice.spi.metadata;

import io.sluice.spi.type.SluiceType;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A column of a table.
 *
 * @param ordinal the 1-based position in the table
 */
public record ColumnInfo(String database, String table, String name, SluiceType type, int ordinal, boolean nullable,
        Optional<String> defaultValue, Optional<String> comment)
{
    public ColumnInfo
    {
        requireNonNull(database, "database is null");
        requireNonNull(table, "table is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(comment, "comment is null");
    }
}
