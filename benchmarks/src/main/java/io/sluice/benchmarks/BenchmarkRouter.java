package io.sluice.benchmarks;

import io.sluice.server.SluiceServer;
import io.sluice.server.config.Settings;
import io.sluice.server.testing.LocalSparkExtension;
import io.sluice.server.testing.LocalTrinoExtension;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The router's report card, in one run: a mixed workload — TPC-H-style queries over lakehouse tables at several
 * scale factors (written by the local Trino from its tpch generator), point lookups, and a federated join with
 * Trino's own {@code tpch} catalog — run (a) routed by Sluice ({@code sluice.engine=auto}, after
 * {@code bin/sluice calibrate}'s calibration), (b) on each single engine where it can run everything, (c) on the best
 * engine per query in hindsight (the oracle: every feasible engine measured), and (d) on a random feasible engine (its
 * expected time: the mean over the feasible engines). Targets: routed ≤ 1.10 × oracle, ≥ 30% below random, never
 * worse than the best single engine. Usage: {@code BenchmarkRouter [scales, e.g. tiny,sf1] [runs]}.
 */
public final class BenchmarkRouter
{
    private static final List<String> ENGINES = List.of("duckdb", "trino", "spark");

    /** One query: each feasible engine's median, the engine the router chose and the routed median. */
    public record Measured(String name, Map<String, Double> engineMillis, String routedEngine, double routedMillis)
    {
        public String oracleEngine()
        {
            return engineMillis.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }

        public double oracleMillis()
        {
            return engineMillis.get(oracleEngine());
        }

        public double randomMillis()
        {
            return engineMillis.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
    }

    public record Results(List<Measured> queries)
    {
        public double routedTotal()
        {
            return queries.stream().mapToDouble(Measured::routedMillis).sum();
        }

        public double oracleTotal()
        {
            return queries.stream().mapToDouble(Measured::oracleMillis).sum();
        }

        public double randomTotal()
        {
            return queries.stream().mapToDouble(Measured::randomMillis).sum();
        }

        /** The engine's total, if it can run every query. */
        public Optional<Double> singleEngineTotal(String engine)
        {
            if (queries.stream().anyMatch(query -> !query.engineMillis().containsKey(engine))) {
                return Optional.empty();
            }
            return Optional.of(queries.stream().mapToDouble(query -> query.engineMillis().get(engine)).sum());
        }
    }

    private BenchmarkRouter() {}

    public static void main(String[] args)
            throws Exception
    {
        List<String> scales = List.of((args.length > 0 ? args[0] : "tiny,sf1").split(","));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Results results = run(scales, runs);
        System.out.println("| query | " + String.join(" ms | ", ENGINES) + " ms | routed | routed ms | oracle |");
        System.out.println("|---|" + "---|".repeat(ENGINES.size()) + "---|---|---|");
        for (Measured query : results.queries()) {
            StringBuilder row = new StringBuilder("| " + query.name() + " | ");
            for (String engine : ENGINES) {
                Double millis = query.engineMillis().get(engine);
                row.append(millis == null ? "infeasible" : String.format(Locale.ROOT, "%.1f", millis)).append(" | ");
            }
            row.append(query.routedEngine()).append(" | ").append(String.format(Locale.ROOT, "%.1f", query.routedMillis())).append(" | ").append(query.oracleEngine()).append(" |");
            System.out.println(row);
        }
        System.out.printf(Locale.ROOT, "Totals: routed %.1f ms, oracle %.1f ms (routed/oracle %.2f), random %.1f ms (routed %.0f%% less)%n",
                results.routedTotal(), results.oracleTotal(), results.routedTotal() / results.oracleTotal(), results.randomTotal(),
                100 * (1 - results.routedTotal() / results.randomTotal()));
        for (String engine : ENGINES) {
            System.out.println("Single engine " + engine + ": " + results.singleEngineTotal(engine).map(total -> String.format(Locale.ROOT, "%.1f ms", total))
                    .orElse("cannot run every query"));
        }
    }

    public static Results run(List<String> scales, int runs)
            throws Exception
    {
        LocalTrinoExtension trino = new LocalTrinoExtension();
        trino.beforeAll(null);
        LocalSparkExtension spark = new LocalSparkExtension();
        spark.beforeAll(null);
        Path data = Files.createTempDirectory("sluice-bench-router");
        SluiceServer server = SluiceServer.start(Settings.of(Map.of(
                "server.thrift.binary.port", "0",
                "server.thrift.http.port", "0",
                "server.rest.port", "10099",
                "router.engines", String.join(",", ENGINES),
                "engine.trino.endpoint", trino.endpoint(),
                "engine.spark.remote", spark.remote(),
                "server.data-directory", data.toString())));
        String url = "jdbc:hive2://127.0.0.1:" + server.binaryPort() + "/default";
        try (Connection viaTrino = TestClients.HIVE_JDBC.connect(url + "?sluice.engine=trino", "bench");
                Connection routed = TestClients.HIVE_JDBC.connect(url, "bench");
                Statement setup = viaTrino.createStatement(); Statement statement = routed.createStatement()) {
            List<String[]> queries = new ArrayList<>();
            for (String scale : scales) {
                String database = "lakehouse.router_" + scale;
                setup.execute("CREATE DATABASE IF NOT EXISTS " + database);
                for (String table : List.of("lineitem", "orders", "customer")) {
                    setup.execute("DROP TABLE IF EXISTS " + database + "." + table);
                    setup.execute("CREATE TABLE " + database + "." + table + " AS SELECT * FROM tpch." + scale + "." + table);
                }
                queries.add(new String[] {"Q1 " + scale, "SELECT returnflag, linestatus, sum(quantity), sum(extendedprice * (1 - discount)), avg(discount), count(*) FROM "
                        + database + ".lineitem WHERE shipdate <= DATE '1998-09-02' GROUP BY returnflag, linestatus ORDER BY returnflag, linestatus"});
                queries.add(new String[] {"Q3 " + scale, "SELECT l.orderkey, sum(l.extendedprice * (1 - l.discount)) AS revenue, o.orderdate, o.shippriority FROM "
                        + database + ".customer c JOIN " + database + ".orders o ON c.custkey = o.custkey JOIN " + database + ".lineitem l ON l.orderkey = o.orderkey "
                        + "WHERE c.mktsegment = 'BUILDING' AND o.orderdate < DATE '1995-03-15' AND l.shipdate > DATE '1995-03-15' "
                        + "GROUP BY l.orderkey, o.orderdate, o.shippriority ORDER BY revenue DESC, o.orderdate LIMIT 10"});
                queries.add(new String[] {"Q6 " + scale, "SELECT sum(extendedprice * discount) FROM " + database + ".lineitem WHERE shipdate >= DATE '1994-01-01' "
                        + "AND shipdate < DATE '1995-01-01' AND discount BETWEEN 0.05 AND 0.07 AND quantity < 24"});
                queries.add(new String[] {"point " + scale, "SELECT orderkey, totalprice, orderstatus FROM " + database + ".orders WHERE orderkey = 7"});
            }
            queries.add(new String[] {"federated", "SELECT n.name, count(*) FROM lakehouse.router_" + scales.get(0) + ".customer c JOIN tpch.tiny.nation n "
                    + "ON c.nationkey = n.nationkey GROUP BY n.name ORDER BY n.name"});

            HttpResponse<String> calibration = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:10099/api/v1/router/calibrate"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (calibration.statusCode() != 200) {
                throw new IllegalStateException("Calibration failed: " + calibration.body());
            }

            List<Measured> measured = new ArrayList<>();
            for (String[] query : queries) {
                Map<String, Double> engineMillis = new LinkedHashMap<>();
                for (String engine : feasible(statement, query[1])) {
                    String pinned = query[1].replaceFirst("^SELECT ", "SELECT /*+ ENGINE(" + engine + ") */ ");
                    engineMillis.put(engine, median(statement, pinned, runs));
                }
                double routedMillis = median(statement, query[1], runs);
                measured.add(new Measured(query[0], engineMillis, chosen(statement, query[1]), routedMillis));
            }
            return new Results(measured);
        }
        finally {
            server.close();
            SluiceServerExtension.deleteRecursively(data);
        }
    }

    private static List<String> feasible(Statement statement, String sql)
            throws SQLException
    {
        List<String> engines = new ArrayList<>();
        try (ResultSet explained = statement.executeQuery("EXPLAIN ROUTE " + sql)) {
            while (explained.next()) {
                if (explained.getBoolean("feasible")) {
                    engines.add(explained.getString("engine"));
                }
            }
        }
        return engines;
    }

    private static String chosen(Statement statement, String sql)
            throws SQLException
    {
        try (ResultSet explained = statement.executeQuery("EXPLAIN ROUTE " + sql)) {
            while (explained.next()) {
                if (explained.getBoolean("chosen")) {
                    return explained.getString("engine");
                }
            }
        }
        throw new IllegalStateException("No engine can run " + sql);
    }

    /** The median time of {@code runs} runs after one warm-up, reading every row. */
    private static double median(Statement statement, String sql, int runs)
            throws SQLException
    {
        read(statement, sql);
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            read(statement, sql);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        return BenchmarkGatewayEndToEnd.percentile(times, 0.5);
    }

    private static void read(Statement statement, String sql)
            throws SQLException
    {
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            int rows = 0;
            while (resultSet.next()) {
                rows++;
            }
            if (rows == 0) {
                throw new IllegalStateException("No rows: " + sql);
            }
        }
    }
}
