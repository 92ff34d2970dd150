package io.sluice.benchmarks;

import io.sluice.server.SluiceServer;
import io.sluice.server.config.Settings;
import io.sluice.server.testing.LocalTrinoExtension;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static java.lang.String.format;

/**
 * In one run, against one local Trino ({@code bin/sluice engine start trino}): the same queries through Sluice
 * (Hive JDBC driver, Spark SQL, routed to Trino) and through Trino's own JDBC driver. Small query: latency median
 * and ratio; large fetch ({@code rows} rows of {@code tpch.sf1.lineitem}): rows per second and ratio.
 * Usage: {@code BenchmarkTrinoEndToEnd [latencyIterations] [fetchRows]}.
 */
public final class BenchmarkTrinoEndToEnd
{
    private static final String SMALL_QUERY = "SELECT count(*), max(name) FROM tpch.tiny.nation WHERE regionkey < 3";

    private BenchmarkTrinoEndToEnd() {}

    public static void main(String[] args)
            throws Exception
    {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        HeadToHead results = run(iterations, rows, 3);
        System.out.printf("Small Trino query, median of %d: through Sluice %.1f ms, Trino JDBC %.1f ms, ratio %.2f%n",
                iterations, results.sluiceMedianMillis(), results.directMedianMillis(), results.latencyRatio());
        System.out.printf("Fetch %,d rows x 3 columns of tpch.sf1.lineitem: Sluice via Hive JDBC %,.0f rows/s, Trino JDBC %,.0f rows/s, ratio %.2f%n",
                rows, results.sluiceRowsPerSecond(), results.directRowsPerSecond(), results.fetchRatio());
    }

    public static HeadToHead run(int iterations, int rows, int fetchRounds)
            throws Exception
    {
        LocalTrinoExtension trino = new LocalTrinoExtension();
        trino.beforeAll(null);
        Path data = Files.createTempDirectory("sluice-bench-trino");
        SluiceServer server = SluiceServer.start(Settings.of(Map.of(
                "server.thrift.binary.port", "0",
                "server.thrift.http.port", "0",
                "server.rest.port", "0",
                "router.engines", "duckdb,trino",
                "engine.trino.endpoint", trino.endpoint(),
                "server.data-directory", data.toString())));
        String sluiceUrl = "jdbc:hive2://127.0.0.1:" + server.binaryPort() + "/default?sluice.engine=trino";
        String trinoUrl = "jdbc:trino:" + trino.endpoint().substring("http:".length()) + "/tpch/tiny";
        String fetchQuery = "SELECT orderkey, linenumber, comment FROM tpch.sf1.lineitem LIMIT " + rows;
        try (Connection viaSluice = TestClients.HIVE_JDBC.connect(sluiceUrl, "bench"); Connection direct = DriverManager.getConnection(trinoUrl, "bench", null);
                Statement sluiceStatement = viaSluice.createStatement(); Statement trinoStatement = direct.createStatement()) {
            return HeadToHead.measure(iterations, fetchRounds, () -> smallQuery(sluiceStatement), () -> smallQuery(trinoStatement),
                    () -> rowsPerSecond(viaSluice, fetchQuery, rows), () -> rowsPerSecond(direct, fetchQuery, rows));
        }
        finally {
            server.close();
            SluiceServerExtension.deleteRecursively(data);
        }
    }

    private static void smallQuery(Statement statement)
            throws SQLException
    {
        try (ResultSet resultSet = statement.executeQuery(SMALL_QUERY)) {
            if (!resultSet.next() || resultSet.getLong(1) != 15 || !resultSet.getString(2).equals("VIETNAM")) {
                throw new IllegalStateException("Wrong answer to the small query");
            }
        }
    }

    private static double rowsPerSecond(Connection connection, String query, int expectedRows)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            long start = System.nanoTime();
            long count = 0;
            try (ResultSet resultSet = statement.executeQuery(query)) {
                while (resultSet.next()) {
                    count++;
                    if (resultSet.getLong(1) <= 0 || resultSet.getString(3) == null) {
                        throw new IllegalStateException("Wrong row: " + resultSet.getLong(1));
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (count != expectedRows) {
                throw new IllegalStateException(format("Fetched %s rows, expected %s", count, expectedRows));
            }
            return count / seconds;
        }
    }
}
