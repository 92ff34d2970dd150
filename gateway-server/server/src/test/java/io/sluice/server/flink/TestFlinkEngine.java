package io.sluice.server.flink;

import io.sluice.dialects.corpus.CorpusRun;
import io.sluice.server.testing.EngineCorpus;
import io.sluice.server.testing.LocalFlinkExtension;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flink as a Sluice engine, against the real local Flink (MiniCluster and SQL Gateway from Maven Central jars, with
 * its persistent catalog): bounded queries, tables written with Spark SQL, the refusal of unbounded queries, a
 * streaming job, cancel, the dialect corpus, and Flink killed and restarted while Sluice keeps serving.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestFlinkEngine
{
    /** Queries of the corpus that give Spark's answer on Flink today (docs/dialects.md); fewer is a regression. */
    private static final int MATCHES = 416;

    @RegisterExtension
    @Order(1)
    static final LocalFlinkExtension FLINK = new LocalFlinkExtension();

    @RegisterExtension
    @Order(2)
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("router.engines", "duckdb,flink")
            .with("engine.flink.endpoint", FLINK.endpoint())
            .with("engine.flink.catalog", LocalFlinkExtension.CATALOG);

    @Test
    @Order(1)
    void sparkSqlRunsOnFlink()
            throws SQLException
    {
        try (Connection connection = connect("?sluice.engine=flink"); Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT 1 AS one, 'x' AS s, CAST(2.5 AS DECIMAL(5, 2)) AS d, upper('flink') AS u")) {
            ResultSetMetaData metadata = resultSet.getMetaData();
            assertThat(metadata.getColumnType(1)).isEqualTo(Types.INTEGER);
            assertThat(metadata.getColumnType(3)).isEqualTo(Types.DECIMAL);
            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getInt(1)).isEqualTo(1);
            assertThat(resultSet.getString(2)).isEqualTo("x");
            assertThat(resultSet.getBigDecimal(3)).isEqualByComparingTo("2.50");
            assertThat(resultSet.getString(4)).isEqualTo("FLINK");
            assertThat(resultSet.next()).isFalse();
        }
    }

    @Test
    @Order(2)
    void tablesWrittenWithSparkSqlAreThereForEverySession()
            throws SQLException
    {
        String database;
        try (Connection connection = connect("?sluice.engine=flink"); Statement statement = connection.createStatement()) {
            database = useNewDatabase(statement, "flink_tables_");
            // Spark's CREATE TABLE AS returns once the rows are written: the catalog keeps the table, in JSON files.
            assertThat(statement.execute("CREATE TABLE Orders AS SELECT id AS order_id, CAST(id * 2.5 AS DECIMAL(10, 2)) AS amount, "
                    + "concat('c', CAST(id % 3 AS STRING)) AS customer FROM range(1, 101)")).isFalse();
            assertThat(rows(statement, "SELECT count(*), sum(amount) FROM Orders")).containsExactly(List.of("100", "12625.00"));
            statement.execute("INSERT INTO Orders VALUES (1000, 1.25, 'new')");
        }
        try (Connection other = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl(database) + "?sluice.engine=flink", "someone-else");
                Statement statement = other.createStatement()) {
            assertThat(rows(statement, "SELECT customer, count(*) FROM orders GROUP BY customer ORDER BY customer"))
                    .containsExactly(List.of("c0", "33"), List.of("c1", "34"), List.of("c2", "33"), List.of("new", "1"));
            assertThat(rows(statement, "SHOW TABLES")).containsExactly(List.of(database, "Orders", "false"));
            assertThatThrownBy(() -> statement.executeQuery("SELECT nope FROM Orders"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42703"));
            statement.execute("DROP TABLE Orders");
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM Orders"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
            statement.execute("USE default");
            statement.execute("DROP DATABASE " + database);
        }
    }

    @Test
    @Order(3)
    void unboundedQueriesNeedALimitAndJobsRun()
            throws Exception
    {
        Path sink = Files.createTempDirectory("sluice-flink-sink");
        try (Connection connection = connect("?sluice.engine=flink;sluice.dialect=flink"); Statement statement = connection.createStatement()) {
            // Flink's own DDL is not Spark SQL: it reaches Flink as written, since the session pins Flink in its dialect.
            // Random values and no row count: a source that never ends.
            statement.execute("CREATE TEMPORARY TABLE clicks (id BIGINT, page STRING) WITH ('connector' = 'datagen', "
                    + "'rows-per-second' = '50', 'fields.id.min' = '1', 'fields.id.max' = '1000000', 'fields.page.length' = '4')");
            assertThatThrownBy(() -> statement.executeQuery("SELECT id, page FROM clicks"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"))
                    .hasMessageContaining("Not supported on flink: a SELECT over an unbounded source never ends; add a LIMIT");
            assertThat(rows(statement, "SELECT id FROM clicks LIMIT 3")).hasSize(3);

            statement.execute("CREATE TEMPORARY TABLE clicks_out (id BIGINT, page STRING) WITH ('connector' = 'filesystem', "
                    + "'path' = '" + sink.toUri() + "', 'format' = 'csv')");
            List<List<String>> job = rows(statement, "INSERT INTO clicks_out SELECT id, page FROM clicks");
            assertThat(job).hasSize(1);
            String jobId = job.get(0).get(0);
            assertThat(jobId).matches("[0-9a-f]{32}");
            // The job writes (in-progress) part files into the sink directory while it runs.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && countFiles(sink) == 0) {
                Thread.sleep(200);
            }
            assertThat(countFiles(sink)).isPositive();
            statement.execute("STOP JOB '" + jobId + "'");
        }
    }

    /** An unbounded table in the catalog: Spark SQL reads it on Flink with a LIMIT; no other engine can reach it. */
    @Test
    @Order(4)
    void unboundedTablesAreReadOnFlinkOnly()
            throws Exception
    {
        String table = "ticks_" + Long.toHexString(System.nanoTime());
        try (Connection flink = connect("?sluice.engine=flink;sluice.dialect=flink"); Statement ddl = flink.createStatement()) {
            ddl.execute("CREATE TABLE " + table + " (id BIGINT, sym STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '100', "
                    + "'fields.id.min' = '1', 'fields.id.max' = '1000000', 'fields.sym.length' = '3')");
            try (Connection connection = connect("?sluice.engine=flink"); Statement statement = connection.createStatement()) {
                // Batch mode refuses the unbounded source; with its LIMIT, the query runs again in streaming mode.
                assertThat(rows(statement, "SELECT id, upper(sym) FROM " + table + " LIMIT 5")).hasSize(5);
                assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM " + table))
                        .hasMessageContaining("a SELECT over an unbounded source never ends");
            }
            try (Connection auto = connect(""); Statement statement = auto.createStatement()) {
                assertThatThrownBy(() -> statement.executeQuery("SELECT id FROM " + table + " LIMIT 1"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
            }
            finally {
                ddl.execute("DROP TABLE " + table);
            }
        }
    }

    @Test
    @Order(5)
    void cancelStopsTheFlinkJob()
            throws Exception
    {
        try (Connection connection = connect("?sluice.engine=flink;sluice.dialect=flink"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE slow (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '100000', "
                    + "'rows-per-second' = '10')");
            // The query timeout cancels the statement in Sluice, which cancels the Flink operation and its job.
            statement.setQueryTimeout(3);
            assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM slow"))
                    .isInstanceOf(SQLException.class);
        }
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String jobs = "";
        while (System.nanoTime() < deadline) {
            jobs = client.send(HttpRequest.newBuilder(URI.create(FLINK.clusterEndpoint() + "/jobs/overview")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (jobs.contains("\"state\":\"CANCELED\"") && !jobs.contains("\"state\":\"RUNNING\"")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(jobs).contains("\"state\":\"CANCELED\"").doesNotContain("\"state\":\"RUNNING\"");
    }

    /**
     * The dialect corpus on Flink with its tables (written with Spark SQL into the local catalog): every query
     * answers as Spark did, fails where Spark failed, or is refused by name; none may answer differently.
     */
    @Test
    @Order(6)
    void corpusGivesNoWrongAnswerOnFlink()
            throws Exception
    {
        List<CorpusRun.Result> results = EngineCorpus.run(SLUICE, "flink");
        assertThat(results).hasSizeGreaterThanOrEqualTo(400);
        assertThat(results.stream().filter(result -> result.outcome() == CorpusRun.Outcome.MATCH).count()).isGreaterThanOrEqualTo(MATCHES);
        assertThat(results.stream()
                .filter(result -> result.outcome() == CorpusRun.Outcome.MISMATCH || result.outcome() == CorpusRun.Outcome.ANSWERED_WHERE_SPARK_FAILED)
                .map(result -> result.query().id() + " " + result.outcome() + ": " + result.detail()).toList())
                .as("wrong answers on Flink (see target/corpus-report-flink.md)")
                .isEmpty();
    }

    /**
     * Flink killed: a clear error, and DuckDB keeps serving. Flink back: the session that was open before goes on
     * (Sluice opens a new gateway session in the same database), and the tables are still there.
     */
    @Test
    @Order(7)
    void flinkKilledGivesAClearErrorAndSessionsGoOnOnceItIsBack()
            throws Exception
    {
        try (Connection connection = connect("?sluice.engine=flink"); Statement statement = connection.createStatement()) {
            String database = useNewDatabase(statement, "flink_restart_");
            statement.execute("CREATE TABLE kept AS SELECT 7 AS v");
            FLINK.kill();
            try {
                assertThatThrownBy(() -> statement.executeQuery("SELECT v FROM kept"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08001"))
                        .hasMessageContaining("Flink SQL Gateway at " + FLINK.endpoint() + " is not reachable");
                try (Connection duckdb = connect(""); Statement other = duckdb.createStatement()) {
                    assertThat(rows(other, "SELECT 40 + 2")).containsExactly(List.of("42"));
                }
            }
            finally {
                FLINK.start();
            }
            assertThat(rows(statement, "SELECT v FROM kept")).containsExactly(List.of("7"));
            statement.execute("USE default");
            statement.execute("DROP DATABASE " + database + " CASCADE");
        }
    }

    private static long countFiles(Path directory)
            throws IOException
    {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** Creates a database of the test's own on Flink and makes it the session's current one. */
    private static String useNewDatabase(Statement statement, String prefix)
            throws SQLException
    {
        String database = prefix + Long.toHexString(System.nanoTime());
        statement.execute("CREATE DATABASE " + database);
        statement.execute("USE " + database);
        return database;
    }

    private static Connection connect(String settings)
            throws SQLException
    {
        return TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default") + settings, "flinker");
    }

}
