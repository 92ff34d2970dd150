package io.sluice.server.operation;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import io.sluice.dialects.analyze.SessionFunctions;
import io.sluice.dialects.analyze.StatementFingerprint;
import io.sluice.dialects.analyze.StatementShape;
import io.sluice.dialects.ast.SqlAccessControl;
import io.sluice.dialects.ast.SqlDescribeObject;
import io.sluice.dialects.ast.SqlExplainQuery;
import io.sluice.dialects.ast.SqlExplainRoute;
import io.sluice.dialects.ast.SqlTranspile;
import io.sluice.dialects.target.TypeSpecs;
import io.sluice.dialects.validate.CatalogView;
import io.sluice.dialects.validate.Validation;
import io.sluice.metastore.QueryHistory;
import io.sluice.router.EngineChoice;
import io.sluice.router.EngineRouter;
import io.sluice.router.cost.Candidate;
import io.sluice.router.cost.CostEstimate;
import io.sluice.router.cost.EngineProfile;
import io.sluice.server.access.AccessCommands;
import io.sluice.server.access.AccessControl;
import io.sluice.server.access.StatementAccess;
import io.sluice.server.access.VisibleMetadata;
import io.sluice.server.audit.AuditLog;
import io.sluice.server.catalog.CatalogCache;
import io.sluice.server.catalog.EngineCatalogView;
import io.sluice.server.catalog.FileTables;
import io.sluice.server.catalog.SluiceCatalogs;
import io.sluice.server.catalog.Transpilations;
import io.sluice.server.command.CommandEngine;
import io.sluice.server.command.SessionCommand;
import io.sluice.server.command.SessionCommandExecutor;
import io.sluice.server.command.SessionCommands;
import io.sluice.server.jobs.ManagementCommands;
import io.sluice.server.metadata.MetadataResults;
import io.sluice.server.routing.QueryRecorder;
import io.sluice.server.routing.StatementRouting;
import io.sluice.server.session.ResultFormat;
import io.sluice.server.session.Session;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.type.SluiceType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * A SQL statement, in the session's dialect. The pipeline: parse; a statement the gateway answers itself (USE, SET,
 * SHOW, DESCRIBE, TRANSPILE, ...) is answered here; any other is routed to an engine, validated against that engine's
 * catalog, translated into the engine's dialect and sent there.
 */
public final class ExecuteStatementOperation
        extends Operation
{
    /** The first word of statements that answer rows, for statements Sluice passes through without parsing them. */
    private static final Pattern QUERY_START = Pattern.compile("(?is)^[\\s(]*(SELECT|WITH|VALUES|SHOW|DESCRIBE|DESC|EXPLAIN|TABLE|FROM|LIST)\\b.*");

    /** EXPLAIN ROUTE's own words, so that the statement it explains has the fingerprint it has when executed. */
    private static final Pattern EXPLAIN_ROUTE = Pattern.compile("(?is)^\\s*EXPLAIN\\s+ROUTE\\s+");

    private final String statement;
    private final EngineRouter router;
    private final SluiceCatalogs catalogs;
    private final StatementRouting routing;
    private final QueryRecorder recorder;
    private final ManagementCommands management;
    private final CatalogCache catalogCache;
    private final String fingerprint;
    private final Dialect dialect;
    /** The parsed statement: the client's, or after row filters and column masks were applied, the rewritten one. */
    private SqlNode parsed;
    /** The text routed and translated: the client's statement, or its rewrite for row filters and column masks. */
    private String sql;
    private final AccessCommands access;
    private final StatementAccess statementAccess;
    private final boolean arrow;
    private final Optional<SessionCommand> command;
    private final SluiceException failure;
    private final boolean resultSetExpected;
    private volatile EngineStatement engineStatement;
    private volatile Optional<String> ranOn = Optional.empty();

    /**
     * Parses the statement at once, in the caller's thread, so that whether it answers rows is known when it is
     * accepted (HiveServer2 and Spark's Thrift server decide {@code hasResultSet} there, and asynchronous clients such
     * as PyHive read it from the operation handle before the statement ran). A syntax error, or a session command
     * that cannot be, is kept for the run, which fails with it.
     */
    public ExecuteStatementOperation(Session session, String queryId, String statement, StatementServices services, long maxResultRows)
    {
        super(session, OperationType.EXECUTE_STATEMENT, queryId, maxResultRows);
        this.statement = requireNonNull(statement, "statement is null");
        this.router = services.router();
        this.catalogs = services.catalogs();
        this.routing = services.routing();
        this.recorder = services.recorder();
        this.management = services.management();
        this.catalogCache = services.catalogCache();
        this.access = services.access();
        this.statementAccess = new StatementAccess(access.access());
        this.sql = statement;
        this.arrow = ResultFormat.of(session) == ResultFormat.ARROW;
        this.fingerprint = StatementFingerprint.of(statement);
        this.dialect = session.dialect();
        SqlNode tree = null;
        Optional<SessionCommand> sessionCommand = Optional.empty();
        SluiceException error = null;
        try {
            tree = parse(statement);
            sessionCommand = SessionCommands.fromTree(tree);
        }
        catch (SluiceException e) {
            error = e;
        }
        this.parsed = tree;
        this.command = sessionCommand;
        this.failure = error;
        if (tree == null) {
            resultSetExpected = QUERY_START.matcher(statement).matches();
        }
        else if (ManagementCommands.handles(tree)) {
            resultSetExpected = ManagementCommands.returnsRows(tree);
        }
        else if (tree instanceof SqlAccessControl accessControl) {
            resultSetExpected = accessControl.verb().name().startsWith("SHOW_");
        }
        else if (sessionCommand.isPresent()) {
            resultSetExpected = SessionCommandExecutor.returnsRows(sessionCommand.get());
        }
        else {
            resultSetExpected = error == null && (tree instanceof SqlTranspile || tree instanceof SqlDescribeObject || tree instanceof SqlExplainQuery
                    || tree instanceof SqlExplainRoute || tree.getKind().belongsTo(SqlKind.QUERY));
        }
    }

    /** The statement parsed in the session's dialect, Spark's session functions answered from Sluice's session. */
    private SqlNode parse(String text)
    {
        return SessionFunctions.inline(Transpiler.parse(text, dialect), SessionFunctions.values(session().currentDatabase(), session().user()));
    }

    @Override
    public boolean arrowResults()
    {
        return arrow;
    }

    @Override
    protected boolean resultSetExpected()
    {
        return resultSetExpected;
    }

    @Override
    protected Optional<ResultSource> runInternal()
    {
        List<String> objects = objects();
        try {
            Optional<ResultSource> result = runStatement();
            audited(objects, null);
            return result;
        }
        catch (RuntimeException e) {
            audited(objects, e);
            throw e;
        }
    }

    /** The tables the statement names, as written (CTE names are not tables); none for statements Sluice answers itself. */
    private List<String> objects()
    {
        if (parsed == null || command.isPresent() || ManagementCommands.handles(parsed)) {
            return List.of();
        }
        try {
            return StatementShape.of(parsed).tables().stream().map(table -> String.join(".", table.names())).distinct().toList();
        }
        catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The statement's audit event: who, from where, on which engine, which tables, and how it ended. Sluice's own
     * statements about jobs, clusters, storages and tokens are named, not quoted: their text may hold secrets.
     */
    private void audited(List<String> objects, RuntimeException failure)
    {
        String text = parsed != null && ManagementCommands.handles(parsed)
                ? ((org.apache.calcite.sql.SqlCall) parsed).getOperator().getName()
                : statement.length() > 4000 ? statement.substring(0, 4000) + "..." : statement;
        String detail = failure == null ? text : text + " -- failed: " + failure.getMessage();
        boolean denied = failure instanceof SluiceException refused && refused.errorCode() == ErrorCode.PERMISSION_DENIED;
        management.audit().record(AuditLog.Kind.STATEMENT, session().user(), session().owner().address(), !denied,
                ranOn.map(route -> route.split(":", 2)[0]), objects, detail);
    }

    private Optional<ResultSource> runStatement()
    {
        AccessControl.Subject subject = AccessControl.Subject.of(session());
        if (parsed == null) {
            if (statementAccess.applies(subject)) {
                throw new SluiceException(ErrorCode.PERMISSION_DENIED, "Access denied: Sluice cannot parse the statement, so it cannot check what it touches ("
                        + failure.getMessage() + ")");
            }
            return passThrough(dialect, failure);
        }
        if (failure != null) {
            throw failure;
        }
        if (parsed instanceof SqlAccessControl accessControl) {
            log().add("Answered by Sluice: " + accessControl.getOperator().getName());
            return access.execute(accessControl, statement, session()).map(ResultSource.class::cast);
        }
        if (statementAccess.applies(subject)) {
            if (command.isPresent()) {
                statementAccess.authorize(subject, command.get(), session().currentDatabase());
            }
            else if (!ManagementCommands.handles(parsed)) {
                statementAccess.authorize(subject, parsed, session().currentDatabase());
                Optional<String> rewritten = statementAccess.rewrite(subject, parsed, sql, dialect, session().currentDatabase(),
                        (database, table) -> routing.columnNames(session(), database, table));
                if (rewritten.isPresent()) {
                    log().add("Row filters and column masks applied: " + rewritten.get());
                    sql = rewritten.get();
                    parsed = parse(sql);
                }
            }
        }
        if (command.isPresent()) {
            log().add("Answered by Sluice: " + command.get().getClass().getSimpleName());
            if (command.get() instanceof SessionCommand.ShowEngines) {
                return Optional.of(SessionCommandExecutor.showEngines(router));
            }
            if (command.get() instanceof SessionCommand.ShowQueries) {
                return Optional.of(SessionCommandExecutor.showQueries(recorder.recent(SessionCommandExecutor.SHOW_QUERIES_LIMIT)));
            }
            if (command.get() instanceof SessionCommand.ShowCatalogs show) {
                return Optional.of(SessionCommandExecutor.showCatalogs(routing.catalogReach(), show));
            }
            Optional<ResultSource> answer = SessionCommandExecutor.execute(command.get(), session(), commandEngine()).map(ResultSource.class::cast);
            if (answer.isEmpty()) {
                // USE, SET, CREATE/DROP DATABASE, ...: what validation read may no longer hold.
                catalogCache.changed();
            }
            return answer;
        }
        if (ManagementCommands.handles(parsed)) {
            log().add("Answered by Sluice: " + ((org.apache.calcite.sql.SqlCall) parsed).getOperator().getName());
            return management.execute(parsed, statement, session()).map(ResultSource.class::cast);
        }
        if (SessionCommands.isCacheHint(parsed)) {
            // REFRESH TABLE and its kin: Sluice forgets what it read of the catalogs.
            catalogCache.changed();
            log().add("Accepted without effect on the engine: engines other than Spark manage their own caches");
            return Optional.empty();
        }
        if (parsed instanceof SqlTranspile transpile) {
            return Optional.of(transpile(transpile));
        }
        if (parsed instanceof SqlExplainRoute explain) {
            return Optional.of(explainRoute(explain.statement()));
        }
        if (Transpiler.engineHint(parsed).isEmpty() && session().engineSetting().equals(EngineRouter.AUTO)) {
            return routed();
        }
        EngineChoice choice = route(parsed);
        refuseLakehouseWrites(choice.engine());
        Engine engine = choice.engine();
        if (parsed instanceof SqlDescribeObject describe) {
            return Optional.of(describeQuery(routing.prepare(engine, describe.query().orElseThrow(), session(), sql, false).validation()));
        }
        StatementRouting.Prepared prepared = routing.prepare(engine, parsed, session(), sql, true);
        log().add(format("Routed to %s: %s", engine.name(), choice.reason()));
        logTranslation(prepared);
        return recorded(engine, choice.reason(), OptionalDouble.empty(), Optional.empty(), () -> execute(choice, prepared));
    }

    /**
     * The statement of a session that pins no engine: the router chooses among the engines that can run it, and a
     * read-only statement whose engine fails on the engine's side (not the user's) before answering runs once on the
     * next feasible engine.
     */
    private Optional<ResultSource> routed()
    {
        boolean describe = parsed instanceof SqlDescribeObject;
        Supplier<SqlNode> trees = trees(tree -> tree instanceof SqlDescribeObject described ? described.query().orElseThrow() : tree);
        StatementRouting.Routed routed = routing.route(trees, session(), sql, fingerprint, Optional.empty(), "sluice.engine=auto", !describe, false);
        StatementRouting.Prepared chosen = routed.chosen(router.defaultEngine());
        Engine engine = chosen.engine();
        Optional<String> failedOverFrom = routed.unavailable().keySet().stream().findFirst();
        routed.unavailable().forEach((failed, failure) -> {
            router.metrics().failedOver(failed, engine.name());
            log().add(format("Failed over from %s to %s after: %s", failed, engine.name(), failure.getMessage()));
        });
        log().add(format("Routed to %s: %s", engine.name(), routed.decision().reason()));
        log().add("Route: " + routed.summary());
        router.metrics().chosen(engine.name());
        if (describe) {
            return Optional.of(describeQuery(chosen.validation()));
        }
        logTranslation(chosen);
        try {
            return recorded(engine, routed.decision().reason(), estimate(routed, engine.name()), failedOverFrom,
                    () -> execute(new EngineChoice(engine, routed.decision().reason()), chosen));
        }
        catch (SluiceException failure) {
            if (!routed.profile().kind().readOnly() || !StatementRouting.failsOver(failure) || state().isTerminal()) {
                throw failure;
            }
            for (String next : routed.decision().fallbacks(engine.name())) {
                StatementRouting.Prepared fallback = routed.prepared().get(next);
                if (fallback == null) {
                    try {
                        fallback = routing.prepare(router.engine(next).orElseThrow(), trees.get(), session(), sql, true);
                    }
                    catch (SluiceException refused) {
                        log().add(format("Not failed over to %s: %s", next, refused.getMessage()));
                        continue;
                    }
                }
                if (failure.errorCode() == ErrorCode.ENGINE_UNAVAILABLE || failure.errorCode() == ErrorCode.ENGINE_CONNECTION_LOST) {
                    router.monitor().markDown(engine.name(), failure.getMessage());
                }
                router.metrics().failedOver(engine.name(), next);
                log().add(format("Failed over from %s to %s after: %s", engine.name(), next, failure.getMessage()));
                logTranslation(fallback);
                Engine fallbackEngine = fallback.engine();
                StatementRouting.Prepared failedOver = fallback;
                return recorded(fallbackEngine, "failover from " + engine.name(), estimate(routed, next), Optional.of(engine.name()),
                        () -> execute(new EngineChoice(fallbackEngine, "failover from " + engine.name()), failedOver));
            }
            throw failure;
        }
    }

    /** The model's estimate for the engine, before any correction from history: what the history's ratios are of. */
    private static OptionalDouble estimate(StatementRouting.Routed routed, String engine)
    {
        return routed.decision().candidate(engine).flatMap(Candidate::cost)
                .map(cost -> OptionalDouble.of(cost.total() / cost.history()))
                .orElse(OptionalDouble.empty());
    }

    /**
     * Runs the statement on the engine and records it in the query history: the engine, why it was chosen, the
     * estimate, the time until the engine answered (its first rows, or the end of a statement without rows), and
     * how it ended.
     */
    private Optional<ResultSource> recorded(Engine engine, String route, OptionalDouble estimate, Optional<String> failedOverFrom, Supplier<Optional<ResultSource>> run)
    {
        Instant started = Instant.now();
        long start = System.nanoTime();
        ranOn = Optional.of(engine.name() + ": " + route);
        try {
            Optional<ResultSource> result = run.get();
            recorder.record(new QueryHistory.QueryRecord(queryId(), session().user(), statement, fingerprint, Optional.of(engine.name()), Optional.of(route),
                    estimate, OptionalDouble.of((System.nanoTime() - start) / 1e9), "FINISHED", Optional.empty(), failedOverFrom, started, Optional.of(Instant.now())));
            return result;
        }
        catch (SluiceException e) {
            recorder.record(new QueryHistory.QueryRecord(queryId(), session().user(), statement, fingerprint, Optional.of(engine.name()), Optional.of(route),
                    estimate, OptionalDouble.empty(), e.errorCode() == ErrorCode.QUERY_CANCELED ? "CANCELED" : "FAILED", Optional.ofNullable(e.getMessage()),
                    failedOverFrom, started, Optional.of(Instant.now())));
            throw e;
        }
    }

    /**
     * The statement's tree (its part {@code part} picks) once per call: the parsed tree first, then a new parse each
     * time, because Calcite's validator rewrites the tree it validates and each engine validates its own.
     */
    private Supplier<SqlNode> trees(UnaryOperator<SqlNode> part)
    {
        AtomicBoolean first = new AtomicBoolean(true);
        return () -> part.apply(first.getAndSet(false) ? parsed : parse(sql));
    }

    /** EXPLAIN ROUTE statement: each engine, whether it can run the statement, its estimated cost and terms, and which one would. */
    private LocalResult explainRoute(SqlNode inner)
    {
        Optional<String> hint = Transpiler.engineHint(inner);
        String setting = session().engineSetting();
        Optional<String> pinned = hint.isPresent() ? hint : setting.equals(EngineRouter.AUTO) ? Optional.empty() : Optional.of(setting);
        String pinSource = hint.map(engine -> format("hint /*+ ENGINE(%s) */", engine)).orElse("sluice.engine=" + setting);
        Supplier<SqlNode> trees = trees(tree -> {
            SqlNode explained = ((SqlExplainRoute) tree).statement();
            return explained instanceof SqlDescribeObject describe && describe.query().isPresent() ? describe.query().get() : explained;
        });
        String explained = EXPLAIN_ROUTE.matcher(statement).replaceFirst("");
        StatementRouting.Routed routed = routing.route(trees, session(), statement, StatementFingerprint.of(explained), pinned, pinSource,
                !(inner instanceof SqlDescribeObject), true);
        log().add("Route: " + routed.summary());
        List<Object[]> rows = new ArrayList<>();
        for (Candidate candidate : routed.decision().candidates()) {
            Optional<CostEstimate> cost = candidate.cost();
            rows.add(new Object[] {candidate.engine(), candidate.feasible(), candidate.chosen(), cost.map(CostEstimate::total).orElse(null), candidate.reason(),
                    cost.map(CostEstimate::fixed).orElse(null), cost.map(CostEstimate::scan).orElse(null), cost.map(CostEstimate::compute).orElse(null),
                    cost.map(CostEstimate::transfer).orElse(null), cost.map(CostEstimate::queue).orElse(null)});
        }
        if (rows.isEmpty()) {
            // The pinned engine is not running here: nothing to compare, and the reason says so.
            throw new SluiceException(ErrorCode.ENGINE_NOT_FOUND, routed.decision().reason());
        }
        return new LocalResult(MetadataResults.columns("engine", SluiceType.STRING, "feasible", SluiceType.BOOLEAN, "chosen", SluiceType.BOOLEAN,
                "estimated_cost", SluiceType.DOUBLE, "reason", SluiceType.STRING, "fixed_cost", SluiceType.DOUBLE, "scan_cost", SluiceType.DOUBLE,
                "compute_cost", SluiceType.DOUBLE, "transfer_cost", SluiceType.DOUBLE, "queue_cost", SluiceType.DOUBLE), rows);
    }

    /**
     * An engine whose profile says it does not write lakehouse tables (DuckDB reads them through Sluice's scan plans;
     * writing them, Parquet files committed by Sluice, is not there yet) is refused a write to one by name before it
     * sees the statement.
     */
    private void refuseLakehouseWrites(Engine engine)
    {
        List<EngineProfile> profiles = router.costRouter().profiles();
        if (profiles.stream().noneMatch(profile -> profile.engine().equals(engine.name()) && !profile.writesLakehouse())) {
            return;
        }
        for (StatementShape.TableName table : StatementShape.of(parsed).tables()) {
            List<String> names = table.names();
            String database = names.size() > 1 ? String.join(".", names.subList(0, names.size() - 1)) : session().currentDatabase();
            if (table.target() && catalogs.contains(database)) {
                List<String> writers = profiles.stream().filter(EngineProfile::writesLakehouse).map(EngineProfile::engine).toList();
                throw new SluiceException(ErrorCode.NOT_SUPPORTED, format("Not supported on %s: writing the lakehouse table %s.%s; %s, %s reads it",
                        engine.name(), database, names.get(names.size() - 1),
                        writers.isEmpty() ? "no engine of this server writes the lakehouse" : "write it on " + String.join(" or ", writers) + " (sluice.engine=" + String.join("|", writers) + ")",
                        engine.name()));
            }
        }
    }

    /**
     * The engine a session command runs on: the pinned one; else the engine whose own catalog holds the database the
     * command names (or the session's current one), as {@code USE tpch.tiny} needs Trino; else the default engine.
     */
    private Engine commandTarget()
    {
        if (Transpiler.engineHint(parsed).isPresent() || !session().engineSetting().equals(EngineRouter.AUTO)) {
            return route(parsed).engine();
        }
        SessionCommand current = command.orElseThrow();
        Optional<String> named = Optional.empty();
        if (current instanceof SessionCommand.Use use) {
            named = Optional.of(use.database());
        }
        else if (current instanceof SessionCommand.ShowTables show) {
            named = show.database();
        }
        else if (current instanceof SessionCommand.ShowViews show) {
            named = show.database();
        }
        else if (current instanceof SessionCommand.Describe describe) {
            named = describe.database();
        }
        else if (current instanceof SessionCommand.ShowColumns show) {
            named = show.database();
        }
        String database = named.orElse(session().currentDatabase());
        return routing.ownerOf(database).flatMap(router::engine).orElseGet(() -> route(parsed).engine());
    }

    /** The engine the statement routes to, for a session command: its catalog, and Spark SQL queries translated for it. */
    private CommandEngine commandEngine()
    {
        return new CommandEngine()
        {
            @Override
            public EngineMetadata metadata()
            {
                return VisibleMetadata.of(catalogs.metadata(session().engineSession(commandTarget()).metadata()), access.access(),
                        AccessControl.Subject.of(session()));
            }

            @Override
            public List<Object[]> query(String sparkSql)
            {
                Engine engine = commandTarget();
                EngineSession engineSession = session().engineSession(engine);
                CatalogView catalog = FileTables.over(catalogs.view(engine, new EngineCatalogView(engineSession.metadata(), session().currentDatabase())),
                        engine.dialect(), () -> engineSession);
                String sql = Transpilations.transpile(Transpiler.parse(sparkSql, Dialect.SPARK), Dialect.SPARK, Dialect.fromName(engine.dialect()), engine, catalog,
                        session().currentDatabase());
                log().add(format("Queried %s: %s", engine.name(), sql));
                return engineSession.queryRows(sql);
            }
        };
    }

    /**
     * A statement Calcite cannot parse goes to the engine as written only when the session pins an engine that reads
     * the session's dialect; otherwise the parser's error stands.
     */
    private Optional<ResultSource> passThrough(Dialect dialect, SluiceException syntaxError)
    {
        String pinned = session().engineSetting();
        if (pinned.equals(EngineRouter.AUTO)) {
            throw syntaxError;
        }
        EngineChoice choice = router.route(pinned);
        if (!choice.engine().dialect().equals(dialect.settingValue())) {
            throw syntaxError;
        }
        log().add(format("Not parsed by Sluice (%s); sent as written to %s, which reads %s SQL", syntaxError.getMessage(),
                choice.engine().name(), dialect.settingValue()));
        return execute(choice, statement);
    }

    private void logTranslation(StatementRouting.Prepared prepared)
    {
        if (prepared.write().isPresent()) {
            log().add(format("Written by Sluice for %s: %s", prepared.engine().name(), prepared.sql().orElseThrow()));
        }
        else {
            log().add(format("Translated from %s to %s: %s", dialect.settingValue(), prepared.engine().dialect(), prepared.sql().orElseThrow()));
        }
    }

    private Optional<ResultSource> execute(EngineChoice choice, StatementRouting.Prepared prepared)
    {
        if (prepared.write().isEmpty()) {
            return execute(choice, prepared.sql().orElseThrow());
        }
        try {
            long start = System.nanoTime();
            long rows = prepared.write().get().run(session().engineSession(choice.engine()), statement -> {
                try (EngineStatement created = startStatement(choice, statement)) {
                    created.execute();
                    return created.updateCount();
                }
            });
            log().add(format("Written on %s and committed by Sluice in %.1f ms", choice.engine().name(), (System.nanoTime() - start) / 1e6));
            setUpdateCount(rows);
            return Optional.empty();
        }
        finally {
            catalogCache.changed();
        }
    }

    private Optional<ResultSource> execute(EngineChoice choice, String sql)
    {
        try {
            return executeOnEngine(choice, sql);
        }
        finally {
            if (parsed == null || !resultSetExpected) {
                // A statement that is not a query may have changed a catalog, on this engine or (the lakehouse) every one.
                catalogCache.changed();
            }
        }
    }

    /** A statement on the engine, where cancel reaches it; refused when the operation ended before it existed. */
    private EngineStatement startStatement(EngineChoice choice, String sql)
    {
        EngineStatement created = session().engineSession(choice.engine()).createStatement(sql);
        engineStatement = created;
        if (state().isTerminal()) {
            // Canceled or closed before the statement existed: cancelInternal could not reach it.
            created.close();
            throw new SluiceException(ErrorCode.QUERY_CANCELED, "The statement was canceled");
        }
        return created;
    }

    private Optional<ResultSource> executeOnEngine(EngineChoice choice, String sql)
    {
        EngineStatement created = startStatement(choice, sql);
        long start = System.nanoTime();
        boolean hasRows;
        try {
            hasRows = created.execute();
        }
        catch (RuntimeException e) {
            created.close();
            throw e;
        }
        log().add(format("Executed on %s in %.1f ms", choice.engine().name(), (System.nanoTime() - start) / 1e6));
        if (!hasRows) {
            setUpdateCount(created.updateCount());
            created.close();
            return Optional.empty();
        }
        return Optional.of(new EngineResult(created));
    }

    /** The engine for a statement: its {@code /*+ ENGINE(name) *}{@code /} hint, else the session's setting. */
    private EngineChoice route(SqlNode parsed)
    {
        Optional<String> hint = Transpiler.engineHint(parsed);
        if (hint.isPresent()) {
            EngineChoice choice = router.route(hint.get());
            return new EngineChoice(choice.engine(), format("hint /*+ ENGINE(%s) */", hint.get()));
        }
        return router.route(session().engineSetting());
    }

    /** TRANSPILE '<sql>' [FROM dialect] TO dialect: validated against the catalog of the engine the session routes to. */
    private LocalResult transpile(SqlTranspile transpile)
    {
        Dialect from = transpile.from().map(Dialect::fromName).orElse(session().dialect());
        Dialect to = Dialect.fromName(transpile.to());
        SqlNode inner = Transpiler.parse(transpile.sql(), from);
        Engine engine = route(inner).engine();
        String sql = Transpilations.transpile(inner, from, to, engine, session().engineSession(engine).metadata(), session().currentDatabase());
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {sql});
        return new LocalResult(MetadataResults.columns("sql", SluiceType.STRING), rows);
    }

    /** DESCRIBE QUERY q: the columns the query returns, with Spark's type names. */
    private LocalResult describeQuery(Validation validation)
    {
        RelDataType rowType = validation.rowType().orElseThrow(() -> new SluiceException(ErrorCode.ANALYSIS_ERROR, "The statement returns no rows"));
        List<Object[]> rows = new ArrayList<>();
        for (RelDataTypeField field : rowType.getFieldList()) {
            String type;
            try {
                type = TypeSpecs.fromRelType(field.getType()).displayName();
            }
            catch (SluiceException e) {
                type = field.getType().getFullTypeString();
            }
            rows.add(new Object[] {field.getName(), type, null});
        }
        return new LocalResult(MetadataResults.columns("col_name", SluiceType.STRING, "data_type", SluiceType.STRING, "comment", SluiceType.STRING), rows);
    }

    @Override
    protected void cancelInternal()
    {
        EngineStatement current = engineStatement;
        if (current != null) {
            current.cancel();
        }
    }

    /** The engine the statement was sent to and why ({@code engine: reason}); empty for statements Sluice answers itself. */
    public Optional<String> ranOn()
    {
        return ranOn;
    }

    @Override
    public String description()
    {
        return statement;
    }
}
