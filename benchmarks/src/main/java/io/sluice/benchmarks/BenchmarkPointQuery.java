package io.sluice.benchmarks;

import io.sluice.server.testing.TestClients;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * A point query and a small aggregate on a 100,000-row DuckDB table, as a new user tries them: through Sluice with the
 * Hive JDBC driver (against a running Sluice, {@code --url jdbc:hive2://127.0.0.1:10009/default} as {@code bin/sluice
 * start} runs it, or one started here) and on DuckDB's own JDBC driver in-process, in one run, with the ratio. Every
 * answer is checked. Usage: {@code BenchmarkPointQuery [--url url] [iterations]}.
 */
public final class BenchmarkPointQuery
{
    static final String POINT = "SELECT v FROM bench_points WHERE id = 4242";
    static final String AGGREGATE = "SELECT count(*), sum(id) FROM bench_points WHERE id < 1000";

    private BenchmarkPointQuery() {}

    public record Results(double sluicePointMillis, double sluicePointP99Millis, double sluiceAggregateMillis, double duckDbPointMillis, double duckDbAggregateMillis) {}

    public static void main(String[] args)
            throws Exception
    {
        String url = null;
        int iterations = 2000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--url")) {
                url = args[++i];
            }
            else {
                iterations = Integer.parseInt(args[i]);
            }
        }
        Results results = url == null ? run(iterations) : run(url, iterations);
        System.out.printf("point query:     Sluice (Hive JDBC) median %.2f ms, p99 %.2f ms; DuckDB JDBC in-process %.3f ms; ratio %.1f%n",
                results.sluicePointMillis(), results.sluicePointP99Millis(), results.duckDbPointMillis(), results.sluicePointMillis() / results.duckDbPointMillis());
        System.out.printf("small aggregate: Sluice (Hive JDBC) median %.2f ms; DuckDB JDBC in-process %.3f ms; ratio %.1f%n",
                results.sluiceAggregateMillis(), results.duckDbAggregateMillis(), results.sluiceAggregateMillis() / results.duckDbAggregateMillis());
    }

    public static Results run(int iterations)
            throws Exception
    {
        try (EmbeddedSluice sluice = EmbeddedSluice.start()) {
            return run(sluice.binaryUrl(), iterations);
        }
    }

    public static Results run(String url, int iterations)
            throws Exception
    {
        double[] sluicePoint;
        double[] sluiceAggregate;
        try (Connection connection = TestClients.HIVE_JDBC.connect(url, "bench"); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_points");
            statement.execute("CREATE TABLE bench_points AS SELECT id, concat('v', id) AS v FROM range(100000)");
            sluicePoint = latencies(statement, POINT, iterations);
            sluiceAggregate = latencies(statement, AGGREGATE, iterations);
            statement.execute("DROP TABLE bench_points");
        }
        double[] duckDbPoint;
        double[] duckDbAggregate;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_points AS SELECT range AS id, 'v' || range AS v FROM range(100000)");
            duckDbPoint = latencies(statement, POINT, iterations);
            duckDbAggregate = latencies(statement, AGGREGATE, iterations);
        }
        return new Results(percentile(sluicePoint, 0.5), percentile(sluicePoint, 0.99), percentile(sluiceAggregate, 0.5), percentile(duckDbPoint, 0.5),
                percentile(duckDbAggregate, 0.5));
    }

    static double[] latencies(Statement statement, String query, int iterations)
            throws SQLException
    {
        for (int i = 0; i < Math.max(50, iterations / 5); i++) {
            check(statement, query);
        }
        double[] latencies = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            check(statement, query);
            latencies[i] = (System.nanoTime() - start) / 1e6;
        }
        return latencies;
    }

    private static void check(Statement statement, String query)
            throws SQLException
    {
        try (ResultSet result = statement.executeQuery(query)) {
            if (!result.next()) {
                throw new IllegalStateException("No row from " + query);
            }
            boolean right;
            if (query.equals(POINT)) {
                right = result.getString(1).equals("v4242");
            }
            else if (query.equals(AGGREGATE)) {
                right = result.getLong(1) == 1000 && result.getLong(2) == 499_500;
            }
            else {
                right = result.getInt(1) == 1;
            }
            if (!right || result.next()) {
                throw new IllegalStateException("A wrong answer from " + query);
            }
        }
    }

    private static double percentile(double[] values, double fraction)
    {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }
}
