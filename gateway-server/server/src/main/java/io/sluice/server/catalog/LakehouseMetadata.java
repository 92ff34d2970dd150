package io.sluice.server.catalog;

import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.metadata.ForeignKeyInfo;
import io.sluice.spi.metadata.FunctionInfo;
import io.sluice.spi.metadata.NamePattern;
import io.sluice.spi.metadata.PrimaryKeyInfo;
import io.sluice.spi.metadata.TableDetails;
import io.sluice.spi.metadata.TableInfo;
import io.sluice.spi.metadata.TableStatistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * An engine session's metadata with Sluice's lakehouse in it, so that SHOW, DESCRIBE and the HS2 metadata calls list
 * the lakehouse's databases ({@code lakehouse.<namespace>}), tables and columns on every engine, from the lakehouse's
 * own metadata. Engines that attach the lakehouse list it too: each object is listed once.
 */
final class LakehouseMetadata
        implements EngineMetadata
{
    private final EngineMetadata engine;
    private final LakehouseCatalogs lakehouse;

    LakehouseMetadata(EngineMetadata engine, LakehouseCatalogs lakehouse)
    {
        this.engine = requireNonNull(engine, "engine is null");
        this.lakehouse = requireNonNull(lakehouse, "lakehouse is null");
    }

    @Override
    public List<String> listDatabases(NamePattern databasePattern)
    {
        if (databasePattern.exactName().filter(lakehouse::contains).isPresent()) {
            return lakehouse.databases(databasePattern);
        }
        Map<String, String> databases = new LinkedHashMap<>();
        for (String database : engine.listDatabases(databasePattern)) {
            databases.putIfAbsent(database.toLowerCase(Locale.ROOT), database);
        }
        for (String database : lakehouse.databases(databasePattern)) {
            databases.putIfAbsent(database.toLowerCase(Locale.ROOT), database);
        }
        return List.copyOf(databases.values());
    }

    @Override
    public List<TableInfo> listTables(NamePattern databasePattern, NamePattern tablePattern)
    {
        if (databasePattern.exactName().filter(lakehouse::contains).isPresent()) {
            return lakehouse.tables(databasePattern, tablePattern);
        }
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        for (TableInfo table : engine.listTables(databasePattern, tablePattern)) {
            tables.putIfAbsent(key(table.database(), table.name()) + (table.temporary() ? "#temporary" : ""), table);
        }
        for (TableInfo table : lakehouse.tables(databasePattern, tablePattern)) {
            tables.putIfAbsent(key(table.database(), table.name()), table);
        }
        return new ArrayList<>(tables.values());
    }

    @Override
    public List<ColumnInfo> listColumns(NamePattern databasePattern, NamePattern tablePattern, NamePattern columnPattern)
    {
        if (databasePattern.exactName().filter(lakehouse::contains).isPresent()) {
            return lakehouse.columns(databasePattern, tablePattern, columnPattern);
        }
        Map<String, List<ColumnInfo>> byTable = new LinkedHashMap<>();
        for (ColumnInfo column : engine.listColumns(databasePattern, tablePattern, columnPattern)) {
            byTable.computeIfAbsent(key(column.database(), column.table()), key -> new ArrayList<>()).add(column);
        }
        Set<String> listedByEngine = Set.copyOf(byTable.keySet());
        for (ColumnInfo column : lakehouse.columns(databasePattern, tablePattern, columnPattern)) {
            String key = key(column.database(), column.table());
            if (!listedByEngine.contains(key)) {
                byTable.computeIfAbsent(key, ignored -> new ArrayList<>()).add(column);
            }
        }
        return byTable.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public TableDetails tableDetails(TableInfo table)
    {
        return lakehouse.contains(table.database()) ? lakehouse.details(table) : engine.tableDetails(table);
    }

    @Override
    public Optional<TableStatistics> tableStatistics(String database, String table)
    {
        return lakehouse.contains(database) ? lakehouse.statistics(database, table) : engine.tableStatistics(database, table);
    }

    @Override
    public List<FunctionInfo> listFunctions(NamePattern functionPattern)
    {
        return engine.listFunctions(functionPattern);
    }

    @Override
    public List<PrimaryKeyInfo> listPrimaryKeys(String database, String table)
    {
        return lakehouse.contains(database) ? List.of() : engine.listPrimaryKeys(database, table);
    }

    @Override
    public List<ForeignKeyInfo> listForeignKeys(NamePattern parentDatabase, NamePattern parentTable, NamePattern foreignDatabase, NamePattern foreignTable)
    {
        return engine.listForeignKeys(parentDatabase, parentTable, foreignDatabase, foreignTable);
    }

    @Override
    public void createDatabase(String database, boolean ifNotExists)
    {
        if (lakehouse.contains(database)) {
            lakehouse.createDatabase(database, ifNotExists);
            return;
        }
        engine.createDatabase(database, ifNotExists);
    }

    @Override
    public void dropDatabase(String database, boolean ifExists, boolean cascade)
    {
        if (lakehouse.contains(database)) {
            lakehouse.dropDatabase(database, ifExists, cascade);
            return;
        }
        engine.dropDatabase(database, ifExists, cascade);
    }

    private static String key(String database, String table)
    {
        return database.toLowerCase(Locale.ROOT) + "." + table.toLowerCase(Locale.ROOT);
    }
}
