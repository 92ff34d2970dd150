package io.sluice.engine.trino;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.metadata.FunctionInfo;
import io.sluice.spi.metadata.NamePattern;
import io.sluice.spi.metadata.TableInfo;
import io.sluice.spi.metadata.TableStatistics;
import io.sluice.spi.metadata.TableType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Trino's catalogs, schemas, tables and columns from its {@code system.jdbc} tables, which Trino answers for all
 * catalogs at once. Schemas of the configured catalog are Sluice databases by their own name; schemas of the other
 * catalogs are databases named {@code catalog.schema} (so {@code tpch.tiny.nation} reads as in Spark's
 * three-part names). Exact names are pushed down; Trino keeps names in lower case. Listings leave out the
 * {@code system} catalog and {@code information_schema}, which exact names still reach.
 */
final class TrinoMetadata
        implements EngineMetadata
{
    private static final Logger log = LoggerFactory.getLogger(TrinoMetadata.class);
    private static final String SYSTEM_CATALOG = "system";
    private static final String INFORMATION_SCHEMA = "information_schema";

    private final TrinoSession session;
    private final String defaultCatalog;

    TrinoMetadata(TrinoSession session)
    {
        this.session = requireNonNull(session, "session is null");
        this.defaultCatalog = session.config().catalog();
    }

    /** A Trino schema, as a Sluice database names it. */
    record Location(String catalog, String schema) {}

    static Location location(String defaultCatalog, String database)
    {
        String name = database.toLowerCase(Locale.ROOT);
        int dot = name.indexOf('.');
        return dot < 0 ? new Location(defaultCatalog, name) : new Location(name.substring(0, dot), name.substring(dot + 1));
    }

    private String database(String catalog, String schema)
    {
        return catalog.equals(defaultCatalog) ? schema : catalog + "." + schema;
    }

    /** Whether the schema exists, from the session's cache of all of Trino's schemas (one query fills it). */
    boolean schemaExists(Location location)
    {
        return session.metadataCache().schemas(() -> {
            Set<Location> schemas = new HashSet<>();
            for (Object[] row : acrossCatalogs("SELECT table_catalog, table_schem FROM system.jdbc.schemas", "table_catalog", " WHERE true", "")) {
                schemas.add(new Location((String) row[0], (String) row[1]));
            }
            return schemas;
        }).contains(location);
    }

    @Override
    public List<String> listDatabases(NamePattern databasePattern)
    {
        if (databasePattern.exactName().isPresent()) {
            Location location = location(defaultCatalog, databasePattern.exactName().get());
            return schemaExists(location) ? List.of(database(location.catalog(), location.schema())) : List.of();
        }
        List<String> databases = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>(acrossCatalogs("SELECT table_catalog, table_schem FROM system.jdbc.schemas", "table_catalog",
                where(databasePattern, "table_catalog", "table_schem"), " ORDER BY 1, 2"));
        // The configured catalog's schemas first, then the others' by name.
        rows.sort(Comparator.comparing((Object[] row) -> !defaultCatalog.equals(row[0])).thenComparing(row -> (String) row[0]).thenComparing(row -> (String) row[1]));
        for (Object[] row : rows) {
            String database = database((String) row[0], (String) row[1]);
            if (databasePattern.matches(database)) {
                databases.add(database);
            }
        }
        return databases;
    }

    @Override
    public List<TableInfo> listTables(NamePattern databasePattern, NamePattern tablePattern)
    {
        List<TableInfo> tables = new ArrayList<>();
        for (Object[] row : acrossCatalogs("SELECT table_cat, table_schem, table_name, table_type, remarks FROM system.jdbc.tables", "table_cat",
                where(databasePattern, "table_cat", "table_schem") + exact(tablePattern, "table_name"), " ORDER BY 1, 2, 3")) {
            String database = database((String) row[0], (String) row[1]);
            String name = (String) row[2];
            if (databasePattern.matches(database) && tablePattern.matches(name)) {
                TableType type = "VIEW".equals(row[3]) ? TableType.VIEW : TableType.TABLE;
                tables.add(new TableInfo(database, name, type, false, Optional.ofNullable((String) row[4]).filter(comment -> !comment.isEmpty())));
            }
        }
        return tables;
    }

    @Override
    public List<ColumnInfo> listColumns(NamePattern databasePattern, NamePattern tablePattern, NamePattern columnPattern)
    {
        if (databasePattern.exactName().isPresent() && tablePattern.exactName().isPresent() && columnPattern.exactName().isEmpty()) {
            // One table's columns, as validation asks for them: from the session's cache.
            Location location = location(defaultCatalog, databasePattern.exactName().get());
            String table = tablePattern.exactName().get().toLowerCase(Locale.ROOT);
            if (!schemaExists(location)) {
                return List.of();
            }
            return session.metadataCache().columns(location, table, () -> queryColumns(databasePattern, tablePattern, NamePattern.any())).stream()
                    .filter(column -> columnPattern.matches(column.name()))
                    .toList();
        }
        return queryColumns(databasePattern, tablePattern, columnPattern);
    }

    private List<ColumnInfo> queryColumns(NamePattern databasePattern, NamePattern tablePattern, NamePattern columnPattern)
    {
        List<ColumnInfo> columns = new ArrayList<>();
        for (Object[] row : acrossCatalogs("SELECT table_cat, table_schem, table_name, column_name, type_name, ordinal_position, is_nullable, remarks, column_def"
                + " FROM system.jdbc.columns", "table_cat", where(databasePattern, "table_cat", "table_schem") + exact(tablePattern, "table_name")
                + exact(columnPattern, "column_name"), " ORDER BY 1, 2, 3, 6")) {
            String database = database((String) row[0], (String) row[1]);
            String table = (String) row[2];
            String name = (String) row[3];
            if (databasePattern.matches(database) && tablePattern.matches(table) && columnPattern.matches(name)) {
                columns.add(new ColumnInfo(database, table, name, TrinoTypes.parse((String) row[4]), ((Number) row[5]).intValue(),
                        !"NO".equals(row[6]), Optional.ofNullable((String) row[8]), Optional.ofNullable((String) row[7]).filter(comment -> !comment.isEmpty())));
            }
        }
        return columns;
    }

    /** Trino's SHOW STATS: what its connector knows (Iceberg from its manifests, tpch from the generator). */
    @Override
    public Optional<TableStatistics> tableStatistics(String database, String table)
    {
        Location location = location(defaultCatalog, database);
        if (listColumns(NamePattern.exact(database), NamePattern.exact(table), NamePattern.any()).isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble rowCount = OptionalDouble.empty();
        List<TableStatistics.ColumnStatistics> columns = new ArrayList<>();
        for (Object[] row : session.queryRows("SHOW STATS FOR " + qualified(location) + "." + identifier(table.toLowerCase(Locale.ROOT)))) {
            if (row[0] == null) {
                rowCount = number(row[4]);
                continue;
            }
            columns.add(new TableStatistics.ColumnStatistics((String) row[0], number(row[1]), number(row[2]), number(row[3]),
                    Optional.ofNullable((String) row[5]), Optional.ofNullable((String) row[6])));
        }
        return Optional.of(new TableStatistics(rowCount, columns));
    }

    private static OptionalDouble number(Object value)
    {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) value).doubleValue());
    }

    @Override
    public List<FunctionInfo> listFunctions(NamePattern functionPattern)
    {
        List<FunctionInfo> functions = new ArrayList<>();
        String previous = null;
        for (Object[] row : session.queryRows("SHOW FUNCTIONS")) {
            String name = (String) row[0];
            if (name.equals(previous) || !functionPattern.matches(name)) {
                continue;
            }
            previous = name;
            FunctionInfo.Kind kind = switch (String.valueOf(row[3])) {
                case "aggregate" -> FunctionInfo.Kind.AGGREGATE;
                case "window" -> FunctionInfo.Kind.WINDOW;
                case "table" -> FunctionInfo.Kind.TABLE;
                default -> FunctionInfo.Kind.SCALAR;
            };
            functions.add(new FunctionInfo(name, kind, Optional.ofNullable((String) row[5]).filter(description -> !description.isEmpty())));
        }
        return functions;
    }

    @Override
    public void createDatabase(String database, boolean ifNotExists)
    {
        session.queryRows("CREATE SCHEMA " + (ifNotExists ? "IF NOT EXISTS " : "") + qualified(location(defaultCatalog, database)));
    }

    @Override
    public void dropDatabase(String database, boolean ifExists, boolean cascade)
    {
        session.queryRows("DROP SCHEMA " + (ifExists ? "IF EXISTS " : "") + qualified(location(defaultCatalog, database)) + (cascade ? " CASCADE" : ""));
    }

    /**
     * The rows of a {@code system.jdbc} query; Trino answers it for every catalog at once, and fails it whole when one
     * catalog cannot answer (an Iceberg REST catalog that is down, say). Then each catalog is asked on its own and
     * those that fail are left out, so that one broken catalog does not hide the others. A query for one catalog
     * fails as Trino failed it.
     */
    private List<Object[]> acrossCatalogs(String select, String catalogColumn, String where, String orderBy)
    {
        try {
            return session.queryRows(select + where + orderBy);
        }
        catch (SluiceException e) {
            if (where.contains(" " + catalogColumn + " = ") || e.errorCode() == ErrorCode.ENGINE_UNAVAILABLE || e.errorCode() == ErrorCode.ENGINE_CONNECTION_LOST) {
                throw e;
            }
            List<Object[]> rows = new ArrayList<>();
            for (Object[] catalog : session.queryRows("SELECT catalog_name FROM system.metadata.catalogs ORDER BY 1")) {
                String name = (String) catalog[0];
                if (name.equals(SYSTEM_CATALOG)) {
                    continue;
                }
                try {
                    rows.addAll(session.queryRows(select + where + " AND " + catalogColumn + " = " + literal(name) + orderBy));
                }
                catch (SluiceException skipped) {
                    log.warn("Trino's catalog {} cannot list its objects and is left out: {}", name, skipped.getMessage());
                }
            }
            return rows;
        }
    }

    /** Pushes an exact database down; otherwise leaves out the system catalog and information schemas. */
    private String where(NamePattern databasePattern, String catalogColumn, String schemaColumn)
    {
        Optional<String> exact = databasePattern.exactName();
        if (exact.isPresent()) {
            Location location = location(defaultCatalog, exact.get());
            return " WHERE " + catalogColumn + " = " + literal(location.catalog()) + " AND " + schemaColumn + " = " + literal(location.schema());
        }
        return " WHERE " + catalogColumn + " <> " + literal(SYSTEM_CATALOG) + " AND " + schemaColumn + " <> " + literal(INFORMATION_SCHEMA);
    }

    private static String exact(NamePattern pattern, String column)
    {
        return pattern.exactName().map(name -> " AND " + column + " = " + literal(name.toLowerCase(Locale.ROOT))).orElse("");
    }

    private static String qualified(Location location)
    {
        return identifier(location.catalog()) + "." + identifier(location.schema());
    }

    private static String identifier(String name)
    {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value)
    {
        return "'" + value.replace("'", "''") + "'";
    }
}
