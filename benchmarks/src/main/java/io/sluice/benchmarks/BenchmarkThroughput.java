package io.sluice.benchmarks;

import io.sluice.server.testing.TestClients;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.sluice.benchmarks.BenchmarkGatewayEndToEnd.percentile;

/**
 * Throughput of a mixed workload with 1, 8, 32 and 256 concurrent sessions, each running for a fixed time: a point
 * query, a small aggregate and a 10,000-row fetch in turn, on a 100,000-row DuckDB table. Sluice through its own JDBC
 * driver (one connection per session) against the same statements on DuckDB's JDBC driver in-process (one duplicated
 * connection per session); statements/s, p50 and p99 latency, and errors — every answer is checked, a wrong one is an
 * error. A warm-up of the same length with 8 sessions runs first, unrecorded. Usage: {@code BenchmarkThroughput [--url jdbc:hive2://host:port/db] [seconds=10] [sessions=1,8,32,256]}.
 */
public final class BenchmarkThroughput
{
    private BenchmarkThroughput() {}

    public record Result(int sessions, long statements, double seconds, double p50Millis, double p99Millis, long errors)
    {
        public double perSecond()
        {
            return statements / seconds;
        }
    }

    private static final String SPARK_POINT = "SELECT v FROM bench_mix WHERE id = %d";
    private static final String AGGREGATE = "SELECT count(*), sum(id) FROM bench_mix WHERE id < 1000";
    private static final String FETCH = "SELECT id, v FROM bench_mix WHERE id < 10000";

    public static void main(String[] args)
            throws Exception
    {
        String url = null;
        int seconds = 10;
        String counts = "1,8,32,256";
        int positional = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--url")) {
                url = args[++i];
            }
            else if (positional++ == 0) {
                seconds = Integer.parseInt(args[i]);
            }
            else {
                counts = args[i];
            }
        }
        List<Integer> sessions = new ArrayList<>();
        for (String count : counts.split(",")) {
            sessions.add(Integer.parseInt(count.trim()));
        }
        Map<String, List<Result>> results;
        if (url == null) {
            try (EmbeddedSluice sluice = EmbeddedSluice.start()) {
                results = run(sluice.binaryUrl(), seconds, sessions);
            }
        }
        else {
            results = run(url, seconds, sessions);
        }
        System.out.printf("%-24s %9s %12s %10s %10s %8s%n", "client", "sessions", "statements/s", "p50", "p99", "errors");
        results.forEach((client, rows) -> rows.forEach(row -> System.out.printf("%-24s %9d %12.0f %7.2f ms %7.2f ms %8d%n",
                client, row.sessions(), row.perSecond(), row.p50Millis(), row.p99Millis(), row.errors())));
    }

    public static Map<String, List<Result>> run(String hiveUrl, int seconds, List<Integer> sessionCounts)
            throws Exception
    {
        try (Connection setup = TestClients.SLUICE_JDBC.connect(hiveUrl, "bench"); Statement statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_mix");
            statement.execute("CREATE TABLE bench_mix AS SELECT id, concat('v', id) AS v FROM range(100000)");
        }
        Map<String, List<Result>> results = new LinkedHashMap<>();
        try (DuckDBConnection duckDb = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckDb.createStatement()) {
            statement.execute("CREATE TABLE bench_mix AS SELECT range AS id, 'v' || range AS v FROM range(100000)");
            // Warm-up, not recorded: the server's and the drivers' code paths compiled before anything is measured.
            measure(8, seconds, () -> TestClients.SLUICE_JDBC.connect(hiveUrl, "bench"));
            measure(8, seconds, duckDb::duplicate);
            for (int sessions : sessionCounts) {
                results.computeIfAbsent("Sluice, Sluice JDBC", key -> new ArrayList<>()).add(measure(sessions, seconds, () -> TestClients.SLUICE_JDBC.connect(hiveUrl, "bench")));
                results.computeIfAbsent("DuckDB JDBC in-process", key -> new ArrayList<>()).add(measure(sessions, seconds, duckDb::duplicate));
            }
        }
        try (Connection cleanup = TestClients.SLUICE_JDBC.connect(hiveUrl, "bench"); Statement statement = cleanup.createStatement()) {
            statement.execute("DROP TABLE bench_mix");
        }
        return results;
    }

    private interface Connector
    {
        Connection connect()
                throws SQLException;
    }

    private static Result measure(int sessions, int seconds, Connector connector)
            throws Exception
    {
        ExecutorService executor = Executors.newFixedThreadPool(sessions);
        AtomicLong errors = new AtomicLong();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                connections.add(connector.connect());
            }
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            List<Future<double[]>> futures = new ArrayList<>();
            for (Connection connection : connections) {
                futures.add(executor.submit(() -> session(connection, deadline, errors)));
            }
            List<double[]> all = new ArrayList<>();
            for (Future<double[]> future : futures) {
                all.add(future.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            int total = all.stream().mapToInt(latencies -> latencies.length).sum();
            double[] merged = new double[total];
            int at = 0;
            for (double[] latencies : all) {
                System.arraycopy(latencies, 0, merged, at, latencies.length);
                at += latencies.length;
            }
            return new Result(sessions, total, elapsed, total == 0 ? Double.NaN : percentile(merged, 0.5), total == 0 ? Double.NaN : percentile(merged, 0.99), errors.get());
        }
        finally {
            for (Connection connection : connections) {
                connection.close();
            }
            executor.shutdownNow();
        }
    }

    private static double[] session(Connection connection, long deadline, AtomicLong errors)
    {
        List<Double> latencies = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            for (int i = 0; System.nanoTime() < deadline; i++) {
                long start = System.nanoTime();
                try {
                    if (!answerRight(statement, i % 3)) {
                        errors.incrementAndGet();
                    }
                }
                catch (SQLException e) {
                    errors.incrementAndGet();
                }
                latencies.add((System.nanoTime() - start) / 1e6);
            }
        }
        catch (SQLException e) {
            errors.incrementAndGet();
        }
        return latencies.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean answerRight(Statement statement, int kind)
            throws SQLException
    {
        if (kind == 0) {
            int id = ThreadLocalRandom.current().nextInt(100_000);
            try (ResultSet result = statement.executeQuery(String.format(SPARK_POINT, id))) {
                return result.next() && result.getString(1).equals("v" + id) && !result.next();
            }
        }
        if (kind == 1) {
            try (ResultSet result = statement.executeQuery(AGGREGATE)) {
                return result.next() && result.getLong(1) == 1000 && result.getLong(2) == 499_500 && !result.next();
            }
        }
        long rows = 0;
        long sum = 0;
        try (ResultSet result = statement.executeQuery(FETCH)) {
            while (result.next()) {
                rows++;
                sum += result.getLong(1);
                if (result.getString(2) == null) {
                    return false;
                }
            }
        }
        return rows == 10_000 && sum == 49_995_000L;
    }
}
