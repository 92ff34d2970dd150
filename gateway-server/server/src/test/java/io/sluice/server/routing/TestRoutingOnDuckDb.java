package io.sluice.server.routing;

import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The router's services on the embedded default: the query history (every executed statement with its route,
 * estimate and time, in SHOW QUERIES and GET /api/v1/queries, kept across a restart), estimates corrected by what
 * statements of the same shape took, calibration, and POST /api/v1/sql/execute.
 */
class TestRoutingOnDuckDb
{
    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension();

    private static Connection connect(String user)
            throws SQLException
    {
        return TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), user);
    }

    private static List<List<String>> queries(Statement statement, String user)
            throws SQLException
    {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet resultSet = statement.executeQuery("SHOW QUERIES")) {
            assertThat(resultSet.getMetaData().getColumnName(1)).isEqualTo("query_id");
            while (resultSet.next()) {
                if (resultSet.getString("user").equals(user)) {
                    rows.add(List.of(resultSet.getString("state"), String.valueOf(resultSet.getString("engine")), String.valueOf(resultSet.getString("estimated_seconds")),
                            String.valueOf(resultSet.getString("actual_seconds")), String.valueOf(resultSet.getString("route")), String.valueOf(resultSet.getString("error")),
                            resultSet.getString("statement")));
                }
            }
        }
        return rows;
    }

    @Test
    void everyStatementIsRecordedWithItsRouteEstimateAndTime()
            throws Exception
    {
        try (Connection connection = connect("historian"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS history_t (a INT)");
            statement.execute("INSERT INTO history_t VALUES (1), (2)");
            assertThat(rows(statement, "SELECT count(*) FROM history_t WHERE a > 0")).containsExactly(List.of("2"));
            assertThatThrownBy(() -> statement.executeQuery("SELECT nope FROM history_t")).isInstanceOf(SQLException.class);
            List<List<String>> recorded = queries(statement, "historian");
            // Newest first; the failed statement failed in validation and never reached an engine: not in the history.
            assertThat(recorded).extracting(row -> row.get(6))
                    .containsSubsequence("SELECT count(*) FROM history_t WHERE a > 0", "INSERT INTO history_t VALUES (1), (2)", "CREATE TABLE IF NOT EXISTS history_t (a INT)");
            List<String> select = recorded.get(0);
            assertThat(select.get(0)).isEqualTo("FINISHED");
            assertThat(select.get(1)).isEqualTo("duckdb");
            assertThat(Double.parseDouble(select.get(2))).isPositive();
            assertThat(Double.parseDouble(select.get(3))).isPositive();
            assertThat(select.get(4)).startsWith("cheapest feasible engine");
        }
        try (Connection connection = connect("historian"); Statement statement = connection.createStatement()) {
            // An engine's own failure is recorded, with its message.
            statement.execute("SET sluice.engine=duckdb");
            assertThatThrownBy(() -> statement.executeQuery("SELECT CAST('x' AS INT) FROM history_t")).isInstanceOf(SQLException.class);
            List<String> failed = queries(statement, "historian").get(0);
            assertThat(failed.get(0)).isEqualTo("FAILED");
            assertThat(failed.get(4)).isEqualTo("sluice.engine=duckdb pins the engine");
            assertThat(failed.get(5)).isNotEqualTo("null");
        }

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + SLUICE.server().restPort() + "/api/v1/queries?user=historian&limit=2")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"user\":\"historian\"").contains("\"engine\":\"duckdb\"").contains("\"state\":\"FAILED\"");
        assertThat(response.body().split("\"queryId\"", -1)).hasSize(3);
        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + SLUICE.server().restPort() + "/api/v1/queries?limit=lots")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Invalid limit 'lots': expected a number from 1 to 10000");

        SLUICE.restart();
        try (Connection connection = connect("other"); Statement statement = connection.createStatement()) {
            assertThat(queries(statement, "historian")).hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void theRouterLearnsWhatAShapeTakes()
            throws Exception
    {
        try (Connection connection = connect("learner"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS shape_t AS SELECT id FROM range(200000)");
            for (int i = 0; i < 3; i++) {
                rows(statement, "SELECT count(*) FROM shape_t a JOIN shape_t b ON a.id = b.id WHERE a.id > " + i);
            }
            String reason;
            try (ResultSet explained = statement.executeQuery("EXPLAIN ROUTE SELECT count(*) FROM shape_t a JOIN shape_t b ON a.id = b.id WHERE a.id > 42")) {
                assertThat(explained.next()).isTrue();
                assertThat(explained.getString("engine")).isEqualTo("duckdb");
                reason = explained.getString("reason");
            }
            // The model counts nothing for a table of DuckDB's own (no statistics): the joins took longer than its 1 ms.
            assertThat(reason).matches("cheapest feasible engine: [0-9.]+s \\(history of its shape x [0-9.]+\\)");
        }
    }

    private static double duckDbFixedCost(Statement statement)
            throws SQLException
    {
        try (ResultSet explained = statement.executeQuery("EXPLAIN ROUTE SELECT 1")) {
            assertThat(explained.next()).isTrue();
            assertThat(explained.getString("engine")).isEqualTo("duckdb");
            return explained.getDouble("fixed_cost");
        }
    }

    @Test
    void calibrationChangesTheStoredCoefficients()
            throws Exception
    {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + SLUICE.server().restPort() + "/api/v1/router/";
        ObjectMapper json = new ObjectMapper();
        try (Connection connection = connect("calibrator"); Statement statement = connection.createStatement()) {
            JsonNode before = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "calibration")).build(), HttpResponse.BodyHandlers.ofString()).body());
            double previous = before.path("engines").isEmpty() ? 0.001 : before.path("engines").get(0).path("fixedSeconds").asDouble();
            assertThat(duckDbFixedCost(statement)).isEqualTo(previous);

            HttpResponse<String> calibrated = http.send(HttpRequest.newBuilder(URI.create(base + "calibrate")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(calibrated.statusCode()).isEqualTo(200);
            JsonNode duckDb = json.readTree(calibrated.body()).path("engines").get(0);
            assertThat(duckDb.path("engine").asText()).isEqualTo("duckdb");
            assertThat(duckDb.path("scanBytesPerCoreSecond").asDouble()).isPositive();
            assertThat(duckDb.path("machine").asText()).contains("cores");
            double fixed = duckDb.path("fixedSeconds").asDouble();
            assertThat(fixed).isPositive().isNotEqualTo(previous);
            // The router uses what was measured, and the store keeps it.
            assertThat(duckDbFixedCost(statement)).isEqualTo(fixed);
            JsonNode stored = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "calibration")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(stored.path("engines").get(0).path("fixedSeconds").asDouble()).isEqualTo(fixed);
            HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(URI.create(base + "calibrate")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrongMethod.statusCode()).isEqualTo(405);
        }
        SLUICE.restart();
        try (Connection connection = connect("calibrator"); Statement statement = connection.createStatement()) {
            JsonNode stored = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SLUICE.server().restPort() + "/api/v1/router/calibration"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(duckDbFixedCost(statement)).isEqualTo(stored.path("engines").get(0).path("fixedSeconds").asDouble());
        }
    }

    @Test
    void executeOverRest()
            throws Exception
    {
        HttpClient http = HttpClient.newHttpClient();
        URI execute = URI.create("http://127.0.0.1:" + SLUICE.server().restPort() + "/api/v1/sql/execute");
        ObjectMapper json = new ObjectMapper();
        JsonNode answer = json.readTree(post(http, execute, "{\"statement\": \"SELECT CAST(1 AS INT) AS x, 'a' AS y, DATE '2026-12-01' AS d\", \"user\": \"rester\"}").body());
        assertThat(answer.path("columns").toString()).isEqualTo("[{\"name\":\"x\",\"type\":\"int\"},{\"name\":\"y\",\"type\":\"string\"},{\"name\":\"d\",\"type\":\"date\"}]");
        assertThat(answer.path("rows").toString()).isEqualTo("[[1,\"a\",\"2026-12-01\"]]");
        assertThat(answer.path("engine").asText()).isEqualTo("duckdb");
        assertThat(answer.path("route").asText()).startsWith("cheapest feasible engine");
        JsonNode truncated = json.readTree(post(http, execute, "{\"statement\": \"SELECT id FROM range(10)\", \"maxRows\": 3}").body());
        assertThat(truncated.path("rows")).hasSize(3);
        assertThat(truncated.path("stats").path("truncated").asBoolean()).isTrue();
        JsonNode pinned = json.readTree(post(http, execute, "{\"statement\": \"SELECT 2\", \"engine\": \"duckdb\"}").body());
        assertThat(pinned.path("route").asText()).isEqualTo("sluice.engine=duckdb pins the engine");

        HttpResponse<String> syntax = post(http, execute, "{\"statement\": \"SELEC 1\"}");
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(syntax.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(syntax.body()).contains("Syntax error");
        HttpResponse<String> badRows = post(http, execute, "{\"statement\": \"SELECT 1\", \"maxRows\": -1}");
        assertThat(badRows.statusCode()).isEqualTo(400);
        assertThat(badRows.body()).contains("The field 'maxRows' must be a whole number from 0 to 100000");
        HttpResponse<String> missing = post(http, execute, "{\"statement\": \"SELECT * FROM no_such_table\"}");
        // A table missing from a statement is a bad request, not a missing REST resource.
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("no_such_table");
    }

    private static HttpResponse<String> post(HttpClient http, URI uri, String body)
            throws Exception
    {
        return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
