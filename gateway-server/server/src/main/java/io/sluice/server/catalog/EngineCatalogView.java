package io.sluice.server.catalog;

import io.sluice.dialects.validate.CatalogView;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.metadata.NamePattern;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The tables of one engine session, as the validator sees them: its databases, tables and views, with the
 * session's temporary views hiding tables of the same name in the current database, as in Spark. Until the
 * lakehouse catalog lands, the routed engine's own catalog is the catalog.
 */
public final class EngineCatalogView
        implements CatalogView
{
    private final EngineMetadata metadata;
    private final String currentDatabase;

    public EngineCatalogView(EngineMetadata metadata, String currentDatabase)
    {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.currentDatabase = requireNonNull(currentDatabase, "currentDatabase is null");
    }

    @Override
    public boolean databaseExists(String database)
    {
        return !metadata.listDatabases(NamePattern.exact(database)).isEmpty();
    }

    @Override
    public Optional<List<ColumnInfo>> columns(String database, String table)
    {
        if (FileTables.isFileFormat(database) && !databaseExists(database)) {
            // parquet.`/path`: files, not a table the engine's catalog could hold (FileTables reads them).
            return Optional.empty();
        }
        List<ColumnInfo> columns = metadata.listColumns(NamePattern.exact(database), NamePattern.exact(table), NamePattern.any());
        if (database.equalsIgnoreCase(currentDatabase)) {
            List<ColumnInfo> temporary = columns.stream().filter(column -> column.database().isEmpty()).toList();
            if (!temporary.isEmpty()) {
                columns = temporary;
            }
        }
        return columns.isEmpty() ? Optional.empty() : Optional.of(columns);
    }
}
