package io.sluice.benchmarks;

import io.sluice.server.testing.TestClients;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import static java.lang.String.format;

/**
 * In one run: (a) latency of {@code SELECT 1} through the Apache Hive JDBC driver against Sluice, (b) rows per
 * second fetching a 3-column result through the Hive JDBC driver from Sluice and through DuckDB's own JDBC driver
 * in-process, with the ratio. Usage: {@code BenchmarkGatewayEndToEnd [latencyIterations] [fetchRows]}.
 */
public final class BenchmarkGatewayEndToEnd
{
    private BenchmarkGatewayEndToEnd() {}

    public record Results(double selectOneMedianMillis, double selectOneP99Millis, double sluiceRowsPerSecond, double duckDbRowsPerSecond)
    {
        public double fetchRatio()
        {
            return sluiceRowsPerSecond / duckDbRowsPerSecond;
        }
    }

    public static void main(String[] args)
            throws Exception
    {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        Results results = run(iterations, rows, 3);
        System.out.printf("SELECT 1 through Hive JDBC -> Sluice: median %.3f ms, p99 %.3f ms (%d iterations)%n",
                results.selectOneMedianMillis(), results.selectOneP99Millis(), iterations);
        System.out.printf("Fetch %,d rows x 3 columns: Sluice via Hive JDBC %,.0f rows/s, DuckDB JDBC in-process %,.0f rows/s, ratio %.2f%n",
                rows, results.sluiceRowsPerSecond(), results.duckDbRowsPerSecond(), results.fetchRatio());
    }

    public static Results run(int iterations, int rows, int fetchRounds)
            throws Exception
    {
        try (EmbeddedSluice embedded = EmbeddedSluice.start()) {
            String url = embedded.binaryUrl();
            double[] latencies = selectOneLatencies(url, iterations);
            // The same rows: Sluice reads Spark SQL and translates it; DuckDB's JDBC driver reads DuckDB's dialect.
            String sparkQuery = format("SELECT id, id * 2 AS doubled, concat('row ', id) AS label FROM range(%s)", rows);
            String duckDbQuery = format("SELECT range AS id, range * 2 AS doubled, 'row ' || range AS label FROM range(%s)", rows);
            double sluice = 0;
            double duckDb = 0;
            // Alternate the two, keep the best round of each: the machine's noise hurts both alike.
            for (int round = 0; round < fetchRounds; round++) {
                sluice = Math.max(sluice, rowsPerSecond(TestClients.HIVE_JDBC.connect(url, "bench"), sparkQuery, rows));
                duckDb = Math.max(duckDb, rowsPerSecond(DriverManager.getConnection("jdbc:duckdb:"), duckDbQuery, rows));
            }
            return new Results(percentile(latencies, 0.5), percentile(latencies, 0.99), sluice, duckDb);
        }
    }

    private static double[] selectOneLatencies(String url, int iterations)
            throws SQLException
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(url, "bench"); Statement statement = connection.createStatement()) {
            for (int i = 0; i < Math.max(100, iterations / 5); i++) {
                selectOne(statement);
            }
            double[] latencies = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                long start = System.nanoTime();
                selectOne(statement);
                latencies[i] = (System.nanoTime() - start) / 1e6;
            }
            return latencies;
        }
    }

    private static void selectOne(Statement statement)
            throws SQLException
    {
        try (ResultSet resultSet = statement.executeQuery("SELECT 1")) {
            if (!resultSet.next() || resultSet.getInt(1) != 1) {
                throw new IllegalStateException("SELECT 1 did not return 1");
            }
        }
    }

    private static double rowsPerSecond(Connection connection, String query, int expectedRows)
            throws SQLException
    {
        try (connection; Statement statement = connection.createStatement()) {
            return rowsPerSecond(statement, query, expectedRows);
        }
    }

    /** Reads the fetch query's rows (id, id * 2, label) to their end through JDBC: rows per second, the answer checked. */
    static double rowsPerSecond(Statement statement, String query, int expectedRows)
            throws SQLException
    {
        statement.setFetchSize(10_000);
        long start = System.nanoTime();
        long count = 0;
        long checksum = 0;
        try (ResultSet resultSet = statement.executeQuery(query)) {
            while (resultSet.next()) {
                count++;
                checksum += resultSet.getLong(2);
                if (resultSet.getString(3) == null) {
                    throw new IllegalStateException("label is null");
                }
            }
        }
        return checkedRate(count, checksum, expectedRows, start);
    }

    /** Rows per second since {@code start}; fails unless all rows came, their id * 2 summing to the expected checksum. */
    static double checkedRate(long count, long checksum, int expectedRows, long start)
    {
        double seconds = (System.nanoTime() - start) / 1e9;
        long expectedChecksum = (long) expectedRows * (expectedRows - 1);
        if (count != expectedRows || checksum != expectedChecksum) {
            throw new IllegalStateException(format("Fetched %s rows with checksum %s, expected %s and %s", count, checksum, expectedRows, expectedChecksum));
        }
        return count / seconds;
    }

    static double percentile(double[] values, double fraction)
    {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }
}
