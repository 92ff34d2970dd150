package io.sluice.server.catalog;

import io.sluice.catalog.iceberg.DuckDbScans;
import io.sluice.catalog.iceberg.IcebergTypes;
import io.sluice.catalog.iceberg.LakehouseCatalog;
import io.sluice.catalog.iceberg.LakehouseStatistics;
import io.sluice.dialects.Dialect;
import io.sluice.dialects.validate.CatalogView;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.TableStatistics;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.types.Types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Sluice's lakehouse catalog as the gateway reads it: databases {@code lakehouse.<namespace>}, tables and columns from
 * their Iceberg metadata, statistics, and DuckDB's scans of them.
 */
public final class LakehouseCatalogs
        implements SluiceCatalogs
{
    private static final String PREFIX = LakehouseCatalog.NAME + ".";

    private final LakehouseCatalog lakehouse;
    private final DuckDbScans duckDbScans = new DuckDbScans();

    public LakehouseCatalogs(LakehouseCatalog lakehouse)
    {
        this.lakehouse = requireNonNull(lakehouse, "lakehouse is null");
    }

    /** The lakehouse namespace a Sluice database names, if it names one. */
    private static Optional<Namespace> namespace(String database)
    {
        if (!database.toLowerCase(Locale.ROOT).startsWith(PREFIX) || database.length() == PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(Namespace.of(database.substring(PREFIX.length()).toLowerCase(Locale.ROOT).split("\\.")));
    }

    private Optional<Table> table(Namespace namespace, String table)
    {
        try {
            return Optional.of(lakehouse.catalog().loadTable(TableIdentifier.of(namespace, table.toLowerCase(Locale.ROOT))));
        }
        catch (NoSuchTableException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<TableStatistics> statistics(String database, String table)
    {
        Optional<Namespace> namespace = namespace(database);
        if (namespace.isEmpty()) {
            return Optional.empty();
        }
        Table loaded = table(namespace.get(), table).orElseThrow(() ->
                new SluiceException(ErrorCode.TABLE_NOT_FOUND, "Table '" + table + "' not found in database '" + database + "'"));
        return Optional.of(LakehouseStatistics.of(loaded));
    }

    @Override
    public boolean contains(String database)
    {
        return namespace(database).isPresent();
    }

    @Override
    public CatalogView view(Engine engine, CatalogView engineView)
    {
        boolean scans = Dialect.fromName(engine.dialect()) == Dialect.DUCKDB;
        Map<String, Optional<Table>> tables = new HashMap<>();
        return new CatalogView()
        {
            private Optional<Table> load(Namespace namespace, String table)
            {
                return tables.computeIfAbsent(namespace + "." + table.toLowerCase(Locale.ROOT), key -> table(namespace, table));
            }

            @Override
            public boolean databaseExists(String database)
            {
                Optional<Namespace> namespace = namespace(database);
                return namespace.isPresent() ? lakehouse.catalog().namespaceExists(namespace.get()) : engineView.databaseExists(database);
            }

            @Override
            public Optional<List<ColumnInfo>> columns(String database, String table)
            {
                Optional<Namespace> namespace = namespace(database);
                if (namespace.isEmpty()) {
                    return engineView.columns(database, table);
                }
                return load(namespace.get(), table).map(loaded -> columnsOf(database, loaded));
            }

            @Override
            public Optional<String> scan(String database, String table)
            {
                Optional<Namespace> namespace = namespace(database);
                if (namespace.isEmpty()) {
                    return engineView.scan(database, table);
                }
                if (!scans) {
                    return Optional.empty();
                }
                return load(namespace.get(), table).map(loaded -> duckDbScans.scan(database + "." + table, loaded));
            }
        };
    }

    private static List<ColumnInfo> columnsOf(String database, Table table)
    {
        List<ColumnInfo> columns = new ArrayList<>();
        int ordinal = 0;
        for (Types.NestedField field : table.schema().columns()) {
            columns.add(new ColumnInfo(database, table.name().substring(table.name().lastIndexOf('.') + 1), field.name(), IcebergTypes.toSluiceType(field.type()),
                    ++ordinal, field.isOptional(), Optional.empty(), Optional.ofNullable(field.doc())));
        }
        return columns;
    }
}
