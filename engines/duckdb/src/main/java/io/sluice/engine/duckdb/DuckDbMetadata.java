package io.sluice.engine.duckdb;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.metadata.ForeignKeyInfo;
import io.sluice.spi.metadata.FunctionInfo;
import io.sluice.spi.metadata.NamePattern;
import io.sluice.spi.metadata.PrimaryKeyInfo;
import io.sluice.spi.metadata.TableDetails;
import io.sluice.spi.metadata.TableInfo;
import io.sluice.spi.metadata.TableType;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * DuckDB's catalog as Sluice names it: the schemas of the Sluice database file are the databases ({@code main} is
 * {@code default}); temporary tables and views of the session belong to no database.
 */
final class DuckDbMetadata
        implements EngineMetadata
{
    private static final String TEMP_CATALOG = "temp";
    private static final String SCHEMAS_OF_THIS_DATABASE =
            "SELECT schema_name FROM duckdb_schemas() WHERE database_name = current_database() AND schema_name NOT IN ('information_schema', 'pg_catalog') ORDER BY schema_name";

    /** The query of DuckDB's {@code CREATE VIEW name AS query;}, as {@code duckdb_views()} keeps it. */
    private static final Pattern VIEW_QUERY = Pattern.compile("(?is)^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:TEMP(?:ORARY)?\\s+)?VIEW\\s+(?:\\\"(?:[^\\\"]|\\\"\\\")*\\\"|[^\\s(.\\\"]+)(?:\\s*\\.\\s*(?:\\\"(?:[^\\\"]|\\\"\\\")*\\\"|[^\\s(.\\\"]+))*(?:\\s*\\([^)]*\\))?\\s+AS\\s+(.*?)\\s*;?\\s*$");

    private final DuckDbSession session;

    DuckDbMetadata(DuckDbSession session)
    {
        this.session = requireNonNull(session, "session is null");
    }

    boolean databaseExists(String database)
    {
        return !listDatabases(NamePattern.exact(database)).isEmpty();
    }

    @Override
    public List<String> listDatabases(NamePattern databasePattern)
    {
        List<String> databases = new ArrayList<>();
        for (Object[] row : session.query(SCHEMAS_OF_THIS_DATABASE)) {
            String database = DuckDbIdentifiers.toDatabase((String) row[0]);
            if (databasePattern.matches(database)) {
                databases.add(database);
            }
        }
        databases.sort(String::compareTo);
        return databases;
    }

    @Override
    public List<TableInfo> listTables(NamePattern databasePattern, NamePattern tablePattern)
    {
        List<Object[]> rows = session.query("""
                SELECT database_name, schema_name, table_name, 'TABLE', comment, temporary FROM duckdb_tables()
                WHERE database_name IN (current_database(), 'temp')
                UNION ALL
                SELECT database_name, schema_name, view_name, 'VIEW', comment, temporary FROM duckdb_views()
                WHERE database_name IN (current_database(), 'temp') AND NOT internal
                ORDER BY 1, 2, 3""");
        List<TableInfo> tables = new ArrayList<>();
        for (Object[] row : rows) {
            boolean temporary = TEMP_CATALOG.equals(row[0]) || Boolean.TRUE.equals(row[5]);
            String database = temporary ? "" : DuckDbIdentifiers.toDatabase((String) row[1]);
            String name = (String) row[2];
            if ((temporary || databasePattern.matches(database)) && tablePattern.matches(name)) {
                tables.add(new TableInfo(database, name, TableType.valueOf((String) row[3]), temporary, Optional.ofNullable((String) row[4])));
            }
        }
        return tables;
    }

    /** A view's query as DuckDB keeps it; DuckDB's tables have no partitions and no location of their own. */
    @Override
    public TableDetails tableDetails(TableInfo table)
    {
        if (table.type() != TableType.VIEW) {
            return TableDetails.of(table);
        }
        List<Object[]> rows = table.temporary()
                ? session.query("SELECT sql FROM duckdb_views() WHERE database_name = 'temp' AND view_name = ?", table.name())
                : session.query("SELECT sql FROM duckdb_views() WHERE database_name = current_database() AND schema_name = ? AND view_name = ?",
                        DuckDbIdentifiers.toSchema(table.database()), table.name());
        Optional<String> text = rows.stream().map(row -> (String) row[0]).findFirst().map(sql -> {
            Matcher matcher = VIEW_QUERY.matcher(sql);
            return matcher.matches() ? matcher.group(1) : sql;
        });
        return new TableDetails(table, List.of(), text, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public List<ColumnInfo> listColumns(NamePattern databasePattern, NamePattern tablePattern, NamePattern columnPattern)
    {
        List<Object[]> rows = session.query("""
                SELECT database_name, schema_name, table_name, column_name, column_index, data_type, is_nullable, column_default, comment
                FROM duckdb_columns()
                WHERE database_name IN (current_database(), 'temp') AND NOT internal
                ORDER BY database_name, schema_name, table_name, column_index""");
        List<ColumnInfo> columns = new ArrayList<>();
        for (Object[] row : rows) {
            boolean temporary = TEMP_CATALOG.equals(row[0]);
            String database = temporary ? "" : DuckDbIdentifiers.toDatabase((String) row[1]);
            String table = (String) row[2];
            String column = (String) row[3];
            if ((temporary || databasePattern.matches(database)) && tablePattern.matches(table) && columnPattern.matches(column)) {
                columns.add(new ColumnInfo(database, table, column, DuckDbType.toSluiceType((String) row[5]), ((Number) row[4]).intValue(),
                        Boolean.TRUE.equals(row[6]), Optional.ofNullable((String) row[7]), Optional.ofNullable((String) row[8])));
            }
        }
        return columns;
    }

    @Override
    public List<FunctionInfo> listFunctions(NamePattern functionPattern)
    {
        TreeMap<String, FunctionInfo> functions = new TreeMap<>();
        for (Object[] row : session.query("SELECT function_name, function_type, description FROM duckdb_functions() WHERE NOT internal OR schema_name = 'main' ORDER BY 1")) {
            String name = (String) row[0];
            if (!functionPattern.matches(name) || functions.containsKey(name)) {
                continue;
            }
            FunctionInfo.Kind kind = switch (((String) row[1]).toLowerCase(Locale.ROOT)) {
                case "aggregate" -> FunctionInfo.Kind.AGGREGATE;
                case "table", "table_macro" -> FunctionInfo.Kind.TABLE;
                default -> FunctionInfo.Kind.SCALAR;
            };
            functions.put(name, new FunctionInfo(name, kind, Optional.ofNullable((String) row[2])));
        }
        return List.copyOf(functions.values());
    }

    @Override
    public List<PrimaryKeyInfo> listPrimaryKeys(String database, String table)
    {
        List<PrimaryKeyInfo> keys = new ArrayList<>();
        for (Object[] row : session.query("""
                SELECT schema_name, table_name, constraint_column_names, constraint_name FROM duckdb_constraints()
                WHERE database_name = current_database() AND constraint_type = 'PRIMARY KEY'
                ORDER BY schema_name, table_name""")) {
            String keyDatabase = DuckDbIdentifiers.toDatabase((String) row[0]);
            if (!NamePattern.exact(database).matches(keyDatabase) || !NamePattern.exact(table).matches((String) row[1])) {
                continue;
            }
            List<String> columns = strings(row[2]);
            for (int i = 0; i < columns.size(); i++) {
                keys.add(new PrimaryKeyInfo(keyDatabase, (String) row[1], columns.get(i), i + 1, (String) row[3]));
            }
        }
        return keys;
    }

    @Override
    public List<ForeignKeyInfo> listForeignKeys(NamePattern parentDatabase, NamePattern parentTable, NamePattern foreignDatabase, NamePattern foreignTable)
    {
        List<ForeignKeyInfo> keys = new ArrayList<>();
        for (Object[] row : session.query("""
                SELECT schema_name, table_name, constraint_column_names, referenced_table, referenced_column_names, constraint_name
                FROM duckdb_constraints()
                WHERE database_name = current_database() AND constraint_type = 'FOREIGN KEY'
                ORDER BY schema_name, table_name""")) {
            // DuckDB's foreign keys refer to tables of the same schema.
            String database = DuckDbIdentifiers.toDatabase((String) row[0]);
            String table = (String) row[1];
            String referenced = (String) row[3];
            if (!foreignDatabase.matches(database) || !foreignTable.matches(table) || !parentDatabase.matches(database) || !parentTable.matches(referenced)) {
                continue;
            }
            List<String> columns = strings(row[2]);
            List<String> referencedColumns = strings(row[4]);
            for (int i = 0; i < columns.size(); i++) {
                keys.add(new ForeignKeyInfo(database, referenced, referencedColumns.get(i), database, table, columns.get(i), i + 1, (String) row[5]));
            }
        }
        return keys;
    }

    @Override
    public void createDatabase(String database, boolean ifNotExists)
    {
        if (!ifNotExists && databaseExists(database)) {
            throw new SluiceException(ErrorCode.ALREADY_EXISTS, "Database '" + database + "' already exists");
        }
        session.update("CREATE SCHEMA IF NOT EXISTS " + DuckDbIdentifiers.quotedSchema(database));
    }

    @Override
    public void dropDatabase(String database, boolean ifExists, boolean cascade)
    {
        if (database.equalsIgnoreCase(DuckDbSession.DEFAULT_DATABASE)) {
            throw new SluiceException(ErrorCode.GENERIC_USER_ERROR, "The database 'default' cannot be dropped");
        }
        if (!databaseExists(database)) {
            if (ifExists) {
                return;
            }
            throw new SluiceException(ErrorCode.DATABASE_NOT_FOUND, "Database '" + database + "' does not exist");
        }
        session.update("DROP SCHEMA " + DuckDbIdentifiers.quotedSchema(database) + (cascade ? " CASCADE" : " RESTRICT"));
    }

    private static List<String> strings(Object value)
    {
        try {
            Object[] elements = value instanceof Array array ? (Object[]) array.getArray() : new Object[0];
            List<String> strings = new ArrayList<>(elements.length);
            for (Object element : elements) {
                strings.add(String.valueOf(element));
            }
            return strings;
        }
        catch (SQLException e) {
            throw new SluiceException(ErrorCode.ENGINE_ERROR, "Cannot read DuckDB constraint columns: " + e.getMessage(), e);
        }
    }
}
