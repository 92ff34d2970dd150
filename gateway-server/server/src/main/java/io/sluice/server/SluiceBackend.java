package io.sluice.server;

import io.sluice.dialects.Dialect;
import io.sluice.router.EngineRouter;
import io.sluice.server.access.AccessCommands;
import io.sluice.server.access.AccessControl;
import io.sluice.server.access.VisibleMetadata;
import io.sluice.server.catalog.CatalogCache;
import io.sluice.server.catalog.SluiceCatalogs;
import io.sluice.server.catalog.Transpilations;
import io.sluice.server.command.CommandEngine;
import io.sluice.server.command.SessionCommand;
import io.sluice.server.command.SessionCommandExecutor;
import io.sluice.server.config.SessionConfig;
import io.sluice.server.metadata.CatalogBrowsing;
import io.sluice.server.metadata.MetadataResults;
import io.sluice.server.operation.ExecuteStatementOperation;
import io.sluice.server.operation.LocalResult;
import io.sluice.server.operation.MetadataOperation;
import io.sluice.server.operation.Operation;
import io.sluice.server.operation.OperationState;
import io.sluice.server.operation.OperationType;
import io.sluice.server.jobs.GroupService;
import io.sluice.server.jobs.ManagementCommands;
import io.sluice.server.operation.StatementServices;
import io.sluice.server.routing.QueryRecorder;
import io.sluice.server.routing.RouterCalibrator;
import io.sluice.server.routing.StatementRouting;
import io.sluice.server.session.Caller;
import io.sluice.server.session.HandleId;
import io.sluice.server.session.ResultFormat;
import io.sluice.server.session.Session;
import io.sluice.server.session.SessionManager;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.RowBatch;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.SessionContext;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.metadata.NamePattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sluice.spi.Column;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * The gateway's operations, one method per HS2 call, free of any wire format: the Thrift service and the REST API
 * translate to and from these. Every call names its {@link Caller}, so that sessions and operations are found only
 * by their owner.
 */
public final class SluiceBackend
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(SluiceBackend.class);
    private static final DateTimeFormatter QUERY_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);
    private static final String QUERY_ID_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";

    public static final String DEFAULT_DATABASE = "default";

    private final SessionConfig config;
    private final SessionManager sessions;
    private final EngineRouter router;
    private final SluiceCatalogs catalogs;
    private final StatementRouting routing;
    private final QueryRecorder recorder;
    private final RouterCalibrator calibrator;
    private final StatementServices services;
    private final ManagementCommands management;
    private final AccessCommands access;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong querySequence = new AtomicLong();

    public SluiceBackend(SessionConfig config, EngineRouter router, SluiceCatalogs catalogs, QueryRecorder recorder, RouterCalibrator calibrator,
            ManagementCommands management, CatalogCache catalogCache, AccessCommands access)
    {
        this.access = requireNonNull(access, "access is null");
        this.management = requireNonNull(management, "management is null");
        this.calibrator = requireNonNull(calibrator, "calibrator is null");
        this.config = requireNonNull(config, "config is null");
        this.router = requireNonNull(router, "router is null");
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
        this.recorder = requireNonNull(recorder, "recorder is null");
        this.routing = new StatementRouting(router, catalogs, recorder.routeHistory(), catalogCache);
        this.services = new StatementServices(router, catalogs, routing, recorder, management, catalogCache, access);
        validateUserDefaults(config, router);
        this.sessions = new SessionManager(config, router::validateEngineSetting);
        BlockingQueue<Runnable> queue = config.operationQueue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(config.operationQueue());
        this.executor = new ThreadPoolExecutor(config.operationThreads(), config.operationThreads(), 60, TimeUnit.SECONDS, queue, daemonThreads("sluice-operation"));
        this.executor.allowCoreThreadTimeOut(true);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("sluice-scheduler"));
        long checkMillis = Math.max(config.checkInterval().toMillis(), 100);
        scheduler.scheduleWithFixedDelay(this::closeIdle, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(management.groups()::pauseIdle, 10, 10, TimeUnit.SECONDS);
    }

    /** A configured session default that no session could take fails at start, naming the setting. */
    private static void validateUserDefaults(SessionConfig config, EngineRouter router)
    {
        config.userDefaults().forEach((user, defaults) -> defaults.forEach((key, value) -> {
            try {
                SessionCommandExecutor.normalizedSetting(key, value, router::validateEngineSetting);
            }
            catch (SluiceException e) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid setting %s%s.%s=%s: %s", SessionConfig.USER_DEFAULTS_PREFIX, user, key, value, e.getMessage()), e);
            }
        }));
    }

    private void closeIdle()
    {
        try {
            sessions.closeIdle();
        }
        catch (RuntimeException e) {
            log.warn("Closing idle sessions failed", e);
        }
    }

    /**
     * Opens a session. It starts with the user's configured session defaults ({@code session.defaults.user.*});
     * {@code configuration} carries the client's overlays, which win: {@code use:database},
     * {@code set:hiveconf:<key>} and {@code set:hivevar:<key>} as the Hive drivers send them, or plain keys.
     */
    public Session openSession(Caller caller, int protocolVersion, Map<String, String> configuration)
    {
        Session session = sessions.open(caller, protocolVersion, DEFAULT_DATABASE);
        try {
            config.defaultsFor(caller.user()).forEach((key, value) -> SessionCommandExecutor.applySetting(session, key, value));
            String database = null;
            for (Map.Entry<String, String> entry : configuration.entrySet()) {
                String key = entry.getKey();
                if (key.equals("use:database")) {
                    database = entry.getValue();
                }
                else if (key.startsWith("set:hiveconf:")) {
                    SessionCommandExecutor.applySetting(session, key.substring("set:hiveconf:".length()), entry.getValue());
                }
                else if (key.startsWith("set:hivevar:")) {
                    session.settings().put("hivevar:" + key.substring("set:hivevar:".length()), entry.getValue());
                }
                else if (key.startsWith("sluice.") || key.equals(ResultFormat.SETTING)) {
                    SessionCommandExecutor.applySetting(session, key, entry.getValue());
                }
            }
            Optional<String> group = session.setting(GroupService.GROUP_SETTING);
            if (group.isPresent()) {
                String name = group.get();
                String engine = management.groups().join(name);
                session.joinGroup(new Session.GroupBinding(name, engine, () -> management.groups().session(name), () -> management.groups().leave(name)));
                session.settings().put(Session.ENGINE_SETTING, engine);
            }
            if (database != null && !database.equalsIgnoreCase(DEFAULT_DATABASE)) {
                // The same path as the USE statement; `default` always exists and needs no engine at connect time.
                SessionCommandExecutor.execute(new SessionCommand.Use(database), session, CommandEngine.metadataOnly(() -> metadata(session)));
            }
            return session;
        }
        catch (RuntimeException e) {
            sessions.close(session.handle(), caller);
            throw e;
        }
    }

    public void closeSession(HandleId handle, Caller caller)
    {
        sessions.close(handle, caller);
    }

    public Session session(HandleId handle, Caller caller)
    {
        return sessions.get(handle, caller);
    }

    /** Closes the sessions of a binary connection that ended. */
    public void connectionClosed(long connectionId)
    {
        sessions.connectionClosed(connectionId);
    }

    /**
     * Starts a statement. Runs it on a worker thread when {@code async}; otherwise returns once it has finished.
     * A positive {@code queryTimeout} stops it after that long, in state TIMEDOUT.
     */
    public Operation executeStatement(HandleId sessionHandle, Caller caller, String statement, Map<String, String> confOverlay, boolean async, Duration queryTimeout)
    {
        Session session = sessions.get(sessionHandle, caller);
        if (statement == null || statement.isBlank()) {
            throw new SluiceException(ErrorCode.SYNTAX_ERROR, "The statement is empty");
        }
        confOverlay.forEach((key, value) -> {
            if (key.startsWith("sluice.") || key.equals(ResultFormat.SETTING)) {
                SessionCommandExecutor.applySetting(session, key, value);
            }
        });
        Operation operation = new ExecuteStatementOperation(session, nextQueryId(), statement, services, config.maxResultRows());
        sessions.addOperation(operation);
        ScheduledFuture<?> timeout = null;
        if (!queryTimeout.isZero() && !queryTimeout.isNegative()) {
            timeout = scheduler.schedule(() -> operation.timeout(queryTimeout), queryTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        ScheduledFuture<?> timeoutTask = timeout;
        Runnable run = () -> {
            try {
                operation.run();
            }
            finally {
                if (timeoutTask != null) {
                    timeoutTask.cancel(false);
                }
            }
        };
        if (async) {
            operation.submitted();
            try {
                executor.execute(run);
            }
            catch (RejectedExecutionException e) {
                if (timeoutTask != null) {
                    timeoutTask.cancel(false);
                }
                operation.fail(new SluiceException(ErrorCode.SERVER_BUSY,
                        format("The server is busy: %s statements are running and %s waiting (%s, %s)",
                                executor.getActiveCount(), executor.getQueue().size(), SessionConfig.OPERATION_THREADS, SessionConfig.OPERATION_QUEUE)));
            }
        }
        else {
            run.run();
        }
        return operation;
    }

    public Operation getTypeInfo(HandleId sessionHandle, Caller caller)
    {
        return runMetadata(sessionHandle, caller, OperationType.GET_TYPE_INFO, session -> MetadataResults::typeInfo);
    }

    public Operation getCatalogs(HandleId sessionHandle, Caller caller)
    {
        return runMetadata(sessionHandle, caller, OperationType.GET_CATALOGS, session -> () -> browsing(session).catalogs());
    }

    /** How a session browses by catalog: the lakehouse and the engines' own catalogs, the session engine's by default. */
    private CatalogBrowsing browsing(Session session)
    {
        return CatalogBrowsing.of(routing.catalogReach(), router.route(session.engineSetting()).engine().name());
    }

    private static boolean named(String catalog)
    {
        return catalog != null && !catalog.isEmpty();
    }

    /** {@code catalog}: null or empty for every database (Sluice's own names), else that catalog's databases only. */
    public Operation getSchemas(HandleId sessionHandle, Caller caller, String catalog, String schemaPattern)
    {
        return runMetadata(sessionHandle, caller, OperationType.GET_SCHEMAS, session -> () -> named(catalog)
                ? browsing(session).schemas(MetadataResults.schemas(metadata(session), NamePattern.any()), catalog, pattern(schemaPattern))
                : MetadataResults.schemas(metadata(session), pattern(schemaPattern)));
    }

    public Operation getTables(HandleId sessionHandle, Caller caller, String catalog, String schemaPattern, String tablePattern, List<String> tableTypes)
    {
        return runMetadata(sessionHandle, caller, OperationType.GET_TABLES, session -> () -> byCatalog(session, catalog, schemaPattern,
                schemas -> MetadataResults.tables(metadata(session), schemas, pattern(tablePattern), tableTypes)));
    }

    public Operation getTableTypes(HandleId sessionHandle, Caller caller)
    {
        return runMetadata(sessionHandle, caller, OperationType.GET_TABLE_TYPES, session -> MetadataResults::tableTypes);
    }

    public Operation getColumns(HandleId sessionHandle, Caller caller, String catalog, String schemaPattern, String tablePattern, String columnPattern)
    {
        return runMetadata(sessionHandle, caller, OperationType.GET_COLUMNS, session -> () -> byCatalog(session, catalog, schemaPattern,
                schemas -> MetadataResults.columns(metadata(session), schemas, pattern(tablePattern), pattern(columnPattern))));
    }

    /**
     * GetTables and GetColumns: scoped to the catalog named; without one, by Sluice's own database names — and a
     * database name that is no such name but one catalog's database (as the Hive driver asks, sending no catalog)
     * answers from that catalog.
     */
    private LocalResult byCatalog(Session session, String catalog, String schemaPattern, Function<NamePattern, LocalResult> list)
    {
        CatalogBrowsing browsing = browsing(session);
        if (named(catalog)) {
            return browsing.scoped(list.apply(NamePattern.any()), catalog, pattern(schemaPattern));
        }
        NamePattern databases = pattern(schemaPattern);
        LocalResult result = list.apply(databases);
        if (!result.rows().isEmpty() || databases == NamePattern.any()) {
            return result;
        }
        LocalResult schemas = MetadataResults.schemas(metadata(session), NamePattern.any());
        if (schemas.rows().stream().anyMatch(row -> databases.matches((String) row[0]))) {
            return result;
        }
        return browsing.onlyCatalogOf(schemas, databases)
                .map(found -> browsing.scoped(list.apply(NamePattern.any()), found, pattern(schemaPattern)))
                .orElse(result);
    }

    public Operation getFunctions(HandleId sessionHandle, Caller caller, String functionPattern)
    {
        return runMetadata(sessionHandle, caller, OperationType.GET_FUNCTIONS,
                session -> () -> MetadataResults.functions(metadata(session), pattern(functionPattern)));
    }

    public Operation getPrimaryKeys(HandleId sessionHandle, Caller caller, String database, String table)
    {
        if (table == null || table.isEmpty()) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "GetPrimaryKeys needs a table name");
        }
        return runMetadata(sessionHandle, caller, OperationType.GET_PRIMARY_KEYS,
                session -> () -> MetadataResults.primaryKeys(metadata(session), database == null || database.isEmpty() ? session.currentDatabase() : database, table));
    }

    public Operation getCrossReference(HandleId sessionHandle, Caller caller, String parentDatabase, String parentTable, String foreignDatabase, String foreignTable)
    {
        return runMetadata(sessionHandle, caller, OperationType.GET_CROSS_REFERENCE,
                session -> () -> MetadataResults.crossReference(metadata(session), pattern(parentDatabase), pattern(parentTable), pattern(foreignDatabase), pattern(foreignTable)));
    }

    private Operation runMetadata(HandleId sessionHandle, Caller caller, OperationType type, Function<Session, Supplier<LocalResult>> result)
    {
        Session session = sessions.get(sessionHandle, caller);
        Operation operation = new MetadataOperation(session, type, nextQueryId(), result.apply(session));
        sessions.addOperation(operation);
        operation.run();
        return operation;
    }

    private EngineMetadata metadata(Session session)
    {
        return VisibleMetadata.of(catalogs.metadata(session.engineSession(router.route(session.engineSetting()).engine()).metadata()), access.access(),
                AccessControl.Subject.of(session));
    }

    private static NamePattern pattern(String jdbcPattern)
    {
        return NamePattern.parse(jdbcPattern);
    }

    public Operation operation(HandleId handle, Caller caller)
    {
        return sessions.getOperation(handle, caller);
    }

    /** The operation's state, after waiting up to the status-poll timeout for a running operation to finish. */
    public OperationState operationStatus(Operation operation)
    {
        return operation.awaitCompletion(config.statusPollTimeout());
    }

    public void cancelOperation(HandleId handle, Caller caller)
    {
        sessions.getOperation(handle, caller).cancel();
    }

    public void closeOperation(HandleId handle, Caller caller)
    {
        sessions.removeOperation(sessions.getOperation(handle, caller));
    }

    /** The next rows, at most {@code result.max-fetch-rows} whatever the client asks. */
    public Optional<RowBatch> fetch(Operation operation, long maxRows, boolean fromStart)
    {
        int rows = (int) Math.max(1, Math.min(maxRows <= 0 ? config.defaultFetchRows() : maxRows, config.maxFetchRows()));
        return operation.fetch(rows, fromStart);
    }

    public SessionConfig config()
    {
        return config;
    }

    /**
     * Transpiles a statement outside any client session (REST): validated against the catalog of the engine
     * {@code sluice.engine=auto} routes to, in {@code database}.
     */
    public String transpile(String statement, Dialect from, Dialect to, String database)
    {
        Engine engine = router.route(EngineRouter.AUTO).engine();
        try (EngineSession session = engine.openSession(new SessionContext("rest", database))) {
            return Transpilations.transpile(statement, from, to, engine, session.metadata(), database);
        }
    }

    /**
     * {@code POST /api/v1/sql/route}: the EXPLAIN ROUTE of a statement, in a session of its own for {@code user} with
     * the given settings ({@code sluice.dialect}, {@code sluice.engine}, {@code use:database}); its columns and rows.
     */
    public LocalResultRows explainRoute(String user, String statement, Map<String, String> configuration)
    {
        return executeOnce(user, "EXPLAIN ROUTE " + statement, configuration, Long.MAX_VALUE);
    }

    /**
     * {@code POST /api/v1/sql/execute}: a statement run to its end in a session of its own for {@code user} with the
     * given settings; its columns, at most {@code maxRows} rows, and the engine that ran it and why.
     */
    public LocalResultRows executeOnce(String user, String statement, Map<String, String> configuration, long maxRows)
    {
        Caller caller = new Caller(user, Optional.empty());
        Session session = openSession(caller, Integer.MAX_VALUE, configuration);
        try {
            Operation operation = executeStatement(session.handle(), caller, statement, Map.of(), false, Duration.ZERO);
            if (operation.failure().isPresent()) {
                throw operation.failure().get();
            }
            List<Column> columns = operation.hasResultSet() ? operation.resultColumns() : List.of();
            List<Object[]> rows = new ArrayList<>();
            boolean truncated = false;
            if (operation.hasResultSet()) {
                for (Optional<RowBatch> batch = operation.fetch(1000, false); batch.isPresent() && batch.get().rowCount() > 0; batch = operation.fetch(1000, false)) {
                    for (int row = 0; row < batch.get().rowCount(); row++) {
                        if (rows.size() >= maxRows) {
                            truncated = true;
                            break;
                        }
                        rows.add(batch.get().row(row));
                    }
                    if (truncated) {
                        break;
                    }
                }
            }
            Optional<String> ranOn = operation instanceof ExecuteStatementOperation execute ? execute.ranOn() : Optional.empty();
            return new LocalResultRows(columns.stream().map(Column::name).toList(), columns, rows, truncated, operation.updateCount(), ranOn);
        }
        finally {
            closeSession(session.handle(), caller);
        }
    }

    /**
     * A statement's result for the REST API: its columns and rows (at most the rows asked for; {@code truncated} when
     * there were more), its update count, and where it ran ({@code engine: reason}).
     */
    public record LocalResultRows(List<String> columns, List<Column> types, List<Object[]> rows, boolean truncated, long updateCount, Optional<String> ranOn) {}

    public ManagementCommands management()
    {
        return management;
    }

    public RouterCalibrator calibrator()
    {
        return calibrator;
    }

    public QueryRecorder recorder()
    {
        return recorder;
    }

    public EngineRouter router()
    {
        return router;
    }

    public int sessionCount()
    {
        return sessions.sessionCount();
    }

    public int operationCount()
    {
        return sessions.operationCount();
    }

    /** Statements executing on worker threads now. */
    public int runningOperationCount()
    {
        return executor.getActiveCount();
    }

    private String nextQueryId()
    {
        StringBuilder suffix = new StringBuilder(5);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 5; i++) {
            suffix.append(QUERY_ID_LETTERS.charAt(random.nextInt(QUERY_ID_LETTERS.length())));
        }
        return format("%s_%05d_%s", LocalDateTime.now().format(QUERY_ID_TIME), querySequence.incrementAndGet() % 100_000, suffix);
    }

    private static ThreadFactory daemonThreads(String prefix)
    {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close()
    {
        management.jobs().close();
        management.groups().close();
        scheduler.shutdownNow();
        sessions.closeAll();
        executor.shutdownNow();
        router.close();
        recorder.close();
    }
}
