package io.sluice.server.spark;

import io.sluice.server.dialects.TestQueriesOverFiles;
import io.sluice.server.testing.LocalSparkExtension;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.sluice.server.testing.JdbcRows.engineState;
import static io.sluice.server.testing.JdbcRows.executeInBackground;
import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spark as a Sluice engine, against the real local Spark Connect server ({@code bin/sluice engine start spark}):
 * types, a million rows streamed in batches, sessions of their own, errors, cancel and timeout, and Spark killed and
 * restarted while Sluice keeps serving.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestSparkEngine
{
    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static final LocalSparkExtension SPARK = new LocalSparkExtension();

    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("router.engines", "duckdb,spark")
            .with("engine.spark.remote", SPARK.remote());

    @Test
    @Order(1)
    void typesRoundTrip()
            throws SQLException
    {
        try (Connection connection = connect("?sluice.engine=spark"); Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT 1 AS i, CAST(2 AS BIGINT) AS b, CAST(12345678901234567890.0123456789 AS DECIMAL(38, 10)) AS d, "
                        + "CAST(1.5 AS DOUBLE) AS f8, CAST(0.25 AS FLOAT) AS f4, true AS t, 'x' AS s, DATE '2024-02-29' AS dt, "
                        + "CAST('2024-01-02 03:04:05.123456' AS TIMESTAMP) AS ts, CAST('2024-01-02 03:04:05' AS TIMESTAMP_NTZ) AS ntz, X'CAFE' AS bin, "
                        + "array(1, 2, NULL) AS arr, map('k', CAST(1.5 AS DOUBLE)) AS m, named_struct('a', 1, 'b', array('x')) AS st, "
                        + "INTERVAL '1-2' YEAR TO MONTH AS ym, INTERVAL '3 04:05:06' DAY TO SECOND AS dts")) {
            ResultSetMetaData metadata = resultSet.getMetaData();
            assertThat(List.of(metadata.getColumnType(1), metadata.getColumnType(2), metadata.getColumnType(3), metadata.getColumnType(4),
                    metadata.getColumnType(5), metadata.getColumnType(6), metadata.getColumnType(7), metadata.getColumnType(8),
                    metadata.getColumnType(9), metadata.getColumnType(10), metadata.getColumnType(11), metadata.getColumnType(12),
                    metadata.getColumnType(13), metadata.getColumnType(14)))
                    .containsExactly(Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.BOOLEAN, Types.VARCHAR,
                            Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP, Types.BINARY, Types.ARRAY, Types.JAVA_OBJECT, Types.STRUCT);
            assertThat(metadata.getPrecision(3)).isEqualTo(38);
            assertThat(metadata.getScale(3)).isEqualTo(10);
            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getInt(1)).isEqualTo(1);
            assertThat(resultSet.getLong(2)).isEqualTo(2);
            assertThat(resultSet.getBigDecimal(3)).isEqualByComparingTo("12345678901234567890.0123456789");
            assertThat(resultSet.getDouble(4)).isEqualTo(1.5);
            assertThat(resultSet.getFloat(5)).isEqualTo(0.25f);
            assertThat(resultSet.getBoolean(6)).isTrue();
            assertThat(resultSet.getString(7)).isEqualTo("x");
            assertThat(resultSet.getDate(8)).hasToString("2024-02-29");
            assertThat(resultSet.getTimestamp(9)).hasToString("2024-01-02 03:04:05.123456");
            assertThat(resultSet.getTimestamp(10)).hasToString("2024-01-02 03:04:05.0");
            assertThat((byte[]) resultSet.getObject(11)).containsExactly(0xCA, 0xFE);
            assertThat(resultSet.getString(12)).isEqualTo("[1,2,null]");
            assertThat(resultSet.getString(13)).isEqualTo("{\"k\":1.5}");
            assertThat(resultSet.getString(14)).isEqualTo("{\"a\":1,\"b\":[\"x\"]}");
            assertThat(resultSet.getString(15)).isEqualTo("1-2");
            assertThat(resultSet.getString(16)).isEqualTo("3 04:05:06.000000000");
            assertThat(resultSet.next()).isFalse();
        }
    }

    @Test
    @Order(2)
    void aMillionRowsStreamInBatches()
            throws SQLException
    {
        try (Connection connection = connect("?sluice.engine=spark"); Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            long count = 0;
            long checksum = 0;
            try (ResultSet resultSet = statement.executeQuery("SELECT id, id * 2 AS doubled, concat('row ', CAST(id AS STRING)) AS label FROM range(1000000)")) {
                while (resultSet.next()) {
                    count++;
                    checksum += resultSet.getLong(2);
                    assertThat(resultSet.getString(3)).isEqualTo("row " + resultSet.getLong(1));
                }
            }
            assertThat(count).isEqualTo(1_000_000);
            assertThat(checksum).isEqualTo(999_999L * 1_000_000L);
        }
    }

    @Test
    @Order(3)
    void sessionsKeepTheirOwnTemporaryViews()
            throws SQLException
    {
        try (Connection first = connect("?sluice.engine=spark"); Statement one = first.createStatement();
                Connection second = connect("?sluice.engine=spark"); Statement two = second.createStatement()) {
            one.execute("CREATE TEMPORARY VIEW mine AS SELECT 7 AS seven");
            assertThat(rows(one, "SELECT seven FROM mine")).containsExactly(List.of("7"));
            assertThatThrownBy(() -> two.executeQuery("SELECT seven FROM mine"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
        }
    }

    @Test
    @Order(4)
    void sparkErrorsKeepTheirClassAndSqlState()
            throws SQLException
    {
        try (Connection connection = connect("?sluice.engine=spark"); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1 / 0"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"))
                    .hasMessageStartingWith("Spark: [DIVIDE_BY_ZERO] Division by zero.");
            assertThatThrownBy(() -> statement.executeQuery("SELECT CAST('x' AS INT)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22018"))
                    .hasMessageContaining("[CAST_INVALID_INPUT]");
        }
    }

    @Test
    @Order(4)
    void sparkStatisticsAfterAnalyze()
            throws SQLException
    {
        String table = "stats_" + Long.toHexString(System.nanoTime());
        try (Connection connection = connect("?sluice.engine=spark"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " AS SELECT id, CASE WHEN id % 10 = 0 THEN NULL ELSE id % 3 END AS m FROM range(50)");
            // Not Sluice SQL: it reaches Spark as written, in a session pinned to Spark in Spark's dialect.
            statement.execute("ANALYZE TABLE " + table + " COMPUTE STATISTICS FOR ALL COLUMNS");
            List<List<String>> statistics = rows(statement, "SHOW STATS FOR " + table);
            assertThat(statistics).hasSize(3);
            assertThat(statistics.get(0)).containsExactly("id", "400.0", "50.0", "0.0", "null", "0", "49");
            assertThat(statistics.get(1).subList(0, 4)).containsExactly("m", "400.0", "3.0", "0.1");
            assertThat(statistics.get(2)).containsExactly("null", "null", "null", "null", "50.0", "null", "null");
            statement.execute("DROP TABLE " + table);
        }
    }

    @Test
    @Order(4)
    void queriesOverFilesReadTheSameOnSparkAndDuckDb(@TempDir Path files)
            throws SQLException, IOException
    {
        TestQueriesOverFiles.writeFiles(files);
        List<String> queries = List.of(
                "SELECT id, name, score FROM parquet.`" + files.resolve("events.parquet") + "` ORDER BY id",
                "SELECT k, count(*) AS n, sum(id) AS total FROM parquet.`" + files.resolve("parts") + "` GROUP BY k ORDER BY k",
                "SELECT * FROM csv.`" + files.resolve("people.csv") + "` ORDER BY _c0",
                "SELECT * FROM json.`" + files.resolve("people.json") + "` ORDER BY id");
        try (Connection spark = connect("?sluice.engine=spark"); Statement onSpark = spark.createStatement();
                Connection duckdb = connect("?sluice.engine=duckdb"); Statement onDuckDb = duckdb.createStatement()) {
            for (String query : queries) {
                List<List<String>> sparkRows = rows(onSpark, query);
                assertThat(sparkRows).as(query).isNotEmpty();
                assertThat(rows(onDuckDb, query)).as(query).isEqualTo(sparkRows);
                try (ResultSet sparkResult = onSpark.executeQuery(query); ResultSet duckDbResult = onDuckDb.executeQuery(query)) {
                    for (int column = 1; column <= sparkResult.getMetaData().getColumnCount(); column++) {
                        assertThat(duckDbResult.getMetaData().getColumnName(column)).as(query).isEqualTo(sparkResult.getMetaData().getColumnName(column));
                    }
                }
            }
        }
    }

    @Test
    @Order(5)
    void queryTimeoutCancelsTheSparkJob()
            throws SQLException
    {
        try (Connection connection = connect("?sluice.engine=spark"); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            long start = System.nanoTime();
            assertThatThrownBy(() -> statement.executeQuery("SELECT sum(id % 7) FROM range(0, 100000000000)"))
                    .isInstanceOf(SQLException.class);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
            // The job is gone from Spark: the next statement of the session has both cores and answers at once.
            statement.setQueryTimeout(0);
            assertThat(rows(statement, "SELECT count(*) FROM range(1000)")).containsExactly(List.of("1000"));
        }
    }

    @Test
    @Order(6)
    void sparkKilledMidQueryThenRestartedWithoutRestartingSluice()
            throws Exception
    {
        try (Connection connection = connect("?sluice.engine=spark"); Statement statement = connection.createStatement()) {
            CompletableFuture<Void> query = executeInBackground(statement, "SELECT sum(id % 7) FROM range(0, 100000000000)");
            awaitRunningStatement();
            SPARK.kill();
            assertThatThrownBy(() -> query.get(60, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("08"))
                    .hasMessageContaining("Spark");
        }
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT 40 + 2")).containsExactly(List.of("42"));
            assertThat(engineState(statement, "spark"))
                    .containsExactly("DOWN");
        }
        SPARK.start();
        try (Connection connection = connect("?sluice.engine=spark"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT count(*) FROM range(25)")).containsExactly(List.of("25"));
        }
    }

    /** Waits, bounded, until the Spark engine reports a statement running (SHOW ENGINES' running_queries). */
    private static void awaitRunningStatement()
            throws Exception
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                if (rows(statement, "SHOW ENGINES").stream().anyMatch(row -> row.get(0).equals("spark") && !row.get(5).equals("0"))) {
                    return;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("The query did not start on Spark");
    }

    private static Connection connect(String settings)
            throws SQLException
    {
        return TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default") + settings, "sparker");
    }
}
