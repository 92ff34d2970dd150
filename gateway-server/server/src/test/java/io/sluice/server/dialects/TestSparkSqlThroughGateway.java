package io.sluice.server.dialects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
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
import java.util.List;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spark SQL through the gateway with the Hive JDBC driver: statements are parsed in the session's dialect,
 * validated against the engine's catalog before the engine sees them, and translated; TRANSPILE and the REST
 * transpile endpoint expose the translation.
 */
class TestSparkSqlThroughGateway
{
    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sparkSemanticsOnDuckDb()
            throws SQLException
    {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE people (id INT, name STRING, tags ARRAY<STRING>)");
            statement.execute("INSERT INTO people VALUES (1, 'ann lee', array('a', 'b')), (2, NULL, array('z'))");
            assertThat(rows(statement, "SELECT id, 7 / 2, 7 DIV 2, initcap(name), tags[0], size(tags) FROM people ORDER BY id"))
                    .containsExactly(List.of("1", "3.5", "3", "Ann Lee", "a", "2"), List.of("2", "3.5", "3", "null", "z", "1"));
            // Expressions name their result columns as written, as in Spark, not after their translation.
            try (ResultSet resultSet = statement.executeQuery("SELECT id, initcap(name), tags[0] AS first_tag, 7  DIV 2 FROM people")) {
                assertThat(resultSet.getMetaData().getColumnName(2)).isEqualTo("initcap(name)");
                assertThat(resultSet.getMetaData().getColumnName(3)).isEqualTo("first_tag");
                assertThat(resultSet.getMetaData().getColumnName(4)).isEqualTo("7 DIV 2");
            }
            assertThat(rows(statement, "SELECT id, t FROM people LATERAL VIEW explode(tags) e AS t ORDER BY t"))
                    .containsExactly(List.of("1", "a"), List.of("1", "b"), List.of("2", "z"));
            statement.execute("INSERT OVERWRITE TABLE people SELECT id + 10, name, tags FROM people");
            assertThat(rows(statement, "SELECT id FROM people ORDER BY id")).containsExactly(List.of("11"), List.of("12"));
            // An overwrite that fails halfway keeps every row and leaves the session usable.
            assertThatThrownBy(() -> statement.execute("INSERT OVERWRITE TABLE people SELECT id, name, tags FROM people WHERE tags[5] IS NULL"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("INVALID_ARRAY_INDEX");
            assertThat(rows(statement, "SELECT id FROM people ORDER BY id")).containsExactly(List.of("11"), List.of("12"));
            // Spark's ANSI mode fails on an index out of bounds; so does Sluice on DuckDB.
            assertThatThrownBy(() -> rows(statement, "SELECT tags[5] FROM people"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("INVALID_ARRAY_INDEX");
        }
    }

    @Test
    void generatorsOfSeveralColumnsInASelectListOnDuckDb()
            throws SQLException
    {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE lists (id INT, tags ARRAY<STRING>)");
            statement.execute("INSERT INTO lists VALUES (1, array('a', 'b')), (2, array()), (3, array('z'))");
            try (ResultSet resultSet = statement.executeQuery("SELECT id, posexplode(tags) FROM lists ORDER BY id, pos")) {
                assertThat(resultSet.getMetaData().getColumnName(2)).isEqualTo("pos");
                assertThat(resultSet.getMetaData().getColumnName(3)).isEqualTo("col");
                assertThat(rows(resultSet)).containsExactly(List.of("1", "0", "a"), List.of("1", "1", "b"), List.of("3", "0", "z"));
            }
            assertThat(rows(statement, "SELECT inline(array(struct(1, 'x'), struct(2, 'y')))"))
                    .containsExactly(List.of("1", "x"), List.of("2", "y"));
        }
    }

    @Test
    void tableSamplesOnDuckDb()
            throws SQLException
    {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE hundred AS SELECT id FROM range(100)");
            assertThat(rows(statement, "SELECT count(*) FROM hundred TABLESAMPLE (100 PERCENT)")).containsExactly(List.of("100"));
            assertThat(rows(statement, "SELECT count(*) FROM hundred TABLESAMPLE (0 PERCENT) h WHERE h.id >= 0")).containsExactly(List.of("0"));
            assertThat(rows(statement, "SELECT count(*) FROM hundred TABLESAMPLE (7 ROWS) h")).containsExactly(List.of("7"));
            // Each row is drawn on its own: a half of 100 rows is neither none nor all of them (but for a chance of 2^-99).
            long half = Long.parseLong(rows(statement, "SELECT count(*) FROM hundred TABLESAMPLE (BUCKET 1 OUT OF 2) REPEATABLE (3)").get(0).get(0));
            assertThat(half).isBetween(1L, 99L);
            assertThat(rows(statement, "SELECT max(h.id) < 100, count(DISTINCT h.id) = count(*) FROM hundred TABLESAMPLE (30 PERCENT) AS h JOIN hundred g ON h.id = g.id"))
                    .containsExactly(List.of("true", "true"));
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM hundred TABLESAMPLE (101 PERCENT)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"))
                    .hasMessageContaining("TABLESAMPLE takes a percentage from 0 to 100, not 101");
        }
    }

    @Test
    void unknownObjectsFailBeforeAnyEngineWithTheirName()
            throws SQLException
    {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"))
                    .hasMessageContaining("Table or view 'no_such_table' not found at line 1, column 15");
            statement.execute("CREATE TABLE known (a INT)");
            assertThatThrownBy(() -> statement.executeQuery("SELECT b FROM known"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42703"))
                    .hasMessageContaining("Column 'b' not found");
            assertThatThrownBy(() -> statement.executeQuery("SELECT hash(a) FROM known"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"))
                    .hasMessageContaining("Function hash is not supported by Sluice");
            assertThatThrownBy(() -> statement.executeQuery("SELECT CAST(1.5D AS STRING)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"))
                    .hasMessage("Syntax error in spark SQL at line 1, column 16: unexpected 'D'");
            assertThat(rows(statement, "SELECT 1")).containsExactly(List.of("1"));
        }
    }

    @Test
    void transpileStatement()
            throws SQLException
    {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE events (id BIGINT, tags ARRAY<STRING>, day DATE)");
            assertThat(rows(statement, "TRANSPILE 'SELECT tags[0], date_add(day, 1) FROM events' TO trino"))
                    .containsExactly(List.of("SELECT (\"events\".\"tags\"[0 + 1]), date_add('day', 1, CAST(\"events\".\"day\" AS DATE)) "
                            + "FROM \"default\".\"events\" AS \"events\""));
            assertThat(rows(statement, "TRANSPILE 'SELECT id FROM events' FROM spark TO duckdb"))
                    .containsExactly(List.of("SELECT \"events\".\"id\" FROM \"main\".\"events\" AS \"events\""));
            assertThatThrownBy(() -> rows(statement, "TRANSPILE 'SELECT 1' TO oracle"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Unknown SQL dialect 'oracle': expected one of spark, hive, trino, duckdb, flink");
        }
    }

    @Test
    void passThroughOnlyWhenThePinnedEngineReadsTheSessionDialect()
            throws SQLException
    {
        String duckDbOnly = "SELECT [1, 2, 3]::INTEGER[] AS list";
        try (Connection connection = connect("?sluice.dialect=duckdb;sluice.engine=duckdb"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, duckDbOnly)).containsExactly(List.of("[1,2,3]"));
        }
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> rows(statement, duckDbOnly))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"));
        }
        try (Connection connection = connect("?sluice.dialect=duckdb"); Statement statement = connection.createStatement()) {
            // sluice.engine=auto: no engine is pinned, so the parser's error stands.
            assertThatThrownBy(() -> rows(statement, duckDbOnly))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"));
        }
    }

    @Test
    void engineHintAndSessionCommands()
            throws SQLException
    {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT /*+ ENGINE(duckdb) */ 40 + 2")).containsExactly(List.of("42"));
            assertThatThrownBy(() -> rows(statement, "SELECT /*+ ENGINE(trino) */ 1"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Engine 'trino'");
            assertThat(rows(statement, "SHOW FUNCTIONS LIKE 'date_a*'")).containsExactly(List.of("date_add"));
            // Flink starts a word after any non-alphanumeric character, so initcap is refused there.
            assertThat(rows(statement, "DESCRIBE FUNCTION initcap"))
                    .contains(List.of("duckdb: emulated: words are split on single spaces, as Spark does"), List.of("trino: emulated: words are split on single spaces, as Spark does"),
                            List.of("flink: not supported"));
            assertThat(rows(statement, "DESCRIBE QUERY SELECT 1 AS one, 'x' AS s, CAST(1 AS DECIMAL(5, 2)) AS d"))
                    .containsExactly(List.of("one", "int", "null"), List.of("s", "string", "null"), List.of("d", "decimal(5,2)", "null"));
            statement.execute("CREATE TEMPORARY VIEW mine AS SELECT 7 AS seven");
            assertThat(rows(statement, "SELECT seven * 2 FROM mine")).containsExactly(List.of("14"));
            statement.execute("CACHE TABLE mine");
            statement.execute("SET spark.sql.shuffle.partitions=8");
            assertThat(rows(statement, "SET spark.sql.shuffle.partitions")).containsExactly(List.of("spark.sql.shuffle.partitions", "8"));
            statement.execute("RESET spark.sql.shuffle.partitions");
            assertThat(rows(statement, "SET spark.sql.shuffle.partitions")).containsExactly(List.of("spark.sql.shuffle.partitions", "<undefined>"));
        }
    }

    @Test
    void restTranspile()
            throws Exception
    {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> ok = post(client, "{\"statement\": \"SELECT 7 DIV 2, substr('hello', 0, 2)\", \"to\": \"duckdb\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(ok.body());
        assertThat(body.get("statement").asText()).isEqualTo("SELECT CAST(7 // 2 AS BIGINT), substring('hello', 1, 2)");
        assertThat(body.get("from").asText()).isEqualTo("spark");

        HttpResponse<String> badDialect = post(client, "{\"statement\": \"SELECT 1\", \"to\": \"cobol\"}");
        assertThat(badDialect.statusCode()).isEqualTo(400);
        assertThat(badDialect.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(badDialect.body()).get("detail").asText()).contains("Unknown SQL dialect 'cobol'");

        HttpResponse<String> notJson = post(client, "SELECT 1");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).get("detail").asText()).startsWith("The request body is not valid JSON");

        HttpResponse<String> missing = post(client, "{\"to\": \"duckdb\"}");
        assertThat(JSON.readTree(missing.body()).get("detail").asText()).isEqualTo("The request needs the string field 'statement'");

        HttpResponse<String> unknownTable = post(client, "{\"statement\": \"SELECT * FROM nowhere\", \"to\": \"trino\"}");
        assertThat(unknownTable.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownTable.body()).get("detail").asText()).contains("Table or view 'nowhere' not found");
    }

    private static HttpResponse<String> post(HttpClient client, String body)
            throws Exception
    {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SLUICE.server().restPort() + "/api/v1/sql/transpile"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Connection connect(String settings)
            throws SQLException
    {
        return TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default") + settings, "bob");
    }

}
