package io.sluice.spi.metadata;

import static java.util.Objects.requireNonNull;

/** One column pair of a foreign key; {@code sequence} is its 1-based position in the key. */
public record ForeignKeyInfo(String parentDatabase, String parentTable, String parentColumn,
        String foreignDatabase, String foreignTable, String foreignColumn, int sequence, String keyName)
{
    public ForeignKeyInfo
    {
        requireNonNull(parentDatabase, "parentDatabase is null");
        requireNonNull(parentTable, "parentTable is null");
        requireNonNull(parentColumn, "parentColumn is null");
        requireNonNull(foreignDatabase, "foreignDatabase is null");
        requireNonNull(foreignTable, "foreignTable is null");
        requireNonNull(foreignColumn, "foreignColumn is null");
        requireNonNull(keyName, "keyName is null");
    }
}
