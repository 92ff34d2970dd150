package io.sluice.spi.metadata;

import static java.util.Objects.requireNonNull;

/** One column of a primary key; {@code sequence} is its 1-based position in the key. */
public record PrimaryKeyInfo(String database, String table, String column, int sequence, String keyName)
{
    public PrimaryKeyInfo
    {
        requireNonNull(database, "database is null");
        requireNonNull(table, "table is null");
        requireNonNull(column, "column is null");
        requireNonNull(keyName, "keyName is null");
    }
}
