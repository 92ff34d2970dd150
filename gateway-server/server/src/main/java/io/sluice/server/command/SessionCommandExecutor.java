package io.sluice.server.command;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.functions.FunctionCatalog;
import io.sluice.metastore.QueryHistory;
import io.sluice.router.EngineRouter;
import io.sluice.server.metadata.MetadataResults;
import io.sluice.server.operation.LocalResult;
import io.sluice.server.session.ResultFormat;
import io.sluice.server.session.Session;
import io.sluice.spi.Column;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineHealth;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.metadata.NamePattern;
import io.sluice.spi.metadata.TableDetails;
import io.sluice.spi.metadata.TableInfo;
import io.sluice.spi.metadata.TableStatistics;
import io.sluice.spi.metadata.TableType;
import io.sluice.spi.type.SluiceType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;

import static java.util.stream.Collectors.joining;

/**
 * Runs {@link SessionCommand}s against a session and the engine that would run its statements, answering with the
 * result shapes of the session's dialect ({@link ResultShapes}).
 */
public final class SessionCommandExecutor
{
    /** The values {@code sluice.dialect} accepts. */
    public static final List<String> DIALECTS = Arrays.stream(Dialect.values()).map(Dialect::settingValue).toList();

    /** The name Hive and Spark give the partition of NULL values. */
    private static final String DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";
    /** The characters Hive escapes in partition directory names, besides control characters. */
    private static final String PATH_SPECIAL = "\"#%'*/:=?\\{[]^";

    private SessionCommandExecutor() {}

    /**
     * {@code SHOW ENGINES}: each engine this server runs with its state as probed now, version, endpoint, dialect,
     * load and whether it is the default.
     */
    public static LocalResult showEngines(EngineRouter router)
    {
        List<Object[]> rows = new ArrayList<>();
        for (Engine engine : router.engines()) {
            EngineHealth health = engine.health();
            rows.add(new Object[] {engine.name(), health.state().name(), engine.version(), engine.endpoint(), engine.dialect(),
                    health.runningQueries(), health.queuedQueries(), engine.name().equals(router.defaultEngine()), health.message()});
        }
        return new LocalResult(List.of(
                new Column("engine", SluiceType.STRING, Optional.empty()),
                new Column("state", SluiceType.STRING, Optional.empty()),
                new Column("version", SluiceType.STRING, Optional.empty()),
                new Column("endpoint", SluiceType.STRING, Optional.empty()),
                new Column("dialect", SluiceType.STRING, Optional.empty()),
                new Column("running_queries", SluiceType.INTEGER, Optional.empty()),
                new Column("queued_queries", SluiceType.INTEGER, Optional.empty()),
                new Column("is_default", SluiceType.BOOLEAN, Optional.empty()),
                new Column("message", SluiceType.STRING, Optional.empty())), rows);
    }

    /**
     * One row per column (name, data size, distinct values, nulls fraction, low, high), then the row count. A lakehouse
     * table's statistics come from its Iceberg metadata, whichever engine the session uses; others from the engine.
     */
    private static LocalResult showStats(Session session, EngineMetadata metadata, SessionCommand.ShowStats show)
    {
        String database = show.database().orElse(session.currentDatabase());
        TableStatistics statistics = metadata.tableStatistics(database, show.table())
                .orElseThrow(() -> new SluiceException(ErrorCode.TABLE_NOT_FOUND,
                        "Table '" + show.table() + "' not found in database '" + database + "', or its engine keeps no statistics"));
        List<Object[]> rows = new ArrayList<>();
        for (TableStatistics.ColumnStatistics column : statistics.columns()) {
            rows.add(new Object[] {column.name(), boxed(column.dataSize()), boxed(column.distinctValues()), boxed(column.nullsFraction()), null,
                    column.low().orElse(null), column.high().orElse(null)});
        }
        rows.add(new Object[] {null, null, null, null, boxed(statistics.rowCount()), null, null});
        return new LocalResult(List.of(
                new Column("column_name", SluiceType.STRING, Optional.empty()),
                new Column("data_size", SluiceType.DOUBLE, Optional.empty()),
                new Column("distinct_values_count", SluiceType.DOUBLE, Optional.empty()),
                new Column("nulls_fraction", SluiceType.DOUBLE, Optional.empty()),
                new Column("row_count", SluiceType.DOUBLE, Optional.empty()),
                new Column("low_value", SluiceType.STRING, Optional.empty()),
                new Column("high_value", SluiceType.STRING, Optional.empty())), rows);
    }

    private static Double boxed(OptionalDouble value)
    {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    /** Whether the command answers with a result set (decided before it runs, as HiveServer2 decides at ExecuteStatement). */
    public static boolean returnsRows(SessionCommand command)
    {
        return !(command instanceof SessionCommand.Use || command instanceof SessionCommand.Reset
                || command instanceof SessionCommand.CreateDatabase || command instanceof SessionCommand.DropDatabase);
    }

    /**
     * Runs the command; returns its rows, or empty for commands without a result set. Answers in the shapes of the
     * session's dialect: HiveServer2's for {@code hive}, Spark's otherwise.
     */
    public static Optional<LocalResult> execute(SessionCommand command, Session session, CommandEngine engine)
    {
        ResultShapes shapes = ResultShapes.of(session.dialect());
        if (command instanceof SessionCommand.Set set) {
            // Needs no engine: SET must work even when the pinned engine is down, to pin another.
            return Optional.of(set(session, set));
        }
        if (command instanceof SessionCommand.Reset reset) {
            if (reset.key().isPresent()) {
                session.settings().remove(reset.key().get());
            }
            else {
                session.settings().clear();
            }
            return Optional.empty();
        }
        if (command instanceof SessionCommand.ShowFunctions show) {
            return Optional.of(shapes.functions(functionNames(show)));
        }
        if (command instanceof SessionCommand.DescribeFunction describe) {
            return Optional.of(describeFunction(describe));
        }
        EngineMetadata metadata = engine.metadata();
        if (command instanceof SessionCommand.Use use) {
            session.useDatabase(canonicalDatabase(metadata, use.database()));
            return Optional.empty();
        }
        if (command instanceof SessionCommand.ShowDatabases show) {
            return Optional.of(shapes.databases(databases(metadata, show)));
        }
        if (command instanceof SessionCommand.ShowTables show) {
            return Optional.of(shapes.tables(tables(session, metadata, show.database(), show.pattern(), false)));
        }
        if (command instanceof SessionCommand.ShowViews show) {
            return Optional.of(shapes.views(tables(session, metadata, show.database(), show.pattern(), true)));
        }
        if (command instanceof SessionCommand.Describe describe) {
            DescribedTable table = describedTable(session, metadata, shapes, describe.database(), describe.table());
            return Optional.of(shapes.describe(table.details(), table.columns(), describe.detail()));
        }
        if (command instanceof SessionCommand.ShowStats show) {
            return Optional.of(showStats(session, metadata, show));
        }
        if (command instanceof SessionCommand.ShowColumns show) {
            return Optional.of(shapes.columnNames(describedTable(session, metadata, shapes, show.database(), show.table()).columns()));
        }
        if (command instanceof SessionCommand.ShowPartitions show) {
            return Optional.of(showPartitions(session, engine, shapes, show));
        }
        if (command instanceof SessionCommand.ShowCreate show) {
            DescribedTable table = describedTable(session, metadata, shapes, show.database(), show.table());
            TableInfo info = table.details().table();
            if (show.view() && info.type() != TableType.VIEW) {
                throw new SluiceException(ErrorCode.GENERIC_USER_ERROR, "'" + info.name() + "' is a table, not a view; use SHOW CREATE TABLE");
            }
            if (info.type() == TableType.VIEW && table.details().viewText().isEmpty()) {
                throw new SluiceException(ErrorCode.NOT_SUPPORTED, "The engine does not tell the text of view '" + info.name() + "'");
            }
            return Optional.of(shapes.createStatement(table.details(), table.columns()));
        }
        if (command instanceof SessionCommand.DescribeDatabase describe) {
            return Optional.of(shapes.describeDatabase(canonicalDatabase(metadata, describe.database())));
        }
        if (command instanceof SessionCommand.CreateDatabase create) {
            metadata.createDatabase(create.database(), create.ifNotExists());
            return Optional.empty();
        }
        SessionCommand.DropDatabase drop = (SessionCommand.DropDatabase) command;
        if (drop.database().equalsIgnoreCase(session.currentDatabase())) {
            throw new SluiceException(ErrorCode.GENERIC_USER_ERROR, "Cannot drop the current database '" + drop.database() + "'; USE another one first");
        }
        metadata.dropDatabase(drop.database(), drop.ifExists(), drop.cascade());
        return Optional.empty();
    }

    /** Validates and stores a session setting; Sluice's own settings are checked, others are kept for the engines. */
    public static void applySetting(Session session, String key, String value)
    {
        session.settings().put(key, normalizedSetting(key, value, session::checkedEngineSetting));
    }

    /**
     * A setting's value as stored: Sluice's own settings are checked and normalized, others are kept as they are.
     *
     * @param engineSetting checks a value of {@code sluice.engine} against the server's engines
     */
    public static String normalizedSetting(String key, String value, UnaryOperator<String> engineSetting)
    {
        return switch (key) {
            case Session.ENGINE_SETTING -> engineSetting.apply(value);
            case ResultFormat.SETTING -> ResultFormat.parse(value).name().toLowerCase(Locale.ROOT);
            case Session.DIALECT_SETTING -> {
                String dialect = value.trim().toLowerCase(Locale.ROOT);
                if (!DIALECTS.contains(dialect)) {
                    throw new SluiceException(ErrorCode.INVALID_SESSION_PROPERTY,
                            "Invalid value '" + value + "' for sluice.dialect: expected one of " + String.join(", ", DIALECTS));
                }
                yield dialect;
            }
            default -> value;
        };
    }

    private static LocalResult set(Session session, SessionCommand.Set set)
    {
        List<Object[]> rows = new ArrayList<>();
        if (set.key().isPresent() && set.value().isPresent()) {
            applySetting(session, set.key().get(), set.value().get());
            rows.add(new Object[] {set.key().get(), session.settings().get(set.key().get())});
        }
        else if (set.key().isPresent()) {
            rows.add(new Object[] {set.key().get(), session.setting(set.key().get()).orElse("<undefined>")});
        }
        else {
            Map<String, String> settings = new TreeMap<>(session.settings());
            settings.putIfAbsent(Session.ENGINE_SETTING, EngineRouter.AUTO);
            settings.putIfAbsent(Session.DIALECT_SETTING, "spark");
            settings.forEach((key, value) -> rows.add(new Object[] {key, value}));
        }
        return new LocalResult(MetadataResults.columns("key", SluiceType.STRING, "value", SluiceType.STRING), rows);
    }

    /** The databases, or with IN catalog the databases of that catalog by their names in it ({@code sales} for {@code lakehouse.sales}). */
    private static List<String> databases(EngineMetadata metadata, SessionCommand.ShowDatabases show)
    {
        Optional<Pattern> pattern = show.pattern().map(SessionCommandExecutor::sparkLikePattern);
        List<String> databases = metadata.listDatabases(NamePattern.any());
        if (show.catalog().isPresent()) {
            String prefix = show.catalog().get() + ".";
            databases = databases.stream()
                    .filter(database -> database.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(database -> database.substring(prefix.length()))
                    .toList();
        }
        return databases.stream()
                .filter(database -> pattern.map(regex -> regex.matcher(database).matches()).orElse(true))
                .toList();
    }

    /** The number of statements SHOW QUERIES lists, newest first. */
    public static final int SHOW_QUERIES_LIMIT = 1000;

    /** {@code SHOW QUERIES}: the newest statements of the query history. */
    public static LocalResult showQueries(List<QueryHistory.QueryRecord> records)
    {
        List<Object[]> rows = new ArrayList<>();
        for (QueryHistory.QueryRecord record : records) {
            rows.add(new Object[] {record.queryId(), record.user(), record.state(), record.engine().orElse(null),
                    record.estimatedSeconds().isPresent() ? record.estimatedSeconds().getAsDouble() : null,
                    record.actualSeconds().isPresent() ? record.actualSeconds().getAsDouble() : null,
                    record.startedAt().toString(), record.route().orElse(null), record.failedOverFrom().orElse(null), record.error().orElse(null), record.statement()});
        }
        return new LocalResult(MetadataResults.columns("query_id", SluiceType.STRING, "user", SluiceType.STRING, "state", SluiceType.STRING,
                "engine", SluiceType.STRING, "estimated_seconds", SluiceType.DOUBLE, "actual_seconds", SluiceType.DOUBLE, "started", SluiceType.STRING,
                "route", SluiceType.STRING, "failed_over_from", SluiceType.STRING, "error", SluiceType.STRING, "statement", SluiceType.STRING), rows);
    }

    /** {@code SHOW CATALOGS}: each catalog, whether it is the lakehouse or an engine's own, and the engines that reach it. */
    public static LocalResult showCatalogs(Map<String, Set<String>> reach, SessionCommand.ShowCatalogs show)
    {
        Optional<Pattern> pattern = show.pattern().map(SessionCommandExecutor::sparkLikePattern);
        List<Object[]> rows = new ArrayList<>();
        reach.forEach((catalog, engines) -> {
            if (pattern.map(regex -> regex.matcher(catalog).matches()).orElse(true)) {
                rows.add(new Object[] {catalog, catalog.equals("lakehouse") ? "lakehouse" : "engine", String.join(",", engines)});
            }
        });
        return new LocalResult(MetadataResults.columns("catalog", SluiceType.STRING, "type", SluiceType.STRING, "engines", SluiceType.STRING), rows);
    }

    /** The tables (or only the views) of a database, temporary views included, as SHOW TABLES and SHOW VIEWS list them. */
    private static List<TableInfo> tables(Session session, EngineMetadata metadata, Optional<String> databaseName, Optional<String> likePattern, boolean viewsOnly)
    {
        String database = databaseName.map(name -> canonicalDatabase(metadata, name)).orElse(session.currentDatabase());
        Optional<Pattern> pattern = likePattern.map(SessionCommandExecutor::sparkLikePattern);
        return metadata.listTables(NamePattern.exact(database), NamePattern.any()).stream()
                .filter(table -> !viewsOnly || table.type() == TableType.VIEW)
                .filter(table -> pattern.map(regex -> regex.matcher(table.name()).matches()).orElse(true))
                .toList();
    }

    /** The functions Sluice reads (with Spark's meaning); each engine may support fewer, see DESCRIBE FUNCTION. */
    private static List<String> functionNames(SessionCommand.ShowFunctions show)
    {
        Optional<Pattern> pattern = show.pattern().map(SessionCommandExecutor::sparkLikePattern);
        return new TreeSet<>(FunctionCatalog.spark().definitions().keySet()).stream()
                .filter(name -> pattern.map(regex -> regex.matcher(name).matches()).orElse(true))
                .toList();
    }

    private static LocalResult describeFunction(SessionCommand.DescribeFunction describe)
    {
        FunctionCatalog.Definition definition = FunctionCatalog.spark().lookup(describe.function()).orElseThrow(() ->
                new SluiceException(ErrorCode.NOT_SUPPORTED, "Function " + describe.function() + " is not supported by Sluice"));
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"Function: " + definition.name() + (definition.aggregate() ? " (aggregate)" : "")});
        for (Dialect engine : List.of(Dialect.DUCKDB, Dialect.TRINO, Dialect.SPARK, Dialect.FLINK)) {
            boolean supported = definition.aggregate() ? definition.aggregateRewrite(engine).isPresent() : definition.rewrite(engine).isPresent();
            String how = !supported ? "not supported" : definition.note(engine).orElse("supported");
            rows.add(new Object[] {engine.settingValue() + ": " + how});
        }
        return new LocalResult(MetadataResults.columns("function_desc", SluiceType.STRING), rows);
    }

    /** A table or view with its columns and details, as DESCRIBE, SHOW COLUMNS, SHOW CREATE and SHOW PARTITIONS read it. */
    private record DescribedTable(TableDetails details, List<ColumnInfo> columns) {}

    /**
     * Finds {@code [database.]table}; unqualified, a temporary view hides a table of the same name, as in Spark. Fails
     * with the dialect's "table not found", naming the table as the client wrote it.
     */
    private static DescribedTable describedTable(Session session, EngineMetadata metadata, ResultShapes shapes, Optional<String> writtenDatabase, String table)
    {
        String database;
        try {
            database = writtenDatabase.isPresent() ? canonicalDatabase(metadata, writtenDatabase.get()) : session.currentDatabase();
        }
        catch (SluiceException e) {
            if (e.errorCode() != ErrorCode.DATABASE_NOT_FOUND) {
                throw e;
            }
            throw shapes.tableNotFound(writtenDatabase, table, writtenDatabase.get());
        }
        List<TableInfo> found = metadata.listTables(NamePattern.exact(database), NamePattern.exact(table));
        Optional<TableInfo> info = writtenDatabase.isPresent()
                ? found.stream().filter(candidate -> !candidate.temporary()).findFirst()
                : found.stream().filter(TableInfo::temporary).findFirst().or(() -> found.stream().findFirst());
        if (info.isEmpty()) {
            throw shapes.tableNotFound(writtenDatabase, table, database);
        }
        String columnsDatabase = info.get().temporary() ? session.currentDatabase() : info.get().database();
        List<ColumnInfo> columns = metadata.listColumns(NamePattern.exact(columnsDatabase), NamePattern.exact(info.get().name()), NamePattern.any()).stream()
                .filter(column -> info.get().temporary() == column.database().isEmpty())
                .toList();
        if (columns.isEmpty()) {
            throw shapes.tableNotFound(writtenDatabase, table, database);
        }
        return new DescribedTable(metadata.tableDetails(info.get()), columns);
    }

    /**
     * SHOW PARTITIONS: the table's distinct partition values, read from the engine with a query, each partition written
     * as Hive and Spark write it ({@code ds=2024-01-01/hr=3}, values escaped as in partition directory names).
     */
    private static LocalResult showPartitions(Session session, CommandEngine engine, ResultShapes shapes, SessionCommand.ShowPartitions show)
    {
        DescribedTable table = describedTable(session, engine.metadata(), shapes, show.database(), show.table());
        List<String> partitionColumns = DescribedTables.partitionColumns(table.details(), table.columns()).stream().map(ColumnInfo::name).toList();
        TableInfo info = table.details().table();
        if (partitionColumns.isEmpty()) {
            throw new SluiceException(ErrorCode.ANALYSIS_ERROR, "SHOW PARTITIONS is not allowed on a table that is not partitioned: " + DescribedTables.quotedName(info));
        }
        List<String> conditions = new ArrayList<>();
        for (Map.Entry<String, String> entry : show.partition().entrySet()) {
            String column = partitionColumns.stream().filter(name -> name.equalsIgnoreCase(entry.getKey())).findFirst().orElseThrow(() ->
                    new SluiceException(ErrorCode.COLUMN_NOT_FOUND, "'" + entry.getKey() + "' is not a partition column of " + DescribedTables.quotedName(info)
                            + "; its partition columns are " + String.join(", ", partitionColumns)));
            conditions.add("CAST(" + DescribedTables.quote(column) + " AS STRING) = " + DescribedTables.stringLiteral(entry.getValue()));
        }
        String columns = partitionColumns.stream().map(DescribedTables::quote).collect(joining(", "));
        String query = "SELECT DISTINCT " + columns + " FROM " + DescribedTables.quotedName(info)
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + " ORDER BY " + columns;
        List<Object[]> rows = new ArrayList<>();
        for (Object[] values : engine.query(query)) {
            StringBuilder partition = new StringBuilder();
            for (int i = 0; i < partitionColumns.size(); i++) {
                if (i > 0) {
                    partition.append('/');
                }
                partition.append(escapePathName(partitionColumns.get(i))).append('=')
                        .append(values[i] == null ? DEFAULT_PARTITION_NAME : escapePathName(String.valueOf(values[i])));
            }
            rows.add(new Object[] {partition.toString()});
        }
        // In the order of the partition names, as Hive's metastore lists them (Superset takes the greatest as the latest).
        rows.sort(Comparator.comparing(row -> (String) row[0]));
        return new LocalResult(MetadataResults.columns("partition", SluiceType.STRING), rows);
    }


    /** Hive's escaping of partition names and values in directory names: control characters and the characters of {@code PATH_SPECIAL} as %XX. */
    static String escapePathName(String text)
    {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7F || PATH_SPECIAL.indexOf(c) >= 0) {
                escaped.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            }
            else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String canonicalDatabase(EngineMetadata metadata, String database)
    {
        List<String> found = metadata.listDatabases(NamePattern.exact(database));
        if (found.isEmpty()) {
            throw new SluiceException(ErrorCode.DATABASE_NOT_FOUND, "Database '" + database + "' does not exist");
        }
        return found.get(0);
    }

    /** Spark's SHOW ... LIKE patterns: {@code *} matches any run, {@code |} separates alternatives, case-insensitive. */
    public static Pattern sparkLikePattern(String pattern)
    {
        StringBuilder regex = new StringBuilder();
        for (String alternative : pattern.split("\\|")) {
            if (!regex.isEmpty()) {
                regex.append('|');
            }
            StringBuilder literal = new StringBuilder();
            for (char c : alternative.trim().toCharArray()) {
                if (c == '*') {
                    regex.append(Pattern.quote(literal.toString())).append(".*");
                    literal.setLength(0);
                }
                else {
                    literal.append(c);
                }
            }
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
