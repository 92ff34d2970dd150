package io.sluice.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.server.SluiceServer;
import io.sluice.server.config.Settings;
import io.sluice.server.testing.LocalFlinkExtension;
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
import java.sql.Statement;
import java.util.Map;

/**
 * In one run, against one local Flink (MiniCluster and SQL Gateway): the latency of a bounded query through the
 * Hive JDBC driver and Sluice (Spark SQL, translated), and of the same query posted straight to the SQL Gateway's
 * REST API (session opened once, statement posted, result pages read to their end).
 */
public final class BenchmarkFlinkLatency
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPARK_QUERY = "SELECT count(*) AS n, max(k) AS top FROM VALUES (1), (2), (3) AS t(k)";
    private static final String FLINK_QUERY = "SELECT count(*) AS `n`, max(`k`) AS `top` FROM (VALUES (1), (2), (3)) AS `t` (`k`)";

    private BenchmarkFlinkLatency() {}

    /** Medians in milliseconds. */
    public record Results(double sluiceMedianMillis, double gatewayMedianMillis)
    {
        public double ratio()
        {
            return sluiceMedianMillis / gatewayMedianMillis;
        }
    }

    public static void main(String[] args)
            throws Exception
    {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Results results = run(iterations);
        System.out.printf("Bounded Flink query, median of %d: through Sluice %.1f ms, straight to the SQL Gateway %.1f ms, ratio %.2f%n",
                iterations, results.sluiceMedianMillis(), results.gatewayMedianMillis(), results.ratio());
    }

    public static Results run(int iterations)
            throws Exception
    {
        LocalFlinkExtension flink = new LocalFlinkExtension();
        flink.beforeAll(null);
        Path data = Files.createTempDirectory("sluice-bench-flink");
        SluiceServer server = SluiceServer.start(Settings.of(Map.of(
                "server.thrift.binary.port", "0",
                "server.thrift.http.port", "0",
                "server.rest.port", "0",
                "router.engines", "duckdb,flink",
                "engine.flink.endpoint", flink.endpoint(),
                "server.data-directory", data.toString())));
        try {
            String url = "jdbc:hive2://127.0.0.1:" + server.binaryPort() + "/default?sluice.engine=flink";
            double[] sluice = new double[iterations];
            double[] gateway = new double[iterations];
            HttpClient http = HttpClient.newHttpClient();
            String session = post(http, flink.endpoint() + "/v3/sessions", "{}").path("sessionHandle").asText();
            try (Connection connection = TestClients.HIVE_JDBC.connect(url, "bench"); Statement statement = connection.createStatement()) {
                // Warm both paths up, then alternate them so that the machine's noise hurts both alike.
                for (int i = 0; i < Math.max(5, iterations / 5); i++) {
                    viaSluice(statement);
                    direct(http, flink.endpoint(), session);
                }
                for (int i = 0; i < iterations; i++) {
                    long start = System.nanoTime();
                    viaSluice(statement);
                    sluice[i] = (System.nanoTime() - start) / 1e6;
                    start = System.nanoTime();
                    direct(http, flink.endpoint(), session);
                    gateway[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            return new Results(BenchmarkGatewayEndToEnd.percentile(sluice, 0.5), BenchmarkGatewayEndToEnd.percentile(gateway, 0.5));
        }
        finally {
            server.close();
            SluiceServerExtension.deleteRecursively(data);
        }
    }

    private static void viaSluice(Statement statement)
            throws Exception
    {
        try (ResultSet resultSet = statement.executeQuery(SPARK_QUERY)) {
            if (!resultSet.next() || resultSet.getLong(1) != 3 || resultSet.getInt(2) != 3) {
                throw new IllegalStateException("Wrong answer through Sluice");
            }
        }
    }

    private static void direct(HttpClient http, String endpoint, String session)
            throws Exception
    {
        String operation = post(http, endpoint + "/v3/sessions/" + session + "/statements",
                JSON.writeValueAsString(Map.of("statement", FLINK_QUERY, "executionConfig", Map.of("execution.runtime-mode", "batch"))))
                .path("operationHandle").asText();
        String next = "/v3/sessions/" + session + "/operations/" + operation + "/result/0?rowFormat=JSON";
        long rows = 0;
        while (next != null) {
            JsonNode page = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(endpoint + next)).build(), HttpResponse.BodyHandlers.ofString()).body());
            String type = page.path("resultType").asText();
            rows += page.path("results").path("data").size();
            if (type.equals("EOS")) {
                break;
            }
            if (type.equals("NOT_READY")) {
                Thread.sleep(5);
            }
            next = page.hasNonNull("nextResultUri") ? page.get("nextResultUri").asText() : null;
        }
        http.send(HttpRequest.newBuilder(URI.create(endpoint + "/v3/sessions/" + session + "/operations/" + operation + "/close")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        if (rows != 1) {
            throw new IllegalStateException("Wrong answer from the SQL Gateway: " + rows + " rows");
        }
    }

    private static JsonNode post(HttpClient http, String uri, String body)
            throws Exception
    {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
