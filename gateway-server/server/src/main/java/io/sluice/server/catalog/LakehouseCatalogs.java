package io.sluice.server.catalog;

import io.sluice.catalog.iceberg.DuckDbScans;
import io.sluice.catalog.iceberg.IcebergTypes;
import io.sluice.catalog.iceberg.LakehouseCatalog;
import io.sluice.catalog.iceberg.LakehouseStatistics;
import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import io.sluice.dialects.analyze.StatementShape;
import io.sluice.dialects.validate.CatalogView;
import io.sluice.dialects.validate.TimeTravel;
import io.sluice.dialects.validate.Validation;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.metadata.NamePattern;
import io.sluice.spi.metadata.TableDetails;
import io.sluice.spi.metadata.TableInfo;
import io.sluice.spi.metadata.TableStatistics;
import io.sluice.spi.metadata.TableType;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NoSuchViewException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.iceberg.view.SQLViewRepresentation;
import org.apache.iceberg.view.View;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Sluice's lakehouse catalog as the gateway reads it: databases {@code lakehouse.<namespace>}, tables and columns from
 * their Iceberg metadata, statistics, and DuckDB's scans of them.
 */
public final class LakehouseCatalogs
        implements SluiceCatalogs
{
    private static final String PREFIX = LakehouseCatalog.NAME + ".";

    private static final int MAX_LOADED_TABLES = 10_000;
    /** How deep lakehouse views over views are read through Sluice. */
    private static final int MAX_VIEW_DEPTH = 16;
    /** How long a table whose metadata could not be read fails at once, before it is tried again. */
    private static final long UNREADABLE_MEMORY_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** Tables at least this large get their scans planned with a statement's conditions when it is routed (router.pruning-threshold). */
    public static final String PRUNING_THRESHOLD = "router.pruning-threshold";
    public static final long DEFAULT_PRUNING_THRESHOLD = 64L * 1024 * 1024;
    private static final int MAX_PRUNED_ESTIMATES = 10_000;

    private final LakehouseCatalog lakehouse;
    private final long pruningThreshold;
    private final Map<String, LakehouseStatistics.ScanEstimate> prunedEstimates = new ConcurrentHashMap<>();
    private final DuckDbScans duckDbScans = new DuckDbScans();
    private final Map<TableIdentifier, Table> loadedTables = new ConcurrentHashMap<>();
    private final Map<TableIdentifier, Unreadable> unreadableTables = new ConcurrentHashMap<>();
    private final LakehouseWrites writes;

    public LakehouseCatalogs(LakehouseCatalog lakehouse)
    {
        this(lakehouse, DEFAULT_PRUNING_THRESHOLD);
    }

    public LakehouseCatalogs(LakehouseCatalog lakehouse, long pruningThreshold)
    {
        this.lakehouse = requireNonNull(lakehouse, "lakehouse is null");
        this.pruningThreshold = pruningThreshold;
        this.writes = new LakehouseWrites(lakehouse, identifier -> table(identifier.namespace(), identifier.name()), duckDbScans::scan,
                dialect -> view(dialect, dialect.settingValue(), UnaryOperator.identity(), CatalogView.empty()));
    }

    @Override
    public Optional<Write> write(Engine engine, Validation validation, Dialect input, String currentDatabase)
    {
        return writes.plan(engine, validation, input, currentDatabase, LakehouseCatalogs::namespace);
    }

    /** The lakehouse namespace a Sluice database names, if it names one. */
    private static Optional<Namespace> namespace(String database)
    {
        if (!database.toLowerCase(Locale.ROOT).startsWith(PREFIX) || database.length() == PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(Namespace.of(database.substring(PREFIX.length()).toLowerCase(Locale.ROOT).split("\\.")));
    }

    /**
     * The table, as of its latest commit. Loaded tables are kept and refreshed on each use: a refresh reads only the
     * metadata location from the store and the metadata file only when it changed (a commit by any engine or instance).
     */
    private Optional<Table> table(Namespace namespace, String table)
    {
        TableIdentifier identifier = TableIdentifier.of(namespace, table.toLowerCase(Locale.ROOT));
        Unreadable unreadable = unreadableTables.get(identifier);
        if (unreadable != null) {
            if (System.nanoTime() - unreadable.sinceNanos() < UNREADABLE_MEMORY_NANOS) {
                throw unreadable.error();
            }
            unreadableTables.remove(identifier, unreadable);
        }
        try {
            Table cached = loadedTables.get(identifier);
            if (cached != null) {
                cached.refresh();
                return Optional.of(cached);
            }
            Table loaded = lakehouse.catalog().loadTable(identifier);
            if (loadedTables.size() >= MAX_LOADED_TABLES) {
                loadedTables.clear();
            }
            loadedTables.put(identifier, loaded);
            return Optional.of(loaded);
        }
        catch (NoSuchTableException e) {
            loadedTables.remove(identifier);
            return Optional.empty();
        }
        catch (RuntimeException e) {
            // Its metadata cannot be read (a file corrupted or deleted behind the catalog's back). Iceberg has already
            // retried for about a minute and a half: remember the failure for a while so that statements fail at once,
            // each naming the table; other tables are not affected.
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String reason = cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause.getMessage() + ")";
            SluiceException error = new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Lakehouse table " + PREFIX + identifier + " cannot be read: " + reason, e);
            loadedTables.remove(identifier);
            unreadableTables.put(identifier, new Unreadable(error, System.nanoTime()));
            throw error;
        }
    }

    private record Unreadable(SluiceException error, long sinceNanos) {}

    /** A lakehouse table's statistics, from its Iceberg metadata; empty when the database is not the lakehouse's. */
    Optional<TableStatistics> statistics(String database, String table)
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
    public Optional<TableStatistics> scanEstimate(String database, String table, List<StatementShape.ColumnPredicate> predicates)
    {
        Optional<Namespace> namespace = namespace(database);
        if (namespace.isEmpty()) {
            return Optional.empty();
        }
        return table(namespace.get(), table).map(loaded -> {
            LakehouseStatistics.ScanEstimate estimate = LakehouseStatistics.summary(loaded);
            if (!predicates.isEmpty() && estimate.bytes() >= pruningThreshold && loaded.currentSnapshot() != null) {
                Expression filter = filter(loaded.schema(), predicates);
                if (filter != Expressions.alwaysTrue()) {
                    String key = loaded.name() + "@" + loaded.currentSnapshot().snapshotId() + ":" + filter;
                    LakehouseStatistics.ScanEstimate cached = prunedEstimates.get(key);
                    if (cached == null) {
                        try {
                            cached = LakehouseStatistics.estimate(loaded, filter);
                            if (prunedEstimates.size() >= MAX_PRUNED_ESTIMATES) {
                                prunedEstimates.clear();
                            }
                            prunedEstimates.put(key, cached);
                        }
                        catch (ValidationException e) {
                            // A condition that does not bind to the column's type: the full table it is.
                            cached = estimate;
                        }
                    }
                    estimate = cached;
                }
            }
            return new TableStatistics(OptionalDouble.of(estimate.rows()), OptionalDouble.of(estimate.bytes()), OptionalDouble.of(estimate.files()), List.of());
        });
    }

    /** The conditions Iceberg can prune with, as one conjunction; true when none applies. */
    static Expression filter(Schema schema, List<StatementShape.ColumnPredicate> predicates)
    {
        Expression filter = Expressions.alwaysTrue();
        for (StatementShape.ColumnPredicate predicate : predicates) {
            Types.NestedField field = schema.caseInsensitiveFindField(predicate.column());
            if (field == null || !field.type().isPrimitiveType()) {
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (Object value : predicate.values()) {
                Object converted = literal(field.type(), value);
                if (converted == null) {
                    values = null;
                    break;
                }
                values.add(converted);
            }
            if (values == null) {
                continue;
            }
            String name = field.name();
            Expression condition = switch (predicate.operator()) {
                case EQUAL -> Expressions.equal(name, values.get(0));
                case LESS_THAN -> Expressions.lessThan(name, values.get(0));
                case LESS_THAN_OR_EQUAL -> Expressions.lessThanOrEqual(name, values.get(0));
                case GREATER_THAN -> Expressions.greaterThan(name, values.get(0));
                case GREATER_THAN_OR_EQUAL -> Expressions.greaterThanOrEqual(name, values.get(0));
                case BETWEEN -> Expressions.and(Expressions.greaterThanOrEqual(name, values.get(0)), Expressions.lessThanOrEqual(name, values.get(1)));
                case IN -> Expressions.in(name, values);
            };
            filter = filter == Expressions.alwaysTrue() ? condition : Expressions.and(filter, condition);
        }
        return filter;
    }

    /** A constant as the column's type takes it, or null when it does not fit exactly. */
    private static Object literal(org.apache.iceberg.types.Type type, Object value)
    {
        try {
            return switch (type.typeId()) {
                case INTEGER -> value instanceof BigDecimal number ? number.intValueExact() : null;
                case LONG -> value instanceof BigDecimal number ? number.longValueExact() : null;
                case FLOAT -> value instanceof BigDecimal number ? number.floatValue() : null;
                case DOUBLE -> value instanceof BigDecimal number ? number.doubleValue() : null;
                case DECIMAL -> value instanceof BigDecimal number ? number.setScale(((Types.DecimalType) type).scale()) : null;
                case STRING -> value instanceof String text ? text : null;
                case BOOLEAN -> value instanceof Boolean bool ? bool : null;
                case DATE -> value instanceof String text ? text : null;
                case TIMESTAMP -> value instanceof String text ? text.replace(' ', 'T') : null;
                default -> null;
            };
        }
        catch (ArithmeticException e) {
            return null;
        }
    }

    @Override
    public EngineMetadata metadata(EngineMetadata engineMetadata)
    {
        return new LakehouseMetadata(engineMetadata, this);
    }

    /** The lakehouse's databases ({@code lakehouse.<namespace>}, nested namespaces too) that match the pattern. */
    List<String> databases(NamePattern pattern)
    {
        if (pattern.exactName().isPresent()) {
            Optional<Namespace> namespace = namespace(pattern.exactName().get());
            return namespace.isPresent() && lakehouse.catalog().namespaceExists(namespace.get()) ? List.of(database(namespace.get())) : List.of();
        }
        List<String> databases = new ArrayList<>();
        collect(Namespace.empty(), pattern, databases);
        return databases;
    }

    private void collect(Namespace parent, NamePattern pattern, List<String> databases)
    {
        for (Namespace namespace : lakehouse.catalog().listNamespaces(parent)) {
            if (pattern.matches(database(namespace))) {
                databases.add(database(namespace));
            }
            collect(namespace, pattern, databases);
        }
    }

    private static String database(Namespace namespace)
    {
        return PREFIX + String.join(".", namespace.levels());
    }

    List<TableInfo> tables(NamePattern databasePattern, NamePattern tablePattern)
    {
        List<TableInfo> tables = new ArrayList<>();
        for (String database : databases(databasePattern)) {
            Namespace namespace = namespace(database).orElseThrow();
            for (TableIdentifier table : lakehouse.catalog().listTables(namespace)) {
                if (tablePattern.matches(table.name())) {
                    tables.add(new TableInfo(database, table.name(), TableType.TABLE, false, Optional.empty()));
                }
            }
            for (TableIdentifier view : lakehouse.catalog().listViews(namespace)) {
                if (tablePattern.matches(view.name())) {
                    tables.add(new TableInfo(database, view.name(), TableType.VIEW, false, Optional.empty()));
                }
            }
        }
        return tables;
    }

    List<ColumnInfo> columns(NamePattern databasePattern, NamePattern tablePattern, NamePattern columnPattern)
    {
        List<ColumnInfo> columns = new ArrayList<>();
        for (TableInfo table : tables(databasePattern, tablePattern)) {
            Namespace namespace = namespace(table.database()).orElseThrow();
            Optional<Schema> schema;
            if (table.type() == TableType.VIEW) {
                try {
                    schema = Optional.of(lakehouse.catalog().loadView(TableIdentifier.of(namespace, table.name())).schema());
                }
                catch (NoSuchViewException e) {
                    schema = Optional.empty();
                }
            }
            else {
                try {
                    schema = table(namespace, table.name()).map(Table::schema);
                }
                catch (SluiceException e) {
                    // An unreadable table has no columns to list; the others of its database still do.
                    schema = Optional.empty();
                }
            }
            if (schema.isEmpty()) {
                // Dropped while listing.
                continue;
            }
            for (ColumnInfo column : columnsOf(table.database(), table.name(), schema.get())) {
                if (columnPattern.matches(column.name())) {
                    columns.add(column);
                }
            }
        }
        return columns;
    }

    /** A lakehouse table's partition columns (the source columns of its partition spec), location, owner and format. */
    TableDetails details(TableInfo table)
    {
        TableIdentifier identifier = TableIdentifier.of(namespace(table.database()).orElseThrow(), table.name());
        if (table.type() == TableType.VIEW) {
            View view = lakehouse.catalog().loadView(identifier);
            Optional<String> text = view.currentVersion().representations().stream()
                    .filter(SQLViewRepresentation.class::isInstance).map(SQLViewRepresentation.class::cast).findFirst().map(SQLViewRepresentation::sql);
            return new TableDetails(table, List.of(), text, Optional.of(view.location()), Optional.empty(), Optional.of("iceberg"));
        }
        Table loaded = table(identifier.namespace(), identifier.name()).orElseThrow(() ->
                new SluiceException(ErrorCode.TABLE_NOT_FOUND, "Table '" + table.name() + "' not found in database '" + table.database() + "'"));
        List<String> partitionColumns = loaded.spec().fields().stream().map(field -> loaded.schema().findColumnName(field.sourceId())).distinct().toList();
        return new TableDetails(table, partitionColumns, Optional.empty(), Optional.of(loaded.location()),
                Optional.ofNullable(loaded.properties().get("owner")), Optional.of("iceberg"));
    }

    void createDatabase(String database, boolean ifNotExists)
    {
        Namespace namespace = namespace(database).orElseThrow();
        try {
            lakehouse.catalog().createNamespace(namespace);
        }
        catch (AlreadyExistsException e) {
            if (!ifNotExists) {
                throw new SluiceException(ErrorCode.ALREADY_EXISTS, "Database '" + database + "' already exists", e);
            }
        }
    }

    void dropDatabase(String database, boolean ifExists, boolean cascade)
    {
        Namespace namespace = namespace(database).orElseThrow();
        if (!lakehouse.catalog().namespaceExists(namespace)) {
            if (ifExists) {
                return;
            }
            throw new SluiceException(ErrorCode.DATABASE_NOT_FOUND, "Database '" + database + "' does not exist");
        }
        if (cascade) {
            throw new SluiceException(ErrorCode.NOT_SUPPORTED, "DROP DATABASE ... CASCADE of lakehouse database '" + database + "': drop its tables first");
        }
        try {
            lakehouse.catalog().dropNamespace(namespace);
        }
        catch (NamespaceNotEmptyException e) {
            throw new SluiceException(ErrorCode.GENERIC_USER_ERROR, "Database '" + database + "' is not empty; drop its tables first", e);
        }
    }

    @Override
    public boolean contains(String database)
    {
        return namespace(database).isPresent();
    }

    @Override
    public CatalogView view(Engine engine, CatalogView engineView)
    {
        return view(Dialect.fromName(engine.dialect()), engine.name(), engine::schemaName, engineView);
    }

    /**
     * What a statement for an engine of dialect {@code target} sees (see {@link #view(Engine, CatalogView)});
     * {@code schemaNames} maps Sluice's database names to the engine's, as the engine's {@link Engine#schemaName} does.
     */
    private CatalogView view(Dialect target, String engineName, UnaryOperator<String> schemaNames, CatalogView engineView)
    {
        boolean scans = target == Dialect.DUCKDB;
        Map<String, Optional<Table>> tables = new HashMap<>();
        Map<String, Optional<View>> views = new HashMap<>();
        Deque<String> expanding = new ArrayDeque<>();
        return new CatalogView()
        {
            private Optional<Table> load(Namespace namespace, String table)
            {
                return tables.computeIfAbsent(namespace + "." + table.toLowerCase(Locale.ROOT), key -> table(namespace, table));
            }

            private Optional<View> loadView(Namespace namespace, String name)
            {
                return views.computeIfAbsent(namespace + "." + name.toLowerCase(Locale.ROOT), key -> {
                    try {
                        return Optional.of(lakehouse.catalog().loadView(TableIdentifier.of(namespace, name.toLowerCase(Locale.ROOT))));
                    }
                    catch (NoSuchViewException e) {
                        return Optional.empty();
                    }
                });
            }

            /**
             * The query that reads a lakehouse view on this engine: none when the engine reads the view itself (it has
             * SQL in the engine's dialect, and the engine is not DuckDB, which reads no Iceberg views); else the view's
             * SQL in a dialect Sluice reads (Spark's first), validated against the lakehouse in the view's default
             * namespace and written in the engine's dialect.
             */
            private Optional<String> viewQuery(String database, String name, View view)
            {
                List<SQLViewRepresentation> representations = view.currentVersion().representations().stream()
                        .filter(SQLViewRepresentation.class::isInstance).map(SQLViewRepresentation.class::cast).toList();
                if (target != Dialect.DUCKDB && representations.stream().anyMatch(sql -> sql.dialect().equalsIgnoreCase(target.settingValue()))) {
                    return Optional.empty();
                }
                SQLViewRepresentation chosen = representations.stream().filter(sql -> sql.dialect().equalsIgnoreCase(Dialect.SPARK.settingValue())).findFirst()
                        .or(() -> representations.stream().filter(sql -> readable(sql.dialect())).findFirst())
                        .orElseThrow(() -> new SluiceException(ErrorCode.NOT_SUPPORTED, format("Not supported on %s: the lakehouse view %s.%s has SQL for %s only, which Sluice does not read",
                                engineName, database, name, representations.stream().map(SQLViewRepresentation::dialect).distinct().toList())));
                String qualified = database + "." + name;
                if (expanding.contains(qualified) || expanding.size() >= MAX_VIEW_DEPTH) {
                    throw new SluiceException(ErrorCode.ANALYSIS_ERROR, "The lakehouse view " + qualified + " reads itself, or views nested more than " + MAX_VIEW_DEPTH + " deep");
                }
                Dialect dialect = Dialect.fromName(chosen.dialect());
                Namespace home = view.currentVersion().defaultNamespace();
                String currentDatabase = home == null || home.isEmpty() ? database : PREFIX + String.join(".", home.levels());
                expanding.push(qualified);
                try {
                    Validation validation = Transpiler.validate(Transpiler.parse(chosen.sql(), dialect), dialect, this, currentDatabase);
                    String query = Transpiler.unparse(validation, dialect, target, schemaNames);
                    List<String> queryColumns = validation.rowType().map(type -> type.getFieldNames()).orElse(List.of());
                    return Optional.of(renamed(query, queryColumns, view.schema().columns().stream().map(Types.NestedField::name).toList(), target));
                }
                catch (SluiceException e) {
                    throw new SluiceException(e.errorCode(), "The lakehouse view " + qualified + " cannot be read on " + engineName + ": " + e.getMessage(), e);
                }
                finally {
                    expanding.pop();
                }
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
                Optional<Table> loaded = load(namespace.get(), table);
                if (loaded.isPresent()) {
                    return Optional.of(columnsOf(database, loaded.get().name().substring(loaded.get().name().lastIndexOf('.') + 1), loaded.get().schema()));
                }
                return loadView(namespace.get(), table).map(view -> columnsOf(database, table.toLowerCase(Locale.ROOT), view.schema()));
            }

            @Override
            public Optional<String> scan(String database, String table)
            {
                Optional<Namespace> namespace = namespace(database);
                if (namespace.isEmpty()) {
                    return engineView.scan(database, table);
                }
                Optional<Table> loaded = load(namespace.get(), table);
                if (loaded.isPresent()) {
                    return scans ? Optional.of(duckDbScans.scan(database + "." + table, loaded.get())) : Optional.empty();
                }
                Optional<View> view = loadView(namespace.get(), table);
                return view.isEmpty() ? Optional.empty() : viewQuery(database, table.toLowerCase(Locale.ROOT), view.get());
            }

            @Override
            public Optional<String> scan(String database, String table, TimeTravel asOf)
            {
                Optional<Namespace> namespace = namespace(database);
                if (namespace.isEmpty()) {
                    return engineView.scan(database, table, asOf);
                }
                if (!scans) {
                    return Optional.empty();
                }
                String name = database + "." + table;
                return load(namespace.get(), table).map(loaded -> duckDbScans.scan(name, loaded, snapshotAsOf(name, loaded, asOf)));
            }
        };
    }

    /**
     * A query whose result columns carry the names {@code to} (a view's columns, declared as {@code CREATE VIEW v (a,
     * b) AS ...} or named by Sluice), by position: the query itself when its columns {@code from} already do.
     */
    public static String renamed(String query, List<String> from, List<String> to, Dialect dialect)
    {
        if (from.equals(to)) {
            return query;
        }
        List<String> columns = to.stream().map(name -> quoted(name, dialect)).toList();
        return "SELECT * FROM (" + query + ") AS " + quoted("__sluice_view", dialect) + "(" + String.join(", ", columns) + ")";
    }

    private static String quoted(String name, Dialect dialect)
    {
        return switch (dialect) {
            case SPARK, HIVE, FLINK -> "`" + name.replace("`", "``") + "`";
            case TRINO, DUCKDB -> "\"" + name.replace("\"", "\"\"") + "\"";
        };
    }

    /** Whether Sluice reads SQL written in this dialect (as Iceberg views name dialects: spark, trino, ...). */
    private static boolean readable(String dialect)
    {
        try {
            Dialect.fromName(dialect);
            return true;
        }
        catch (RuntimeException e) {
            return false;
        }
    }

    /** The snapshot a time travel names: by id, by branch or tag name, or the one current at a point in time (UTC). */
    static Snapshot snapshotAsOf(String name, Table table, TimeTravel asOf)
    {
        String value = asOf.value().trim();
        if (asOf.kind() == TimeTravel.Kind.VERSION) {
            Snapshot snapshot = null;
            if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                try {
                    snapshot = table.snapshot(Long.parseLong(value));
                }
                catch (NumberFormatException e) {
                    snapshot = null;
                }
            }
            if (snapshot == null && table.refs().containsKey(value)) {
                snapshot = table.snapshot(table.refs().get(value).snapshotId());
            }
            if (snapshot == null) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Lakehouse table " + name + " has no snapshot, branch or tag '" + value + "' (VERSION AS OF)");
            }
            return snapshot;
        }
        long millis;
        try {
            millis = asOf.epochMillisUtc();
        }
        catch (java.time.format.DateTimeParseException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "TIMESTAMP AS OF '" + value + "' of lakehouse table " + name
                    + " is not a timestamp (yyyy-MM-dd[ HH:mm:ss[.ffffff]], UTC)", e);
        }
        try {
            return table.snapshot(SnapshotUtil.snapshotIdAsOfTime(table, millis));
        }
        catch (IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Lakehouse table " + name + " has no snapshot at or before " + value + " UTC (TIMESTAMP AS OF)", e);
        }
    }

    private static List<ColumnInfo> columnsOf(String database, String table, Schema schema)
    {
        List<ColumnInfo> columns = new ArrayList<>();
        int ordinal = 0;
        for (Types.NestedField field : schema.columns()) {
            columns.add(new ColumnInfo(database, table, field.name(), IcebergTypes.toSluiceType(field.type()),
                    ++ordinal, field.isOptional(), Optional.empty(), Optional.ofNullable(field.doc())));
        }
        return columns;
    }
}
