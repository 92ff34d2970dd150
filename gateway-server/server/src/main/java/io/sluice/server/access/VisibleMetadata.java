package io.sluice.server.access;

import io.sluice.server.access.AccessControl.Subject;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.metadata.ForeignKeyInfo;
import io.sluice.spi.metadata.FunctionInfo;
import io.sluice.spi.metadata.NamePattern;
import io.sluice.spi.metadata.PrimaryKeyInfo;
import io.sluice.spi.metadata.TableDetails;
import io.sluice.spi.metadata.TableInfo;
import io.sluice.spi.metadata.TableStatistics;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A catalog's metadata as one user may see it: databases and tables they hold no privilege on (nor on anything in
 * them, nor on what holds them) are left out of listings (GetSchemas, GetTables, GetColumns, SHOW DATABASES, SHOW
 * TABLES, ...), as if they did not exist.
 */
public final class VisibleMetadata
        implements EngineMetadata
{
    private final EngineMetadata delegate;
    private final AccessControl access;
    private final Subject subject;

    private VisibleMetadata(EngineMetadata delegate, AccessControl access, Subject subject)
    {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.access = requireNonNull(access, "access is null");
        this.subject = requireNonNull(subject, "subject is null");
    }

    /** The metadata the subject may see; the metadata itself when nothing is hidden from it. */
    public static EngineMetadata of(EngineMetadata metadata, AccessControl access, Subject subject)
    {
        return access.enabled() && !access.isAdmin(subject) ? new VisibleMetadata(metadata, access, subject) : metadata;
    }

    @Override
    public List<String> listDatabases(NamePattern databasePattern)
    {
        return delegate.listDatabases(databasePattern).stream().filter(database -> access.visible(subject, ObjectName.database(database))).toList();
    }

    @Override
    public List<TableInfo> listTables(NamePattern databasePattern, NamePattern tablePattern)
    {
        return delegate.listTables(databasePattern, tablePattern).stream()
                .filter(table -> table.temporary() || access.visible(subject, ObjectName.table(table.database(), table.name())))
                .toList();
    }

    @Override
    public List<ColumnInfo> listColumns(NamePattern databasePattern, NamePattern tablePattern, NamePattern columnPattern)
    {
        return delegate.listColumns(databasePattern, tablePattern, columnPattern).stream()
                .filter(column -> access.visible(subject, ObjectName.table(column.database(), column.table())))
                .toList();
    }

    @Override
    public List<FunctionInfo> listFunctions(NamePattern functionPattern)
    {
        return delegate.listFunctions(functionPattern);
    }

    @Override
    public Optional<TableStatistics> tableStatistics(String database, String table)
    {
        return access.visible(subject, ObjectName.table(database, table)) ? delegate.tableStatistics(database, table) : Optional.empty();
    }

    @Override
    public TableDetails tableDetails(TableInfo table)
    {
        return delegate.tableDetails(table);
    }

    @Override
    public List<PrimaryKeyInfo> listPrimaryKeys(String database, String table)
    {
        return access.visible(subject, ObjectName.table(database, table)) ? delegate.listPrimaryKeys(database, table) : List.of();
    }

    @Override
    public List<ForeignKeyInfo> listForeignKeys(NamePattern parentDatabase, NamePattern parentTable, NamePattern foreignDatabase, NamePattern foreignTable)
    {
        return delegate.listForeignKeys(parentDatabase, parentTable, foreignDatabase, foreignTable);
    }

    @Override
    public void createDatabase(String database, boolean ifNotExists)
    {
        delegate.createDatabase(database, ifNotExists);
    }

    @Override
    public void dropDatabase(String database, boolean ifExists, boolean cascade)
    {
        delegate.dropDatabase(database, ifExists, cascade);
    }
}
