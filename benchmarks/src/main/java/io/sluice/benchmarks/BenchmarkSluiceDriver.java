package io.sluice.benchmarks;

import io.sluice.server.testing.TestClients;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.sluice.benchmarks.BenchmarkGatewayEndToEnd.percentile;
import static java.lang.String.format;

/**
 * Sluice's own JDBC driver side by side with the Apache Hive JDBC driver against the same Sluice, and DuckDB's JDBC
 * driver in-process, in one run: {@code SELECT 1} (median and p99), a point query and a small aggregate on a
 * 100,000-row DuckDB table (medians), and the fetch of a 3-column result (rows/s, best of the rounds). Every answer is
 * checked. Against a running Sluice ({@code --url jdbc:hive2://127.0.0.1:10009/default}, as {@code bin/sluice start}
 * serves it; Sluice's driver gets the same address as {@code jdbc:sluice://}) or an embedded one. Usage:
 * {@code BenchmarkSluiceDriver [--url url] [iterations=2000] [fetchRows=2000000] [rounds=3]}.
 */
public final class BenchmarkSluiceDriver
{
    private BenchmarkSluiceDriver() {}

    /** Per client: SELECT 1 median/p99, point and aggregate medians (ms), fetch rows/s; NaN where not measured. */
    public record Client(double selectOneMedian, double selectOneP99, double pointMedian, double aggregateMedian, double fetchRowsPerSecond) {}

    public static void main(String[] args)
            throws Exception
    {
        String url = null;
        int[] numbers = {2000, 2_000_000, 3};
        int positional = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--url")) {
                url = args[++i];
            }
            else {
                numbers[positional++] = Integer.parseInt(args[i]);
            }
        }
        Map<String, Client> results;
        if (url == null) {
            try (EmbeddedSluice sluice = EmbeddedSluice.start()) {
                results = run(sluice.binaryUrl(), numbers[0], numbers[1], numbers[2]);
            }
        }
        else {
            results = run(url, numbers[0], numbers[1], numbers[2]);
        }
        Client duckDb = results.get("DuckDB JDBC in-process");
        System.out.printf("%-26s %14s %12s %14s %14s %16s %8s%n", "client", "SELECT 1 p50", "p99", "point p50", "aggregate p50", "fetch rows/s", "fetch");
        results.forEach((name, client) -> System.out.printf("%-26s %11.3f ms %9.3f ms %11.3f ms %11.3f ms %,16.0f %8.2f%n", name,
                client.selectOneMedian(), client.selectOneP99(), client.pointMedian(), client.aggregateMedian(), client.fetchRowsPerSecond(),
                client.fetchRowsPerSecond() / duckDb.fetchRowsPerSecond()));
    }

    public static Map<String, Client> run(String hiveUrl, int iterations, int fetchRows, int rounds)
            throws Exception
    {
        String sparkFetch = format("SELECT id, id * 2 AS doubled, concat('row ', id) AS label FROM range(%s)", fetchRows);
        String duckDbFetch = format("SELECT range AS id, range * 2 AS doubled, 'row ' || range AS label FROM range(%s)", fetchRows);
        Map<String, double[]> selectOne = new LinkedHashMap<>();
        Map<String, double[]> point = new LinkedHashMap<>();
        Map<String, double[]> aggregate = new LinkedHashMap<>();
        Map<String, Double> fetch = new LinkedHashMap<>();
        try (Connection setup = TestClients.SLUICE_JDBC.connect(hiveUrl, "bench"); Statement statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_points");
            statement.execute("CREATE TABLE bench_points AS SELECT id, concat('v', id) AS v FROM range(100000)");
        }
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckDb.createStatement()) {
            statement.execute("CREATE TABLE bench_points AS SELECT range AS id, 'v' || range AS v FROM range(100000)");
            // Alternate the clients round by round: the machine's noise hurts all alike.
            for (int round = 0; round < rounds; round++) {
                // Each driver goes first every other round (the one after a 2M-row fetch meets its garbage).
                TestClients[] order = round % 2 == 0 ? new TestClients[] {TestClients.SLUICE_JDBC, TestClients.HIVE_JDBC}
                        : new TestClients[] {TestClients.HIVE_JDBC, TestClients.SLUICE_JDBC};
                for (TestClients client : order) {
                    String name = client == TestClients.SLUICE_JDBC ? "Sluice, Sluice JDBC" : "Sluice, Hive JDBC";
                    try (Connection connection = client.connect(hiveUrl, "bench"); Statement sluice = connection.createStatement()) {
                        selectOne.merge(name, BenchmarkPointQuery.latencies(sluice, "SELECT 1 AS one", iterations), BenchmarkSluiceDriver::concat);
                        point.merge(name, BenchmarkPointQuery.latencies(sluice, BenchmarkPointQuery.POINT, iterations), BenchmarkSluiceDriver::concat);
                        aggregate.merge(name, BenchmarkPointQuery.latencies(sluice, BenchmarkPointQuery.AGGREGATE, iterations), BenchmarkSluiceDriver::concat);
                        fetch.merge(name, BenchmarkGatewayEndToEnd.rowsPerSecond(sluice, sparkFetch, fetchRows), Math::max);
                    }
                }
                String name = "DuckDB JDBC in-process";
                selectOne.merge(name, BenchmarkPointQuery.latencies(statement, "SELECT 1 AS one", iterations), BenchmarkSluiceDriver::concat);
                point.merge(name, BenchmarkPointQuery.latencies(statement, BenchmarkPointQuery.POINT, iterations), BenchmarkSluiceDriver::concat);
                aggregate.merge(name, BenchmarkPointQuery.latencies(statement, BenchmarkPointQuery.AGGREGATE, iterations), BenchmarkSluiceDriver::concat);
                fetch.merge(name, BenchmarkGatewayEndToEnd.rowsPerSecond(statement, duckDbFetch, fetchRows), Math::max);
            }
        }
        try (Connection cleanup = TestClients.SLUICE_JDBC.connect(hiveUrl, "bench"); Statement statement = cleanup.createStatement()) {
            statement.execute("DROP TABLE bench_points");
        }
        Map<String, Client> results = new LinkedHashMap<>();
        for (String name : selectOne.keySet()) {
            results.put(name, new Client(percentile(selectOne.get(name), 0.5), percentile(selectOne.get(name), 0.99), percentile(point.get(name), 0.5),
                    percentile(aggregate.get(name), 0.5), fetch.get(name)));
        }
        return results;
    }

    private static double[] concat(double[] first, double[] second)
    {
        double[] all = new double[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
