package io.sluice.server.routing;

import io.sluice.server.testing.JdbcRows;
import io.sluice.server.testing.LocalSparkExtension;
import io.sluice.server.testing.LocalTrinoExtension;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The router with the real local engines: sessions with {@code sluice.engine=auto} (the default) send each statement
 * where EXPLAIN ROUTE says, with the answer the engines give when pinned; a join with Trino's own catalog goes to
 * Trino; routing policies prefer and deny engines; a construct DuckDB refuses goes to the next
 * engine; and with Trino killed, a read-only statement fails over while a write fails clearly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestRoutingAcrossEngines
{
    @RegisterExtension
    @Order(1)
    static final LocalTrinoExtension TRINO = new LocalTrinoExtension();

    @RegisterExtension
    @Order(2)
    static final LocalSparkExtension SPARK = new LocalSparkExtension();

    @RegisterExtension
    @Order(3)
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("server.rest.port", "10099")
            .with("router.engines", "duckdb,trino,spark")
            .with("engine.trino.endpoint", TRINO.endpoint())
            .with("engine.spark.remote", SPARK.remote())
            // Probed once at start: the failover below must meet a Trino the router still believes up.
            .with("router.health-interval", "1h")
            .with("router.pruning-threshold", "0")
            .with("router.policy.etl.users", "etl")
            .with("router.policy.etl.prefer", "spark")
            .with("router.policy.bi.users", "bi")
            .with("router.policy.bi.prefer", "trino")
            .with("router.policy.analysts.users", "analyst")
            .with("router.policy.analysts.engines", "duckdb");

    private static Connection connect(String user, String engine)
            throws SQLException
    {
        return TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default") + "?sluice.engine=" + engine, user);
    }

    private static List<String> log(Statement statement)
    {
        return JdbcRows.operationLog(statement);
    }

    /** EXPLAIN ROUTE's rows by engine: feasible, chosen, reason, scan cost. */
    private static Map<String, List<String>> explain(Statement statement, String sql)
            throws SQLException
    {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (ResultSet resultSet = statement.executeQuery("EXPLAIN ROUTE " + sql)) {
            assertThat(resultSet.getMetaData().getColumnName(1)).isEqualTo("engine");
            assertThat(resultSet.getMetaData().getColumnName(4)).isEqualTo("estimated_cost");
            while (resultSet.next()) {
                rows.put(resultSet.getString("engine"), List.of(resultSet.getString("feasible"), resultSet.getString("chosen"), resultSet.getString("reason"),
                        String.valueOf(resultSet.getString("scan_cost"))));
            }
        }
        return rows;
    }

    private static String chosen(Map<String, List<String>> explained)
    {
        return explained.entrySet().stream().filter(entry -> entry.getValue().get(1).equals("true")).map(Map.Entry::getKey).findFirst().orElse("none");
    }

    /** (Re)creates {@code lakehouse.routing_db.<table>} on an engine, as the query makes it. */
    private static void createTable(String engine, String table, String query)
            throws SQLException
    {
        try (Connection connection = connect("setup", engine); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.routing_db");
            statement.execute("DROP TABLE IF EXISTS lakehouse.routing_db." + table);
            statement.execute("CREATE TABLE lakehouse.routing_db." + table + " AS " + query);
        }
    }

    /** Waits for the router's first probe of the engines' catalogs (it runs in the background at start). */
    private static void awaitCatalogs(Statement statement)
            throws Exception
    {
        for (int attempt = 0; attempt < 120; attempt++) {
            List<String> catalogs = rows(statement, "SHOW CATALOGS").stream().map(row -> row.get(0)).toList();
            if (catalogs.contains("tpch") && catalogs.contains("spark_catalog")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The router never listed Trino's and Spark's catalogs");
    }

    @Test
    @Order(1)
    void routesByCostReachAndPolicy()
            throws Exception
    {
        createTable("trino", "events", "SELECT CAST(id AS INT) AS id, CAST(id % 7 AS INT) AS kind FROM range(1000)");
        String query = "SELECT kind, count(*) AS n, sum(id) AS total FROM lakehouse.routing_db.events GROUP BY kind ORDER BY kind";
        List<List<String>> sparkAnswer;
        try (Connection spark = connect("setup", "spark"); Statement statement = spark.createStatement()) {
            sparkAnswer = rows(statement, query);
        }
        assertThat(sparkAnswer).hasSize(7);

        try (Connection auto = connect("alice", "auto"); Statement statement = auto.createStatement()) {
            awaitCatalogs(statement);
            List<List<String>> catalogs = rows(statement, "SHOW CATALOGS");
            assertThat(catalogs.get(0)).containsExactly("lakehouse", "lakehouse", "duckdb,trino,spark");
            assertThat(catalogs).contains(List.of("tpch", "engine", "trino"), List.of("spark_catalog", "engine", "spark"));
            assertThat(rows(statement, "SHOW DATABASES IN lakehouse")).contains(List.of("routing_db"));

            // A small lakehouse table: every engine reaches it, DuckDB is cheapest, and answers as Spark does.
            Map<String, List<String>> explained = explain(statement, query);
            assertThat(explained.keySet()).containsExactlyInAnyOrder("duckdb", "trino", "spark");
            assertThat(chosen(explained)).isEqualTo("duckdb");
            assertThat(explained.get("trino").subList(0, 3)).containsExactly("true", "false", "not chosen: duckdb is cheaper");
            assertThat(rows(statement, query)).isEqualTo(sparkAnswer);
            assertThat(log(statement)).anySatisfy(line -> assertThat(line).contains("Routed to duckdb: cheapest feasible engine"));

            // Joined with Trino's own catalog: only Trino reaches both.
            String federated = "SELECT count(*) FROM lakehouse.routing_db.events e JOIN tpch.tiny.nation n ON e.id = n.nationkey";
            Map<String, List<String>> federatedRoute = explain(statement, federated);
            assertThat(chosen(federatedRoute)).isEqualTo("trino");
            assertThat(federatedRoute.get("duckdb").get(0)).isEqualTo("false");
            assertThat(federatedRoute.get("duckdb").get(2)).isEqualTo("does not reach catalog tpch (tpch.tiny.nation; reached by trino)");
            assertThat(rows(statement, federated)).containsExactly(List.of("25"));
            assertThat(log(statement)).anySatisfy(line -> assertThat(line).contains("Routed to trino"));

            // A row-level change of the lakehouse: DuckDB does not run it; the cheapest engine that does gets it.
            Map<String, List<String>> deleteRoute = explain(statement, "DELETE FROM lakehouse.routing_db.events WHERE id = 1000");
            assertThat(deleteRoute.get("duckdb").subList(0, 3)).containsExactly("false", "false",
                    "does not run DELETE, UPDATE or MERGE on lakehouse tables (lakehouse.routing_db.events)");
            assertThat(chosen(deleteRoute)).isEqualTo("trino");

            // An append to the lakehouse: DuckDB writes it (Sluice commits the file it writes) and is the cheapest.
            Map<String, List<String>> insertRoute = explain(statement, "INSERT INTO lakehouse.routing_db.events VALUES (1000, 0)");
            assertThat(insertRoute.get("duckdb").subList(0, 2)).containsExactly("true", "true");
            statement.execute("INSERT INTO lakehouse.routing_db.events VALUES (1000, 0)");
            assertThat(log(statement)).anySatisfy(line -> assertThat(line).contains("Written by Sluice for duckdb: Sluice appends to lakehouse.routing_db.events"));
            assertThat(rows(statement, "SELECT count(*) FROM lakehouse.routing_db.events")).containsExactly(List.of("1001"));
        }

        List<List<String>> afterInsert;
        try (Connection duckdb = connect("setup", "duckdb"); Statement statement = duckdb.createStatement()) {
            afterInsert = rows(statement, query);
        }
        assertThat(afterInsert.get(0).get(1)).isEqualTo("144");

        // A policy prefers Spark for etl; the statement runs there.
        try (Connection etl = connect("etl", "auto"); Statement statement = etl.createStatement()) {
            Map<String, List<String>> explained = explain(statement, query);
            assertThat(chosen(explained)).isEqualTo("spark");
            assertThat(explained.get("spark").get(2)).isEqualTo("preferred by routing policy etl");
            List<List<String>> answer = rows(statement, query);
            assertThat(log(statement)).anySatisfy(line -> assertThat(line).endsWith("Routed to spark: preferred by routing policy etl"));
            assertThat(answer).isEqualTo(afterInsert);
        }

        // A policy allows the analysts DuckDB only: the federated join has nowhere to go, and says why.
        try (Connection analyst = connect("analyst", "auto"); Statement statement = analyst.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM lakehouse.routing_db.events e JOIN tpch.tiny.nation n ON e.id = n.nationkey"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("No engine can run the statement (duckdb: does not reach catalog tpch (tpch.tiny.nation; reached by trino); "
                            + "trino: routing policy analysts does not allow it (allowed: duckdb)");
            assertThat(rows(statement, "SELECT count(*) FROM lakehouse.routing_db.events")).containsExactly(List.of("1001"));
        }
    }

    @Test
    @Order(3)
    void useTakesADatabaseOfAnyCatalog()
            throws Exception
    {
        try (Connection auto = connect("alice", "auto"); Statement statement = auto.createStatement()) {
            // A DuckDB session is open before USE: DuckDB has neither database, and need not.
            assertThat(rows(statement, "SELECT 40 + 2")).containsExactly(List.of("42"));
            statement.execute("USE tpch.tiny");
            assertThat(rows(statement, "SELECT count(*) FROM nation")).containsExactly(List.of("25"));
            assertThat(log(statement)).anySatisfy(line -> assertThat(line).contains("Routed to trino"));
            assertThat(rows(statement, "SHOW TABLES")).extracting(row -> row.get(1)).contains("nation", "region");
            statement.execute("USE lakehouse.routing_db");
            assertThat(rows(statement, "SELECT count(*) FROM events")).containsExactly(List.of("1001"));
            assertThat(log(statement)).anySatisfy(line -> assertThat(line).contains("Routed to duckdb"));
            assertThatThrownBy(() -> statement.execute("USE no_such_catalog.nowhere"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no_such_catalog.nowhere");
        }
    }

    @Test
    @Order(4)
    void aConstructDuckDbRefusesGoesToTheNextEngine()
            throws Exception
    {
        try (Connection auto = connect("alice", "auto"); Statement statement = auto.createStatement()) {
            String query = "SELECT conv(CAST(id AS STRING), 10, 16) FROM lakehouse.routing_db.events WHERE id = 255";
            Map<String, List<String>> explained = explain(statement, query);
            assertThat(explained.get("duckdb").get(0)).isEqualTo("false");
            assertThat(explained.get("duckdb").get(2)).startsWith("the statement does not translate: ").contains("conv");
            String chosen = chosen(explained);
            assertThat(chosen).isIn("trino", "spark");
            assertThat(rows(statement, query)).containsExactly(List.of("FF"));
            assertThat(log(statement)).anySatisfy(line -> assertThat(line).contains("Routed to " + chosen));
        }
    }

    @Test
    @Order(5)
    void positionDeletesAreAppliedOnDuckDb()
            throws Exception
    {
        createTable("trino", "pruned", "SELECT CAST(id AS INT) AS id FROM range(10)");
        try (Connection trino = connect("setup", "trino"); Statement statement = trino.createStatement()) {
            statement.execute("DELETE FROM lakehouse.routing_db.pruned WHERE id < 3");
        }
        try (Connection auto = connect("alice", "auto"); Statement statement = auto.createStatement()) {
            assertThat(chosen(explain(statement, "SELECT count(*) FROM lakehouse.routing_db.pruned"))).isEqualTo("duckdb");
            assertThat(rows(statement, "SELECT count(*), min(id) FROM lakehouse.routing_db.pruned")).containsExactly(List.of("7", "3"));
            assertThat(log(statement)).anySatisfy(line -> assertThat(line).contains("Routed to duckdb"));
        }
    }

    /** EXPLAIN ROUTE's scan cost on DuckDB: the bytes the router expects the scan to read, over a fixed throughput. */
    private static double scanCost(Statement statement, String sql)
            throws SQLException
    {
        return Double.parseDouble(explain(statement, sql).get("duckdb").get(3));
    }

    @Test
    @Order(6)
    void theEstimateIsOfTheFilesTheFilterKeeps()
            throws Exception
    {
        try (Connection spark = connect("setup", "spark"); Statement statement = spark.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.routing_db");
            statement.execute("DROP TABLE IF EXISTS lakehouse.routing_db.daily");
            statement.execute("CREATE TABLE lakehouse.routing_db.daily (id INT, day STRING) USING iceberg PARTITIONED BY (day)");
            for (String day : List.of("d1", "d2", "d3", "d4")) {
                statement.execute("INSERT INTO lakehouse.routing_db.daily SELECT CAST(id AS INT), '" + day + "' FROM range(1000)");
            }
        }
        try (Connection auto = connect("alice", "auto"); Statement statement = auto.createStatement()) {
            double all = scanCost(statement, "SELECT count(*) FROM lakehouse.routing_db.daily");
            double oneDay = scanCost(statement, "SELECT count(*) FROM lakehouse.routing_db.daily WHERE day = 'd2'");
            double twoDays = scanCost(statement, "SELECT count(*) FROM lakehouse.routing_db.daily d WHERE d.day IN ('d1', 'd3') AND d.id >= 0");
            double none = scanCost(statement, "SELECT count(*) FROM lakehouse.routing_db.daily WHERE day = 'd9'");
            assertThat(all).isPositive();
            // Four partitions of the same size: a day is a quarter of the bytes, two days half, an absent day nothing.
            assertThat(oneDay / all).isBetween(0.2, 0.3);
            assertThat(twoDays / all).isBetween(0.45, 0.55);
            assertThat(none).isZero();
            assertThat(rows(statement, "SELECT count(*) FROM lakehouse.routing_db.daily WHERE day = 'd2'")).containsExactly(List.of("1000"));
        }
    }

    @Test
    @Order(7)
    void routeOverRest()
            throws Exception
    {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:10099/api/v1/sql/route"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"statement\": \"SELECT count(*) FROM lakehouse.routing_db.events e JOIN tpch.tiny.nation n ON e.id = n.nationkey\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"chosen\":\"trino\"").contains("\"engine\":\"duckdb\",\"feasible\":false");
        List<String> problems = new ArrayList<>();
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:10099/api/v1/sql/route"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"statement\": \"SELEC 1\"}")).build(), HttpResponse.BodyHandlers.ofString());
        problems.add(bad.body());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(problems.get(0)).contains("Syntax error");
    }
}
