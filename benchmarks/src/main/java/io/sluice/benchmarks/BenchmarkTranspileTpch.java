package io.sluice.benchmarks;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import io.sluice.dialects.analyze.StatementShape;
import io.sluice.dialects.corpus.Corpus;
import io.sluice.dialects.corpus.CorpusQuery;
import io.sluice.dialects.validate.CatalogView;
import io.sluice.engine.duckdb.DuckDbEngine;
import io.sluice.engine.flink.FlinkEngine;
import io.sluice.engine.spark.SparkEngine;
import io.sluice.engine.trino.TrinoEngine;
import io.sluice.router.cost.CostRouter;
import io.sluice.router.cost.EngineProfile;
import io.sluice.router.cost.RouteDecision;
import io.sluice.router.cost.RouteRequest;
import io.sluice.router.cost.StatementKind;
import io.sluice.router.cost.StatementProfile;
import io.sluice.router.cost.TableReference;
import io.sluice.router.cost.TranslationCheck;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.type.SluiceType;
import org.apache.calcite.sql.SqlNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static io.sluice.dialects.testing.TestingCatalog.tableColumns;

/**
 * The dialect layer's front end on each of the 22 TPC-H queries (Spark SQL): parse, validate against the TPC-H
 * catalog, translate and write for DuckDB; and the same with the router's choice among four engines in between.
 * Target: median at most 1 ms per query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = "-Xmx1g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class BenchmarkTranspileTpch
{
    @Param({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22"})
    public int query;

    private String sql;
    private SqlNode parsed;

    @Setup
    public void setUp()
    {
        sql = tpchQueries().get(query - 1);
        parsed = Transpiler.parse(sql, Dialect.SPARK);
    }

    /** The router's own share: the parsed statement's shape and tables, and the choice among four engines. */
    @Benchmark
    public RouteDecision routeOnly()
    {
        return ROUTER.route(profile(parsed), Map.of(), RouteRequest.auto("bench"), TranslationCheck.acceptAll(), false);
    }

    @Benchmark
    public String parseValidateTranspile()
    {
        return transpile(sql);
    }

    /**
     * What a statement of a session with {@code sluice.engine=auto} costs before it reaches an engine: parse, the
     * statement's shape and tables, the router's choice among four engines (costed from the tables' statistics), and
     * validation and translation for the chosen one.
     */
    @Benchmark
    public String parseRouteTranspile()
    {
        return route(sql);
    }

    private static final CostRouter ROUTER = new CostRouter(
            List.of(EngineProfile.defaults("duckdb", DuckDbEngine.routerProfile(16e9)), EngineProfile.defaults("trino", TrinoEngine.ROUTER_PROFILE),
                    EngineProfile.defaults("spark", SparkEngine.ROUTER_PROFILE), EngineProfile.defaults("flink", FlinkEngine.ROUTER_PROFILE)), List.of());

    /** TPC-H scale factor 1: rows and Parquet bytes per table. */
    private static final Map<String, double[]> SF1 = Map.of(
            "region", new double[] {5, 1e3}, "nation", new double[] {25, 2e3}, "supplier", new double[] {1e4, 8e5},
            "customer", new double[] {1.5e5, 1.2e7}, "part", new double[] {2e5, 7e6}, "partsupp", new double[] {8e5, 4.5e7},
            "orders", new double[] {1.5e6, 6e7}, "lineitem", new double[] {6e6, 2.1e8});

    static String route(String sql)
    {
        SqlNode parsed = Transpiler.parse(sql, Dialect.SPARK);
        StatementProfile profile = profile(parsed);
        String[] translated = new String[1];
        RouteDecision decision = ROUTER.route(profile, Map.of(), RouteRequest.auto("bench"), engine -> {
            translated[0] = Transpiler.unparse(Transpiler.validate(parsed, Dialect.SPARK, TpchCatalog.INSTANCE, "default"), Dialect.SPARK,
                    Dialect.fromName(engine), UnaryOperator.identity());
            return Optional.empty();
        }, false);
        return decision.chosen().orElseThrow() + ": " + translated[0];
    }

    /** The statement as the router sees it: its shape, and its tables as lakehouse tables of scale factor 1. */
    static StatementProfile profile(SqlNode parsed)
    {
        StatementShape shape = StatementShape.of(parsed);
        List<TableReference> tables = new ArrayList<>();
        for (StatementShape.TableName table : shape.tables()) {
            String name = table.names().get(table.names().size() - 1).toLowerCase(Locale.ROOT);
            double[] size = SF1.getOrDefault(name, new double[] {0, 0});
            tables.add(new TableReference("lakehouse.tpch." + name, "lakehouse", true, Set.of("duckdb", "trino", "spark"), table.target(),
                    OptionalDouble.of(size[0]), OptionalDouble.of(size[1])));
        }
        return new StatementProfile(StatementKind.valueOf(shape.kind().name()), tables, shape.joins(), shape.aggregates(), shape.groups(),
                shape.sorts(), shape.limit());
    }

    static String transpile(String sql)
    {
        return Transpiler.unparse(Transpiler.validate(Transpiler.parse(sql, Dialect.SPARK), Dialect.SPARK, TpchCatalog.INSTANCE, "default"),
                Dialect.SPARK, Dialect.DUCKDB, UnaryOperator.identity());
    }

    static List<String> tpchQueries()
    {
        List<String> queries = new ArrayList<>();
        for (CorpusQuery query : Corpus.queries()) {
            if (query.family().equals("tpch")) {
                queries.add(query.sql());
            }
        }
        return queries;
    }

    public static void main(String[] args)
            throws Exception
    {
        new Runner(new OptionsBuilder().include(BenchmarkTranspileTpch.class.getSimpleName()).build()).run();
    }

    /** The TPC-H schema, as the corpus creates it. */
    static final class TpchCatalog
            implements CatalogView
    {
        private static final SluiceType MONEY = SluiceType.decimal(15, 2);
        static final TpchCatalog INSTANCE = new TpchCatalog();
        private final Map<String, List<ColumnInfo>> tables = Map.of(
                "region", tableColumns("default", "region",
                        "r_regionkey", SluiceType.INTEGER, "r_name", SluiceType.STRING, "r_comment", SluiceType.STRING),
                "nation", tableColumns("default", "nation",
                        "n_nationkey", SluiceType.INTEGER, "n_name", SluiceType.STRING, "n_regionkey", SluiceType.INTEGER,
                        "n_comment", SluiceType.STRING),
                "supplier", tableColumns("default", "supplier",
                        "s_suppkey", SluiceType.BIGINT, "s_name", SluiceType.STRING, "s_address", SluiceType.STRING,
                        "s_nationkey", SluiceType.INTEGER, "s_phone", SluiceType.STRING, "s_acctbal", MONEY, "s_comment", SluiceType.STRING),
                "customer", tableColumns("default", "customer",
                        "c_custkey", SluiceType.BIGINT, "c_name", SluiceType.STRING, "c_address", SluiceType.STRING,
                        "c_nationkey", SluiceType.INTEGER, "c_phone", SluiceType.STRING, "c_acctbal", MONEY, "c_mktsegment", SluiceType.STRING,
                        "c_comment", SluiceType.STRING),
                "part", tableColumns("default", "part",
                        "p_partkey", SluiceType.BIGINT, "p_name", SluiceType.STRING, "p_mfgr", SluiceType.STRING,
                        "p_brand", SluiceType.STRING, "p_type", SluiceType.STRING, "p_size", SluiceType.INTEGER, "p_container", SluiceType.STRING,
                        "p_retailprice", MONEY, "p_comment", SluiceType.STRING),
                "partsupp", tableColumns("default", "partsupp",
                        "ps_partkey", SluiceType.BIGINT, "ps_suppkey", SluiceType.BIGINT, "ps_availqty", SluiceType.INTEGER,
                        "ps_supplycost", MONEY, "ps_comment", SluiceType.STRING),
                "orders", tableColumns("default", "orders",
                        "o_orderkey", SluiceType.BIGINT, "o_custkey", SluiceType.BIGINT, "o_orderstatus", SluiceType.STRING,
                        "o_totalprice", MONEY, "o_orderdate", SluiceType.DATE, "o_orderpriority", SluiceType.STRING, "o_clerk", SluiceType.STRING,
                        "o_shippriority", SluiceType.INTEGER, "o_comment", SluiceType.STRING),
                "lineitem", tableColumns("default", "lineitem",
                        "l_orderkey", SluiceType.BIGINT, "l_partkey", SluiceType.BIGINT, "l_suppkey", SluiceType.BIGINT,
                        "l_linenumber", SluiceType.INTEGER, "l_quantity", MONEY, "l_extendedprice", MONEY, "l_discount", MONEY, "l_tax", MONEY,
                        "l_returnflag", SluiceType.STRING, "l_linestatus", SluiceType.STRING, "l_shipdate", SluiceType.DATE,
                        "l_commitdate", SluiceType.DATE, "l_receiptdate", SluiceType.DATE, "l_shipinstruct", SluiceType.STRING,
                        "l_shipmode", SluiceType.STRING, "l_comment", SluiceType.STRING));

        @Override
        public boolean databaseExists(String database)
        {
            return database.equalsIgnoreCase("default");
        }

        @Override
        public Optional<List<ColumnInfo>> columns(String database, String table)
        {
            return databaseExists(database) ? Optional.ofNullable(tables.get(table.toLowerCase(Locale.ROOT))) : Optional.empty();
        }
    }
}
