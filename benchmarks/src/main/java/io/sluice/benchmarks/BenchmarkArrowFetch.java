package io.sluice.benchmarks;

import io.sluice.server.testing.TestClients;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.lang.String.format;

/**
 * Fetch of a 3-column result ({@code id, id * 2, label}) side by side, in one run: Sluice through the Hive JDBC
 * driver (row sets), Kyuubi's driver (row sets), Kyuubi's driver with {@code kyuubi.operation.result.format=arrow},
 * and DuckDB's own JDBC driver in-process; rows per second (best of the rounds, the answer checked) and each one's
 * ratio to DuckDB's. Against a running Sluice ({@code --url jdbc:hive2://127.0.0.1:10009/default}, as
 * {@code bin/sluice start} serves it) or an embedded one. Usage: {@code BenchmarkArrowFetch [--url url] [rows] [rounds]}.
 */
public final class BenchmarkArrowFetch
{
    private BenchmarkArrowFetch() {}

    public static void main(String[] args)
            throws Exception
    {
        String url = null;
        int rows = 2_000_000;
        int rounds = 3;
        int positional = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--url")) {
                url = args[++i];
            }
            else if (positional++ == 0) {
                rows = Integer.parseInt(args[i]);
            }
            else {
                rounds = Integer.parseInt(args[i]);
            }
        }
        Map<String, Double> results;
        if (url == null) {
            try (EmbeddedSluice sluice = EmbeddedSluice.start()) {
                results = run(sluice.binaryUrl(), rows, rounds);
            }
        }
        else {
            results = run(url, rows, rounds);
        }
        double duckDb = results.get("DuckDB JDBC in-process");
        System.out.printf("Fetch %,d rows x 3 columns (best of %d):%n", rows, rounds);
        results.forEach((client, rate) -> System.out.printf("  %-32s %,12.0f rows/s  %.2f of DuckDB%n", client, rate, rate / duckDb));
    }

    /** Rows per second of each client, best of {@code rounds}, the rounds interleaved. */
    public static Map<String, Double> run(String url, int rows, int rounds)
            throws Exception
    {
        String sparkQuery = format("SELECT id, id * 2 AS doubled, concat('row ', id) AS label FROM range(%s)", rows);
        String duckDbQuery = format("SELECT range AS id, range * 2 AS doubled, 'row ' || range AS label FROM range(%s)", rows);
        Map<String, Double> best = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            measure(best, "Sluice, Hive JDBC (row sets)", TestClients.HIVE_JDBC.connect(url, "bench"), sparkQuery, rows);
            measure(best, "Sluice, Kyuubi JDBC (row sets)", TestClients.KYUUBI_JDBC.connect(url, "bench"), sparkQuery, rows);
            measure(best, "Sluice, Kyuubi JDBC + Arrow", TestClients.KYUUBI_JDBC.connect(url + "?kyuubi.operation.result.format=arrow", "bench"), sparkQuery, rows);
            measure(best, "DuckDB JDBC in-process", DriverManager.getConnection("jdbc:duckdb:"), duckDbQuery, rows);
        }
        return best;
    }

    private static void measure(Map<String, Double> best, String client, Connection connection, String query, int rows)
            throws Exception
    {
        try (connection; Statement statement = connection.createStatement()) {
            double rate = BenchmarkGatewayEndToEnd.rowsPerSecond(statement, query, rows);
            best.merge(client, rate, Math::max);
        }
    }
}
