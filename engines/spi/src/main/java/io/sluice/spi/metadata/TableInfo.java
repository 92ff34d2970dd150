package io.sluice.spi.metadata;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A table or view.
 *
 * @param database its database; empty for a temporary object, which belongs to the session and no database, as
 *     Spark's temporary views do
 * @param temporary whether it lives only in the session that created it
 */
public record TableInfo(String database, String name, TableType type, boolean temporary, Optional<String> comment)
{
    public TableInfo
    {
        requireNonNull(database, "database is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(comment, "comment is null");
    }
}
