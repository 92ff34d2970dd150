package io.sluice.benchmarks;

import io.sluice.server.SluiceServer;
import io.sluice.server.config.Settings;
import io.sluice.server.testing.LocalSparkExtension;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * In one run, against one local Spark Connect server ({@code bin/sluice engine start spark}): the same queries
 * through Sluice (Hive JDBC driver, Spark SQL, routed to Spark) and through Spark Connect's own client. Small query:
 * latency median and ratio; large fetch ({@code rows} rows of {@code range}): rows per second and ratio.
 * With {@code -Dsluice.spark-thrift-url=jdbc:hive2://...} ({@code benchmarks/spark-thriftserver/run start}), the
 * same run also measures Spark's own Thrift server through the Hive JDBC driver.
 * Usage: {@code BenchmarkSparkEndToEnd [latencyIterations] [fetchRows]}.
 */
public final class BenchmarkSparkEndToEnd
{
    private static final String SMALL_QUERY = "SELECT count(*), max(id) FROM range(1000)";

    private BenchmarkSparkEndToEnd() {}

    public static void main(String[] args)
            throws Exception
    {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        HeadToHead results = run(iterations, rows, 3);
        System.out.printf("Small Spark query, median of %d: through Sluice %.1f ms, Spark Connect client %.1f ms, ratio %.2f%n",
                iterations, results.sluiceMedianMillis(), results.directMedianMillis(), results.latencyRatio());
        System.out.printf("Fetch %,d rows x 3 columns: Sluice via Hive JDBC %,.0f rows/s, Spark Connect client %,.0f rows/s, ratio %.2f%n",
                rows, results.sluiceRowsPerSecond(), results.directRowsPerSecond(), results.fetchRatio());
        String thriftUrl = System.getProperty("sluice.spark-thrift-url");
        if (thriftUrl != null) {
            // Spark's own HiveServer2, through the same driver and SQL: after Sluice's path, on the same machine.
            try (Connection thrift = TestClients.HIVE_JDBC.connect(thriftUrl, "bench"); Statement statement = thrift.createStatement()) {
                double median = HeadToHead.medianMillis(iterations, () -> smallQuery(statement));
                double fetch = 0;
                for (int round = 0; round < 3; round++) {
                    fetch = Math.max(fetch, BenchmarkGatewayEndToEnd.rowsPerSecond(statement, fetchQuery(rows), rows));
                }
                System.out.printf("Spark Thrift server 3.5.4 via Hive JDBC: small query median %.1f ms (Sluice / it: %.2f), fetch %,.0f rows/s (Sluice / it: %.2f)%n",
                        median, results.sluiceMedianMillis() / median, fetch, results.sluiceRowsPerSecond() / fetch);
            }
        }
    }

    public static HeadToHead run(int iterations, int rows, int fetchRounds)
            throws Exception
    {
        LocalSparkExtension spark = new LocalSparkExtension();
        spark.beforeAll(null);
        Path data = Files.createTempDirectory("sluice-bench-spark");
        SluiceServer server = SluiceServer.start(Settings.of(Map.of(
                "server.thrift.binary.port", "0",
                "server.thrift.http.port", "0",
                "server.rest.port", "0",
                "router.engines", "duckdb,spark",
                "engine.spark.remote", spark.remote(),
                "server.data-directory", data.toString())));
        String url = "jdbc:hive2://127.0.0.1:" + server.binaryPort() + "/default?sluice.engine=spark";
        String fetchQuery = fetchQuery(rows);
        SparkSession direct = SparkSession.builder().remote(spark.remote()).create();
        try (Connection viaSluice = TestClients.HIVE_JDBC.connect(url, "bench"); Statement statement = viaSluice.createStatement()) {
            return HeadToHead.measure(iterations, fetchRounds, () -> smallQuery(statement), () -> smallQuery(direct),
                    () -> BenchmarkGatewayEndToEnd.rowsPerSecond(statement, fetchQuery, rows), () -> rowsPerSecond(direct, fetchQuery, rows));
        }
        finally {
            direct.close();
            server.close();
            SluiceServerExtension.deleteRecursively(data);
        }
    }

    private static String fetchQuery(int rows)
    {
        return "SELECT id, id * 2 AS doubled, concat('row ', CAST(id AS STRING)) AS label FROM range(" + rows + ")";
    }

    private static void smallQuery(Statement statement)
            throws SQLException
    {
        try (ResultSet resultSet = statement.executeQuery(SMALL_QUERY)) {
            if (!resultSet.next() || resultSet.getLong(1) != 1000 || resultSet.getLong(2) != 999) {
                throw new IllegalStateException("Wrong answer through Sluice");
            }
        }
    }

    private static void smallQuery(SparkSession spark)
    {
        List<Row> rows = spark.sql(SMALL_QUERY).collectAsList();
        if (rows.size() != 1 || rows.get(0).getLong(0) != 1000 || rows.get(0).getLong(1) != 999) {
            throw new IllegalStateException("Wrong answer from Spark Connect");
        }
    }

    private static double rowsPerSecond(SparkSession spark, String query, int expectedRows)
    {
        long start = System.nanoTime();
        long count = 0;
        long checksum = 0;
        Iterator<Row> rows = spark.sql(query).toLocalIterator();
        while (rows.hasNext()) {
            Row row = rows.next();
            count++;
            checksum += row.getLong(1);
            if (row.getString(2) == null) {
                throw new IllegalStateException("label is null");
            }
        }
        if (rows instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return BenchmarkGatewayEndToEnd.checkedRate(count, checksum, expectedRows, start);
    }
}
