package io.sluice.router.cost;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Decisions on synthetic statistics and profiles: no engine runs, nothing is timed. */
class TestCostRouter
{
    private static final Set<String> ALL = Set.of("duckdb", "trino", "spark", "flink");
    private static final Set<String> LAKEHOUSE_READERS = Set.of("duckdb", "trino", "spark");
    private static final double MB = 1e6;
    private static final double TB = 1e12;

    private static EngineProfile duckDb()
    {
        // An 8-core, 32 GB machine, stated so the test does not depend on the machine it runs on.
        return TestingProfiles.from("duckdb", Map.of("router.profile.duckdb.cores-per-worker", "8", "router.profile.duckdb.memory-per-worker", "25GB"));
    }

    private static EngineProfile trino(int workers)
    {
        return TestingProfiles.from("trino", Map.of("router.profile.trino.workers", Integer.toString(workers),
                "router.profile.trino.cores-per-worker", "16", "router.profile.trino.memory-per-worker", "64GB"));
    }

    private static EngineProfile spark()
    {
        return TestingProfiles.from("spark", Map.of("router.profile.spark.workers", "10", "router.profile.spark.cores-per-worker", "8",
                "router.profile.spark.startup", "90s"));
    }

    private static EngineProfile flink()
    {
        return TestingProfiles.from("flink", Map.of("router.profile.flink.cores-per-worker", "4"));
    }

    private static CostRouter router(List<RoutingPolicy> policies)
    {
        return new CostRouter(List.of(duckDb(), trino(20), spark(), flink()), policies);
    }

    private static TableReference lakehouseTable(String name, double bytes)
    {
        return new TableReference("lakehouse." + name, "lakehouse", true, LAKEHOUSE_READERS, false, OptionalDouble.of(bytes / 100), OptionalDouble.of(bytes));
    }

    private static StatementProfile query(TableReference... tables)
    {
        return new StatementProfile(StatementKind.QUERY, List.of(tables), tables.length - 1, true, true, false, OptionalLong.empty());
    }

    private static StatementProfile globalAggregate(TableReference table)
    {
        return new StatementProfile(StatementKind.QUERY, List.of(table), 0, true, false, false, OptionalLong.empty());
    }

    private static RouteDecision route(CostRouter router, StatementProfile statement)
    {
        return router.route(statement, Map.of(), RouteRequest.auto("alice"), TranslationCheck.acceptAll(), true);
    }

    @Test
    void megabytesGoToDuckDb()
    {
        RouteDecision decision = route(router(List.of()), query(lakehouseTable("sales.orders", 50 * MB)));
        assertThat(decision.chosen()).contains("duckdb");
        assertThat(decision.candidates()).extracting(Candidate::engine).startsWith("duckdb");
        assertThat(decision.candidate("flink").orElseThrow().feasible()).isFalse();
        assertThat(decision.candidate("flink").orElseThrow().reason()).contains("does not reach catalog lakehouse");
        assertThat(decision.candidate("trino").orElseThrow().reason()).isEqualTo("not chosen: duckdb is cheaper");
        assertThat(decision.reason()).startsWith("cheapest feasible engine");
    }

    @Test
    void terabytesGoToTheTwentyWorkerTrino()
    {
        RouteDecision decision = route(router(List.of()), query(lakehouseTable("sales.orders", 5 * TB)));
        assertThat(decision.chosen()).contains("trino");
        Candidate duckDb = decision.candidate("duckdb").orElseThrow();
        Candidate trino = decision.candidate("trino").orElseThrow();
        assertThat(duckDb.cost().orElseThrow().total()).isGreaterThan(10 * trino.cost().orElseThrow().total());
    }

    @Test
    void aWorkingSetBeyondDuckDbsMemoryGoesElsewhere()
    {
        // Two 200 GB tables joined: a scan DuckDB could finish, a build side it cannot hold in 25 GB.
        StatementProfile join = query(lakehouseTable("sales.orders", 200e9), lakehouseTable("sales.lines", 200e9));
        CostRouter router = new CostRouter(List.of(duckDb(), trino(20)), List.of());
        RouteDecision decision = route(router, join);
        assertThat(decision.chosen()).contains("trino");
        // The build side (200 GB) and a fifth of the grouped input (80 GB).
        assertThat(decision.candidate("duckdb").orElseThrow().reason()).isEqualTo("working set of about 280.0 GB exceeds its memory of 25.0 GB");
    }

    @Test
    void aJoinWithATrinoOnlyCatalogGoesToTrino()
    {
        TableReference tpch = new TableReference("tpch.tiny.nation", "tpch", false, Set.of("trino"), false, OptionalDouble.empty(), OptionalDouble.empty());
        RouteDecision decision = route(router(List.of()), query(lakehouseTable("sales.customers", 10 * MB), tpch));
        assertThat(decision.chosen()).contains("trino");
        assertThat(decision.candidate("duckdb").orElseThrow().reason()).isEqualTo("does not reach catalog tpch (tpch.tiny.nation; reached by trino)");
    }

    @Test
    void anUnboundedFlinkTableGoesToFlink()
    {
        TableReference clicks = new TableReference("default_catalog.default_database.clicks", "default_catalog", false, Set.of("flink"), false,
                OptionalDouble.empty(), OptionalDouble.empty());
        RouteDecision decision = route(router(List.of()), query(clicks));
        assertThat(decision.chosen()).contains("flink");
        assertThat(decision.candidates()).filteredOn(Candidate::feasible).extracting(Candidate::engine).containsExactly("flink");
    }

    @Test
    void aConstructDuckDbRefusesGoesToTheNextEngine()
    {
        TranslationCheck check = engine -> engine.equals("duckdb") ? Optional.of("the statement does not translate: Not supported on duckdb: function percentile_approx") : Optional.empty();
        RouteDecision decision = router(List.of()).route(query(lakehouseTable("sales.orders", 50 * MB)), Map.of(), RouteRequest.auto("alice"), check, false);
        assertThat(decision.chosen()).contains("trino");
        Candidate duckDb = decision.candidate("duckdb").orElseThrow();
        assertThat(duckDb.feasible()).isFalse();
        assertThat(duckDb.reason()).isEqualTo("the statement does not translate: Not supported on duckdb: function percentile_approx");
        assertThat(decision.fallbacks("trino")).containsExactly("spark");
    }

    @Test
    void translationsAreAskedCheapestFirstAndOnlyUntilOneIsAccepted()
    {
        List<String> asked = new java.util.ArrayList<>();
        TranslationCheck check = engine -> {
            asked.add(engine);
            return Optional.empty();
        };
        RouteDecision decision = router(List.of()).route(query(lakehouseTable("sales.orders", 50 * MB)), Map.of(), RouteRequest.auto("alice"), check, false);
        assertThat(decision.chosen()).contains("duckdb");
        assertThat(asked).containsExactly("duckdb");
        assertThat(decision.fallbacks("duckdb")).containsExactly("trino", "spark");
    }

    @Test
    void aPolicyDeniesAnEngine()
    {
        RoutingPolicy policy = new RoutingPolicy("analysts-off-duckdb", Set.of(), Set.of("analysts"), Set.of(), Set.of("trino", "spark"), Optional.empty(), Map.of());
        CostRouter router = router(List.of(policy));
        StatementProfile statement = query(lakehouseTable("sales.orders", 50 * MB));
        RouteDecision analyst = router.route(statement, Map.of(), new RouteRequest("bob", Set.of("analysts"), Optional.empty(), "sluice.engine=auto"), TranslationCheck.acceptAll(), true);
        assertThat(analyst.chosen()).contains("trino");
        assertThat(analyst.candidate("duckdb").orElseThrow().reason()).isEqualTo("routing policy analysts-off-duckdb does not allow it (allowed: spark, trino)");
        // Not in the group: the policy does not apply.
        assertThat(route(router, statement).chosen()).contains("duckdb");
    }

    @Test
    void aPolicyPrefersAnEngineAndCapsAnother()
    {
        RoutingPolicy prefer = new RoutingPolicy("etl", Set.of("etl"), Set.of(), Set.of(), Set.of(), Optional.of("spark"), Map.of());
        RoutingPolicy cap = new RoutingPolicy("small-duckdb", Set.of(), Set.of(), Set.of("lakehouse.sales"), Set.of(), Optional.empty(), Map.of("duckdb", 1.0));
        CostRouter router = router(List.of(prefer, cap));
        RouteDecision etl = router.route(query(lakehouseTable("sales.orders", 50 * MB)), Map.of(), RouteRequest.auto("etl"), TranslationCheck.acceptAll(), true);
        assertThat(etl.chosen()).contains("spark");
        assertThat(etl.reason()).isEqualTo("preferred by routing policy etl");
        assertThat(etl.candidate("duckdb").orElseThrow().reason()).isEqualTo("not chosen: spark is preferred");

        // 100 GB on DuckDB: about 31 s, over the 1 s ceiling for lakehouse.sales; on the 20-worker Trino, well under.
        RouteDecision capped = route(router, new StatementProfile(StatementKind.QUERY, List.of(lakehouseTable("sales.orders", 100e9)), 0, true, false, false, OptionalLong.empty()));
        assertThat(capped.candidate("duckdb").orElseThrow().reason()).startsWith("estimated ").contains("exceeds the ceiling 1.0000s of routing policy small-duckdb");
        assertThat(capped.chosen()).contains("trino");
    }

    @Test
    void aColdSparkClusterPaysItsStartUp()
    {
        CostRouter router = new CostRouter(List.of(trino(1), spark()), List.of());
        StatementProfile statement = globalAggregate(lakehouseTable("sales.orders", 1e12));
        // Warm: ten 8-core executors scan 1 TB faster than one 16-core Trino worker.
        assertThat(route(router, statement).chosen()).contains("spark");
        RouteDecision cold = router.route(statement, Map.of("spark", new EngineState(true, "", 0, 0, true)), RouteRequest.auto("alice"), TranslationCheck.acceptAll(), true);
        CostEstimate sparkCost = cold.candidate("spark").orElseThrow().cost().orElseThrow();
        assertThat(sparkCost.fixed()).isEqualTo(90.3, org.assertj.core.data.Offset.offset(1e-9));
        // 1 TB: Spark's 80 cores at 100 MB/s = 125 s + 90 s start-up; Trino's 16 cores at 150 MB/s = 417 s. Spark still wins.
        assertThat(cold.chosen()).contains("spark");
        StatementProfile smaller = globalAggregate(lakehouseTable("sales.orders", 100e9));
        assertThat(route(router, smaller).chosen()).contains("spark");
        RouteDecision coldSmaller = router.route(smaller, Map.of("spark", new EngineState(true, "", 0, 0, true)), RouteRequest.auto("alice"), TranslationCheck.acceptAll(), true);
        assertThat(coldSmaller.chosen()).contains("trino");
    }

    @Test
    void queueingAndHealthCount()
    {
        CostRouter router = new CostRouter(List.of(duckDb(), trino(1)), List.of());
        StatementProfile statement = query(lakehouseTable("sales.orders", 4e9));
        assertThat(route(router, statement).chosen()).contains("duckdb");
        RouteDecision busy = router.route(statement, Map.of("duckdb", new EngineState(true, "", 6, 10, false)), RouteRequest.auto("alice"), TranslationCheck.acceptAll(), true);
        assertThat(busy.candidate("duckdb").orElseThrow().cost().orElseThrow().queue()).isGreaterThan(0);
        assertThat(busy.chosen()).contains("trino");
        RouteDecision down = router.route(statement, Map.of("duckdb", EngineState.down("connection refused")), RouteRequest.auto("alice"), TranslationCheck.acceptAll(), true);
        assertThat(down.chosen()).contains("trino");
        assertThat(down.candidate("duckdb").orElseThrow().reason()).isEqualTo("unhealthy: connection refused");
    }

    @Test
    void writesToTheLakehouseGoToEnginesThatWriteIt()
    {
        TableReference target = new TableReference("lakehouse.sales.orders", "lakehouse", true, LAKEHOUSE_READERS, true, OptionalDouble.of(0), OptionalDouble.of(0));
        StatementProfile insert = new StatementProfile(StatementKind.WRITE, List.of(target, lakehouseTable("sales.staging", 10 * MB)), 0, false, false, false, OptionalLong.empty());
        // DuckDB writes them (Sluice commits the files it writes): the cheapest for megabytes.
        assertThat(route(router(List.of()), insert).chosen()).contains("duckdb");
        CostRouter readOnlyDuckDb = new CostRouter(List.of(TestingProfiles.from("duckdb", Map.of("router.profile.duckdb.writes-lakehouse", "false")),
                trino(4), spark()), List.of());
        RouteDecision decision = route(readOnlyDuckDb, insert);
        assertThat(decision.chosen()).contains("trino");
        assertThat(decision.candidate("duckdb").orElseThrow().reason()).isEqualTo("reads lakehouse tables but does not write them (lakehouse.sales.orders)");

        StatementProfile delete = new StatementProfile(StatementKind.ROW_LEVEL_WRITE, List.of(target), 0, false, false, false, OptionalLong.empty());
        CostRouter noRowLevelTrino = new CostRouter(List.of(duckDb(), TestingProfiles.from("trino", Map.of("router.profile.trino.row-level-lakehouse", "false")), spark()), List.of());
        RouteDecision deleted = route(noRowLevelTrino, delete);
        assertThat(deleted.chosen()).contains("spark");
        assertThat(deleted.candidate("trino").orElseThrow().reason()).isEqualTo("does not run DELETE, UPDATE or MERGE on lakehouse tables (lakehouse.sales.orders)");
    }

    @Test
    void thePinnedEngineIsTheOnlyChoice()
    {
        StatementProfile statement = query(lakehouseTable("sales.orders", 50 * MB));
        RouteDecision pinned = router(List.of()).route(statement, Map.of(), new RouteRequest("alice", Set.of(), Optional.of("spark"), "sluice.engine=spark"),
                TranslationCheck.acceptAll(), true);
        assertThat(pinned.chosen()).contains("spark");
        assertThat(pinned.reason()).isEqualTo("pinned by sluice.engine=spark");
        assertThat(pinned.candidate("duckdb").orElseThrow().reason()).isEqualTo("not chosen: sluice.engine=spark pins spark");

        RouteDecision unreachable = router(List.of()).route(statement, Map.of(), new RouteRequest("alice", Set.of(), Optional.of("flink"), "hint /*+ ENGINE(flink) */"),
                TranslationCheck.acceptAll(), true);
        assertThat(unreachable.chosen()).isEmpty();
        assertThat(unreachable.reason()).startsWith("Engine flink pinned by hint /*+ ENGINE(flink) */ cannot run the statement (flink: does not reach catalog lakehouse");

        RouteDecision notRunning = new CostRouter(List.of(duckDb()), List.of()).route(statement, Map.of(), new RouteRequest("alice", Set.of(), Optional.of("trino"), "sluice.engine=trino"),
                TranslationCheck.acceptAll(), true);
        assertThat(notRunning.chosen()).isEmpty();
        assertThat(notRunning.reason()).isEqualTo("Engine 'trino' pinned by sluice.engine=trino is not running on this server (running: duckdb)");
    }

    @Test
    void noFeasibleEngineSaysWhyForEach()
    {
        TableReference nowhere = new TableReference("hive.web.logs", "hive", false, Set.of(), false, OptionalDouble.empty(), OptionalDouble.empty());
        RouteDecision decision = route(new CostRouter(List.of(duckDb(), trino(1)), List.of()), query(nowhere));
        assertThat(decision.chosen()).isEmpty();
        assertThat(decision.reason()).isEqualTo("No engine can run the statement (duckdb: no engine reaches catalog hive (hive.web.logs); "
                + "trino: no engine reaches catalog hive (hive.web.logs))");
    }

    @Test
    void tiesGoToTheEngineNamedFirst()
    {
        EngineProfile a = TestingProfiles.from("trino", Map.of("router.profile.trino.fixed-latency", "10ms", "router.profile.trino.result-row-cost", "1us"));
        EngineProfile b = TestingProfiles.from("spark", Map.of("router.profile.spark.fixed-latency", "10ms", "router.profile.spark.result-row-cost", "1us"));
        TableReference unknown = new TableReference("default.t", "default", false, Set.of("trino", "spark"), false, OptionalDouble.empty(), OptionalDouble.empty());
        assertThat(route(new CostRouter(List.of(b, a), List.of()), query(unknown)).chosen()).contains("spark");
        assertThat(route(new CostRouter(List.of(a, b), List.of()), query(unknown)).chosen()).contains("trino");
    }

    @Test
    void historyOfTheShapeCorrectsTheEstimate()
    {
        CostRouter router = new CostRouter(List.of(duckDb(), trino(20)), List.of());
        StatementProfile statement = query(lakehouseTable("sales.orders", 100 * MB));
        assertThat(route(router, statement).chosen()).contains("duckdb");
        double estimated = route(router, statement).candidate("duckdb").orElseThrow().cost().orElseThrow().total();
        RouteHistory history = new RouteHistory();
        // Statements of this shape took forty times DuckDB's estimate (a skewed join, say); Trino's estimate held.
        for (int run = 0; run < 5; run++) {
            history.record("shape", "duckdb", estimated, estimated * 40);
        }
        history.record("shape", "duckdb", estimated, estimated * 2);
        assertThat(history.factor("shape", "duckdb")).hasValue(40.0);
        assertThat(history.runs("shape", "duckdb")).isEqualTo(6);
        RouteDecision corrected = router.route(statement, Map.of(), RouteRequest.auto("alice"), TranslationCheck.acceptAll(), history.forStatement("shape"), true);
        assertThat(corrected.chosen()).contains("trino");
        CostEstimate duckDbCost = corrected.candidate("duckdb").orElseThrow().cost().orElseThrow();
        assertThat(duckDbCost.history()).isEqualTo(40.0);
        assertThat(duckDbCost.total()).isEqualTo(estimated * 40, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(duckDbCost.terms()).endsWith(" x history 40.000");
        // Another shape is not corrected.
        assertThat(router.route(statement, Map.of(), RouteRequest.auto("alice"), TranslationCheck.acceptAll(), history.forStatement("other"), true).chosen())
                .contains("duckdb");
    }
}
