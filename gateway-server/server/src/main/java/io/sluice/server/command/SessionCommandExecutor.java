package io.sluice.server.command;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.functions.FunctionCatalog;
import io.sluice.router.EngineRouter;
import io.sluice.server.metadata.MetadataResults;
import io.sluice.server.operation.LocalResult;
import io.sluice.server.session.Session;
import io.sluice.spi.Column;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineHealth;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.metadata.NamePattern;
import io.sluice.spi.metadata.TableInfo;
import io.sluice.spi.metadata.TableStatistics;
import io.sluice.spi.metadata.TableType;
import io.sluice.spi.type.SluiceType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs {@link SessionCommand}s against a session and the metadata of the engine that would run its statements,
 * answering with the result shapes Spark SQL uses.
 */
public final class SessionCommandExecutor
{
    /** The values {@code sluice.dialect} accepts. */
    public static final List<String> DIALECTS = Arrays.stream(Dialect.values()).map(Dialect::settingValue).toList();

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

    /** One row per column (name, data size, distinct values, nulls fraction, low, high), then the row count. */
    private static LocalResult showStats(Session session, EngineMetadata metadata, SessionCommand.ShowStats show)
    {
        String database = show.database().orElse(session.currentDatabase());
        TableStatistics statistics = metadata.tableStatistics(database, show.table()).orElseThrow(() -> new SluiceException(ErrorCode.TABLE_NOT_FOUND,
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

    /** Runs the command; returns its rows, or empty for commands without a result set. */
    public static Optional<LocalResult> execute(SessionCommand command, Session session, Supplier<EngineMetadata> engineMetadata)
    {
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
            return Optional.of(showFunctions(show));
        }
        if (command instanceof SessionCommand.DescribeFunction describe) {
            return Optional.of(describeFunction(describe));
        }
        EngineMetadata metadata = engineMetadata.get();
        if (command instanceof SessionCommand.Use use) {
            session.useDatabase(canonicalDatabase(metadata, use.database()));
            return Optional.empty();
        }
        if (command instanceof SessionCommand.ShowDatabases show) {
            return Optional.of(showDatabases(metadata, show));
        }
        if (command instanceof SessionCommand.ShowTables show) {
            return Optional.of(showTables(session, metadata, show));
        }
        if (command instanceof SessionCommand.Describe describe) {
            return Optional.of(describe(session, metadata, describe));
        }
        if (command instanceof SessionCommand.ShowViews show) {
            return Optional.of(showViews(session, metadata, show));
        }
        if (command instanceof SessionCommand.ShowStats show) {
            return Optional.of(showStats(session, metadata, show));
        }
        if (command instanceof SessionCommand.ShowColumns show) {
            List<Object[]> rows = new ArrayList<>();
            for (ColumnInfo column : tableColumns(session, metadata, new SessionCommand.Describe(show.database(), show.table()))) {
                rows.add(new Object[] {column.name()});
            }
            return Optional.of(new LocalResult(MetadataResults.columns("col_name", SluiceType.STRING), rows));
        }
        if (command instanceof SessionCommand.DescribeDatabase describe) {
            String database = canonicalDatabase(metadata, describe.database());
            List<Object[]> rows = List.of(new Object[] {"Namespace Name", database}, new Object[] {"Comment", ""});
            return Optional.of(new LocalResult(MetadataResults.columns("info_name", SluiceType.STRING, "info_value", SluiceType.STRING), rows));
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
        String normalized = switch (key) {
            case Session.ENGINE_SETTING -> EngineRouter.validateEngineSetting(value);
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
        session.settings().put(key, normalized);
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

    private static LocalResult showDatabases(EngineMetadata metadata, SessionCommand.ShowDatabases show)
    {
        Optional<Pattern> pattern = show.pattern().map(SessionCommandExecutor::sparkLikePattern);
        List<Object[]> rows = new ArrayList<>();
        for (String database : metadata.listDatabases(NamePattern.any())) {
            if (pattern.map(regex -> regex.matcher(database).matches()).orElse(true)) {
                rows.add(new Object[] {database});
            }
        }
        return new LocalResult(MetadataResults.columns("namespace", SluiceType.STRING), rows);
    }

    private static LocalResult showTables(Session session, EngineMetadata metadata, SessionCommand.ShowTables show)
    {
        String database = show.database().map(name -> canonicalDatabase(metadata, name)).orElse(session.currentDatabase());
        Optional<Pattern> pattern = show.pattern().map(SessionCommandExecutor::sparkLikePattern);
        List<Object[]> rows = new ArrayList<>();
        for (TableInfo table : metadata.listTables(NamePattern.exact(database), NamePattern.any())) {
            if (pattern.map(regex -> regex.matcher(table.name()).matches()).orElse(true)) {
                rows.add(new Object[] {table.database(), table.name(), table.temporary()});
            }
        }
        return new LocalResult(MetadataResults.columns("namespace", SluiceType.STRING, "tableName", SluiceType.STRING, "isTemporary", SluiceType.BOOLEAN), rows);
    }

    private static LocalResult showViews(Session session, EngineMetadata metadata, SessionCommand.ShowViews show)
    {
        String database = show.database().map(name -> canonicalDatabase(metadata, name)).orElse(session.currentDatabase());
        Optional<Pattern> pattern = show.pattern().map(SessionCommandExecutor::sparkLikePattern);
        List<Object[]> rows = new ArrayList<>();
        for (TableInfo table : metadata.listTables(NamePattern.exact(database), NamePattern.any())) {
            if (table.type() == TableType.VIEW && pattern.map(regex -> regex.matcher(table.name()).matches()).orElse(true)) {
                rows.add(new Object[] {table.database(), table.name(), table.temporary()});
            }
        }
        return new LocalResult(MetadataResults.columns("namespace", SluiceType.STRING, "viewName", SluiceType.STRING, "isTemporary", SluiceType.BOOLEAN), rows);
    }

    /** The functions Sluice reads (with Spark's meaning); each engine may support fewer, see DESCRIBE FUNCTION. */
    private static LocalResult showFunctions(SessionCommand.ShowFunctions show)
    {
        Optional<Pattern> pattern = show.pattern().map(SessionCommandExecutor::sparkLikePattern);
        List<Object[]> rows = new ArrayList<>();
        for (String name : new TreeSet<>(FunctionCatalog.spark().definitions().keySet())) {
            if (pattern.map(regex -> regex.matcher(name).matches()).orElse(true)) {
                rows.add(new Object[] {name});
            }
        }
        return new LocalResult(MetadataResults.columns("function", SluiceType.STRING), rows);
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

    private static LocalResult describe(Session session, EngineMetadata metadata, SessionCommand.Describe describe)
    {
        List<Object[]> rows = new ArrayList<>();
        for (ColumnInfo column : tableColumns(session, metadata, describe)) {
            rows.add(new Object[] {column.name(), column.type().displayName(), column.comment().orElse(null)});
        }
        return new LocalResult(MetadataResults.columns("col_name", SluiceType.STRING, "data_type", SluiceType.STRING, "comment", SluiceType.STRING), rows);
    }

    private static List<ColumnInfo> tableColumns(Session session, EngineMetadata metadata, SessionCommand.Describe describe)
    {
        List<ColumnInfo> columns;
        if (describe.database().isPresent()) {
            columns = metadata.listColumns(NamePattern.exact(canonicalDatabase(metadata, describe.database().get())), NamePattern.exact(describe.table()), NamePattern.any());
        }
        else {
            // A temporary view hides a table of the same name, as in Spark.
            List<ColumnInfo> all = metadata.listColumns(NamePattern.exact(session.currentDatabase()), NamePattern.exact(describe.table()), NamePattern.any());
            List<ColumnInfo> temporary = all.stream().filter(column -> column.database().isEmpty()).toList();
            columns = temporary.isEmpty() ? all : temporary;
        }
        if (columns.isEmpty()) {
            String database = describe.database().orElse(session.currentDatabase());
            throw new SluiceException(ErrorCode.TABLE_NOT_FOUND, "Table or view '" + describe.table() + "' not found in database '" + database + "'");
        }
        return columns;
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
    static Pattern sparkLikePattern(String pattern)
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
