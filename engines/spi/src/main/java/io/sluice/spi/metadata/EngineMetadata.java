package io.sluice.spi.metadata;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.util.List;
import java.util.Optional;

/**
 * Databases, tables, columns and functions of an engine as one session sees them. Patterns follow the JDBC
 * metadata conventions ({@link NamePattern}); implementations may push exact names down and must filter the rest.
 * Database names are the ones users write ({@code default} always exists).
 */
public interface EngineMetadata
{
    List<String> listDatabases(NamePattern databasePattern);

    List<TableInfo> listTables(NamePattern databasePattern, NamePattern tablePattern);

    List<ColumnInfo> listColumns(NamePattern databasePattern, NamePattern tablePattern, NamePattern columnPattern);

    List<FunctionInfo> listFunctions(NamePattern functionPattern);

    /** The engine's statistics of a table, if it keeps any; empty when the table does not exist. */
    default Optional<TableStatistics> tableStatistics(String database, String table)
    {
        return Optional.empty();
    }

    /**
     * The details of a table or view that {@link #listTables} found: partition columns, a view's text, location, owner,
     * provider. The default knows only what the listing says.
     */
    default TableDetails tableDetails(TableInfo table)
    {
        return TableDetails.of(table);
    }

    default List<PrimaryKeyInfo> listPrimaryKeys(String database, String table)
    {
        return List.of();
    }

    default List<ForeignKeyInfo> listForeignKeys(NamePattern parentDatabase, NamePattern parentTable, NamePattern foreignDatabase, NamePattern foreignTable)
    {
        return List.of();
    }

    default void createDatabase(String database, boolean ifNotExists)
    {
        throw new SluiceException(ErrorCode.NOT_SUPPORTED, "This engine does not support creating databases");
    }

    default void dropDatabase(String database, boolean ifExists, boolean cascade)
    {
        throw new SluiceException(ErrorCode.NOT_SUPPORTED, "This engine does not support dropping databases");
    }
}
