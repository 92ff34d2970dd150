package io.sluice.server.routing;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import io.sluice.dialects.analyze.StatementShape;
import io.sluice.dialects.validate.CatalogView;
import io.sluice.dialects.validate.Validation;
import io.sluice.router.EngineRouter;
import io.sluice.router.cost.CostCorrections;
import io.sluice.router.cost.CostEstimate;
import io.sluice.router.cost.EngineState;
import io.sluice.router.cost.RouteDecision;
import io.sluice.router.cost.RouteRequest;
import io.sluice.router.cost.StatementKind;
import io.sluice.router.cost.StatementProfile;
import io.sluice.router.cost.TableReference;
import io.sluice.server.catalog.CatalogCache;
import io.sluice.server.catalog.EngineCatalogView;
import io.sluice.server.catalog.FileTables;
import io.sluice.server.catalog.SluiceCatalogs;
import io.sluice.server.session.Session;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.ErrorType;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.metadata.TableStatistics;
import org.apache.calcite.sql.SqlNode;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Resolves the tables of a parsed statement in Sluice's catalogs and asks the router for the engine. Which engine
 * reaches which table: a lakehouse table every engine attached to the lakehouse (DuckDB through Sluice's scans; Trino
 * and Spark when their catalogs list {@code lakehouse}); a table of an engine's own catalog
 * ({@code catalog.database.table}) the engines whose catalogs list it; any other name is in the session's catalog,
 * the default engine's (router.default-engine). No engine is asked anything: statistics come from the lakehouse's
 * snapshot summaries, health and catalogs from the router's background probes.
 */
public final class StatementRouting
{
    /**
     * A statement validated for an engine, and translated for it when it is sent there; or, for a write of Sluice's
     * catalogs that Sluice carries out for the engine (DuckDB's of lakehouse tables), that write ({@code sql} then
     * describes it).
     */
    public record Prepared(Engine engine, Validation validation, Optional<String> sql, Optional<SluiceCatalogs.Write> write)
    {
        public Prepared
        {
            requireNonNull(engine, "engine is null");
            requireNonNull(validation, "validation is null");
            requireNonNull(sql, "sql is null");
            requireNonNull(write, "write is null");
        }
    }

    /**
     * The router's decision for a statement, with what was prepared for each engine whose translation it asked.
     */
    public record Routed(StatementProfile profile, RouteDecision decision, Map<String, Prepared> prepared, Map<String, SluiceException> refusals,
            Map<String, SluiceException> unavailable)
    {
        public Routed
        {
            requireNonNull(profile, "profile is null");
            requireNonNull(decision, "decision is null");
            prepared = Map.copyOf(prepared);
            refusals = Map.copyOf(refusals);
            // In the order the engines were tried: the first is the one a statement failed over from.
            unavailable = Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
        }

        /** The chosen engine's statement; when no engine can run it, the error that says why. */
        public Prepared chosen(String defaultEngine)
        {
            if (decision.chosen().isPresent()) {
                return prepared.get(decision.chosen().get());
            }
            // An engine got as far as translating the statement and refused it: its error is the most precise one, with
            // its own code (a missing table stays TABLE_NOT_FOUND); the default engine's first, as without the router.
            SluiceException refusal = refusals.get(defaultEngine);
            if (refusal == null) {
                refusal = decision.candidates().stream().map(candidate -> refusals.get(candidate.engine())).filter(Objects::nonNull).findFirst().orElse(null);
            }
            if (refusal != null) {
                throw refusal;
            }
            Optional<SluiceException> failure = unavailable.values().stream().findFirst();
            if (failure.isPresent()) {
                throw failure.get();
            }
            boolean allDown = !decision.candidates().isEmpty() && decision.candidates().stream().allMatch(candidate -> candidate.reason().startsWith("unhealthy: "));
            throw new SluiceException(allDown ? ErrorCode.ENGINE_UNAVAILABLE : ErrorCode.NOT_SUPPORTED, decision.reason());
        }

        /** The decision in one line for the operation log: each engine's estimate and why it was or was not chosen. */
        public String summary()
        {
            return decision.candidates().stream()
                    .map(candidate -> format("%s%s %s: %s", candidate.engine(), candidate.chosen() ? " (chosen)" : candidate.feasible() ? "" : " (infeasible)",
                            candidate.cost().map(cost -> CostEstimate.seconds(cost.total())).orElse("-"), candidate.reason()))
                    .collect(Collectors.joining("; "));
        }
    }

    private static final Duration FIRST_PROBE_WAIT = Duration.ofSeconds(15);

    private final EngineRouter router;
    private final SluiceCatalogs catalogs;
    private final CostCorrections.Source corrections;
    private final CatalogCache catalogCache;

    public StatementRouting(EngineRouter router, SluiceCatalogs catalogs, CostCorrections.Source corrections, CatalogCache catalogCache)
    {
        this.router = requireNonNull(router, "router is null");
        this.catalogCache = requireNonNull(catalogCache, "catalogCache is null");
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
        this.corrections = requireNonNull(corrections, "corrections is null");
    }

    /** What the router knows of the statement: its shape, and each table it touches with its catalog, reach and size. */
    public StatementProfile profile(SqlNode statement, String currentDatabase)
    {
        StatementShape shape = StatementShape.of(statement);
        StatementKind kind = StatementKind.valueOf(shape.kind().name());
        List<TableReference> tables = shape.tables().stream().map(table -> resolve(table, currentDatabase)).toList();
        return new StatementProfile(kind, tables, shape.joins(), shape.aggregates(), shape.groups(), shape.sorts(), shape.limit());
    }

    private TableReference resolve(StatementShape.TableName table, String currentDatabase)
    {
        List<String> names = table.names();
        String database = names.size() == 1 ? currentDatabase : String.join(".", names.subList(0, names.size() - 1));
        String name = names.get(names.size() - 1);
        String qualified = database + "." + name;
        if (catalogs.contains(database)) {
            Optional<TableStatistics> statistics = Optional.empty();
            try {
                statistics = catalogs.scanEstimate(database, name, table.predicates());
            }
            catch (RuntimeException e) {
                // A table whose metadata cannot be read: its validation says so, on whichever engine is tried.
            }
            OptionalDouble rows = statistics.map(TableStatistics::rowCount).orElse(OptionalDouble.empty());
            OptionalDouble bytes = statistics.map(TableStatistics::dataBytes).orElse(OptionalDouble.empty());
            return new TableReference(qualified, "lakehouse", true, lakehouseReaders(), table.target(), rows, bytes);
        }
        Set<String> owners = owners(database);
        if (!owners.isEmpty()) {
            return new TableReference(qualified, database.substring(0, database.indexOf('.')).toLowerCase(Locale.ROOT), false, owners, table.target(),
                    OptionalDouble.empty(), OptionalDouble.empty());
        }
        // The session's catalog: the default engine's own tables, databases and the session's temporary views.
        String defaultEngine = router.defaultEngine();
        return new TableReference(qualified, defaultEngine, false, Set.of(defaultEngine), table.target(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** The engines whose own catalog holds a database {@code catalog.schema}, in the order of router.engines. */
    private Set<String> owners(String database)
    {
        int dot = database.indexOf('.');
        if (dot <= 0 || catalogs.contains(database)) {
            return Set.of();
        }
        String catalog = database.substring(0, dot).toLowerCase(Locale.ROOT);
        if (router.engines().stream().noneMatch(engine -> router.monitor().catalogs(engine.name()).map(known -> known.contains(catalog)).orElse(false))) {
            // Just after start the engines' catalogs may not be known yet: wait for their first probe, not longer.
            router.monitor().awaitFirstCatalogs(FIRST_PROBE_WAIT);
        }
        return router.engines().stream()
                .map(Engine::name)
                .filter(engine -> router.monitor().catalogs(engine).map(known -> known.contains(catalog)).orElse(false))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The healthy engine whose own catalog holds the database, if one does (for session commands such as {@code USE tpch.tiny}). */
    public Optional<String> ownerOf(String database)
    {
        Map<String, EngineState> states = router.monitor().states();
        return owners(database).stream().filter(engine -> states.getOrDefault(engine, EngineState.idle()).healthy()).findFirst();
    }

    /**
     * Which engines reach which catalog, as the router reads it: {@code lakehouse} first, then each engine's own
     * catalogs (as last probed) in name order.
     */
    public Map<String, Set<String>> catalogReach()
    {
        Map<String, Set<String>> reach = new LinkedHashMap<>();
        reach.put("lakehouse", lakehouseReaders());
        Map<String, Set<String>> own = new java.util.TreeMap<>();
        for (Engine engine : router.engines()) {
            for (String catalog : router.monitor().catalogs(engine.name()).orElse(Set.of())) {
                if (!catalog.equals("lakehouse")) {
                    own.computeIfAbsent(catalog, key -> new LinkedHashSet<>()).add(engine.name());
                }
            }
        }
        reach.putAll(own);
        return reach;
    }

    /** The engines that read lakehouse tables: DuckDB through Sluice's scans, the others when attached to the lakehouse (or not yet probed). */
    private Set<String> lakehouseReaders()
    {
        Set<String> readers = new LinkedHashSet<>();
        for (Engine engine : router.engines()) {
            boolean attached = Dialect.fromName(engine.dialect()) == Dialect.DUCKDB
                    || router.monitor().catalogs(engine.name()).map(known -> known.contains("lakehouse")).orElse(true);
            if (attached) {
                readers.add(engine.name());
            }
        }
        return readers;
    }

    /**
     * Routes the statement of a session that pins no engine: the cheapest feasible engine, its translation asked
     * cheapest first (every engine's when {@code explainAll}).
     */
    /**
     * @param statement a tree of the statement per call: Calcite's validator rewrites the tree it validates, so each
     *     engine's validation needs one of its own (the first call may return the parsed tree itself)
     */
    public Routed route(Supplier<SqlNode> statement, Session session, String source, String fingerprint, Optional<String> pinned, String pinSource, boolean translate,
            boolean explainAll)
    {
        SqlNode first = statement.get();
        StatementProfile profile = profile(first, session.currentDatabase());
        // The shape only reads the tree: the first engine's validation may still have it.
        AtomicReference<SqlNode> unvalidated = new AtomicReference<>(first);
        Map<String, Prepared> prepared = new LinkedHashMap<>();
        Map<String, SluiceException> refusals = new LinkedHashMap<>();
        Map<String, SluiceException> unavailable = new LinkedHashMap<>();
        RouteRequest request = new RouteRequest(session.user(), Set.of(), pinned, pinSource);
        RouteDecision decision = router.costRouter().route(profile, router.monitor().states(), request, engineName -> {
            Engine engine = router.engine(engineName).orElseThrow();
            try {
                SqlNode tree = unvalidated.getAndSet(null);
                prepared.put(engineName, prepare(engine, tree != null ? tree : statement.get(), session, source, translate));
                return Optional.empty();
            }
            catch (SluiceException e) {
                if (failsOver(e)) {
                    // The engine did not answer while the statement was validated for it: nothing ran there. A read
                    // goes on to the next engine; a write fails with the engine's error, never moved elsewhere.
                    if (!profile.kind().readOnly() && !explainAll) {
                        throw e;
                    }
                    unavailable.put(engineName, e);
                    router.monitor().markDown(engineName, e.getMessage());
                    return Optional.of("unavailable: " + e.getMessage());
                }
                refusals.put(engineName, e);
                return Optional.of("the statement does not translate: " + e.getMessage());
            }
        }, corrections.forStatement(fingerprint), explainAll);
        return new Routed(profile, decision, prepared, refusals, unavailable);
    }

    /** The statement validated against what the engine sees (Sluice's catalogs over the engine's own) and translated for it. */
    public Prepared prepare(Engine engine, SqlNode statement, Session session, String source, boolean translate)
    {
        EngineSession engineSession = session.engineSession(engine);
        Dialect dialect = session.dialect();
        CatalogView catalog = FileTables.over(catalogCache.cached(catalogs.view(engine, new EngineCatalogView(engineSession.metadata(), session.currentDatabase())),
                session.catalogEntries(catalogCache, engine.name())), engine.dialect(), () -> engineSession);
        Validation validation = Transpiler.validate(statement, dialect, catalog, session.currentDatabase()).withSource(source);
        Optional<SluiceCatalogs.Write> write = catalogs.write(engine, validation, dialect, session.currentDatabase());
        if (write.isPresent()) {
            return new Prepared(engine, validation, Optional.of(write.get().description()), write);
        }
        Optional<String> sql = translate
                ? Optional.of(Transpiler.unparse(validation, dialect, Dialect.fromName(engine.dialect()), engine::schemaName))
                : Optional.empty();
        return new Prepared(engine, validation, sql, Optional.empty());
    }

    /**
     * A table's column names, for column masks: as the first engine that reaches its catalog sees it (the lakehouse's
     * and the default engine's own tables on the default engine, an engine's own catalog on that engine), through the
     * catalog cache.
     */
    public Optional<List<String>> columnNames(Session session, String database, String table)
    {
        Set<String> owners = owners(database);
        List<String> engines = owners.isEmpty() ? List.of(router.defaultEngine()) : List.copyOf(owners);
        for (String name : engines) {
            Optional<Engine> engine = router.engine(name);
            if (engine.isEmpty()) {
                continue;
            }
            CatalogView catalog = catalogCache.cached(catalogs.view(engine.get(), new EngineCatalogView(session.engineSession(engine.get()).metadata(),
                    session.currentDatabase())), session.catalogEntries(catalogCache, name));
            Optional<List<String>> columns = catalog.columns(database, table).map(found -> found.stream().map(ColumnInfo::name).toList());
            if (columns.isPresent()) {
                return columns;
            }
        }
        return Optional.empty();
    }

    /** Whether a failure of a read-only statement on an engine lets it run on the next feasible one: the engine's fault, not the user's. */
    public static boolean failsOver(SluiceException failure)
    {
        return failure.errorCode().type() == ErrorType.EXTERNAL || failure.errorCode() == ErrorCode.ENGINE_OUT_OF_MEMORY;
    }
}
