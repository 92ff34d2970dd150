package io.sluice.spi.metadata;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What an engine knows of one table or view beyond its columns, for DESCRIBE FORMATTED, SHOW PARTITIONS and SHOW
 * CREATE VIEW.
 *
 * @param partitionColumns the table's partition columns in partition order; empty for an unpartitioned table
 * @param viewText a view's query as the engine keeps it (in the engine's dialect); empty for a table
 * @param location where the table's data lives, if the engine says
 * @param owner who owns it, if the engine says
 * @param provider its storage format or provider ({@code parquet}, {@code iceberg}, ...), if the engine says
 */
public record TableDetails(TableInfo table, List<String> partitionColumns, Optional<String> viewText, Optional<String> location,
        Optional<String> owner, Optional<String> provider)
{
    public TableDetails
    {
        requireNonNull(table, "table is null");
        partitionColumns = List.copyOf(requireNonNull(partitionColumns, "partitionColumns is null"));
        requireNonNull(viewText, "viewText is null");
        requireNonNull(location, "location is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(provider, "provider is null");
    }

    /** The details known from the table's listing alone. */
    public static TableDetails of(TableInfo table)
    {
        return new TableDetails(table, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
