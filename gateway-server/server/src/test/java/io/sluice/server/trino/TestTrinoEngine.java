package io.sluice.server.trino;

import io.sluice.server.testing.LocalTrinoExtension;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.sluice.server.testing.JdbcRows.column;
import static io.sluice.server.testing.JdbcRows.engineState;
import static io.sluice.server.testing.JdbcRows.executeInBackground;
import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trino as a Sluice engine, against the real local Trino ({@code bin/sluice engine start trino}): types, TPC-H
 * queries compared with Trino's own answers, metadata calls, errors, cancel (seen in Trino's
 * {@code system.runtime.queries}), and Trino killed and restarted while Sluice keeps serving.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestTrinoEngine
{
    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static final LocalTrinoExtension TRINO = new LocalTrinoExtension();

    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("router.engines", "duckdb,trino")
            .with("engine.trino.endpoint", TRINO.endpoint())
            .with("engine.trino.request-timeout", "5s");

    @Test
    @Order(1)
    void sparkSqlTypesRoundTrip()
            throws SQLException
    {
        try (Connection connection = connect("?sluice.engine=trino"); Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT 1 AS i, CAST(2 AS BIGINT) AS b, CAST(12345678901234567890.0123456789 AS DECIMAL(38, 10)) AS d, "
                        + "CAST(1.5 AS DOUBLE) AS f8, CAST(0.25 AS FLOAT) AS f4, true AS t, 'x' AS s, DATE '2024-02-29' AS dt, "
                        + "CAST('2024-01-02 03:04:05.123456' AS TIMESTAMP) AS ts, X'CAFE' AS bin, array(1, 2, NULL) AS arr, map('k', CAST(1.5 AS DOUBLE)) AS m")) {
            ResultSetMetaData metadata = resultSet.getMetaData();
            assertThat(List.of(metadata.getColumnType(1), metadata.getColumnType(2), metadata.getColumnType(3), metadata.getColumnType(4),
                    metadata.getColumnType(5), metadata.getColumnType(6), metadata.getColumnType(7), metadata.getColumnType(8),
                    metadata.getColumnType(9), metadata.getColumnType(10), metadata.getColumnType(11), metadata.getColumnType(12)))
                    .containsExactly(Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.BOOLEAN, Types.VARCHAR,
                            Types.DATE, Types.TIMESTAMP, Types.BINARY, Types.ARRAY, Types.JAVA_OBJECT);
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
            assertThat((byte[]) resultSet.getObject(10)).containsExactly(0xCA, 0xFE);
            assertThat(resultSet.getString(11)).isEqualTo("[1,2,null]");
            assertThat(resultSet.getString(12)).isEqualTo("{\"k\":1.5}");
            assertThat(resultSet.next()).isFalse();
        }
    }

    @Test
    @Order(2)
    void trinoOnlyTypesArriveAsSparkWouldShowThem()
            throws SQLException
    {
        // Trino SQL, pinned to Trino in its own dialect: types Spark SQL cannot write. As in Spark, a timestamp with a
        // time zone shows in the session's time zone (UTC), a day-time interval in Hive's spelling.
        try (Connection connection = connect("?sluice.engine=trino;sluice.dialect=trino"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT TIMESTAMP '2024-01-02 03:04:05.123 Europe/Warsaw', CAST(ROW(1, 'x') AS ROW(a INTEGER, b VARCHAR)), "
                    + "INTERVAL '3' DAY, JSON '{\"a\": [1, 2]}', CAST(NULL AS VARCHAR)"))
                    .containsExactly(List.of("2024-01-02 02:04:05.123", "{\"a\":1,\"b\":\"x\"}", "3 00:00:00.000000000", "{\"a\":[1,2]}", "null"));
        }
    }

    @Test
    @Order(3)
    void tpchQueriesAnswerAsTrinoDoes()
            throws SQLException
    {
        String sparkSql = "SELECT l.returnflag, l.linestatus, sum(l.quantity) AS sum_qty, count(*) AS count_order, "
                + "avg(l.discount) AS avg_disc, max(o.orderdate) AS last_order "
                + "FROM tpch.tiny.lineitem l JOIN tpch.tiny.orders o ON l.orderkey = o.orderkey "
                + "WHERE l.shipdate <= date_sub(DATE '1998-12-01', 90) GROUP BY l.returnflag, l.linestatus ORDER BY l.returnflag, l.linestatus";
        String trinoSql = "SELECT l.returnflag, l.linestatus, sum(l.quantity), count(*), avg(l.discount), max(o.orderdate) "
                + "FROM tpch.tiny.lineitem l JOIN tpch.tiny.orders o ON l.orderkey = o.orderkey "
                + "WHERE l.shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY GROUP BY 1, 2 ORDER BY 1, 2";
        List<List<String>> throughSluice;
        try (Connection connection = connect("?sluice.engine=trino"); Statement statement = connection.createStatement()) {
            throughSluice = rows(statement, sparkSql);
        }
        List<List<String>> direct = new ArrayList<>();
        try (Connection trino = trino(); Statement statement = trino.createStatement(); ResultSet resultSet = statement.executeQuery(trinoSql)) {
            while (resultSet.next()) {
                direct.add(List.of(resultSet.getString(1), resultSet.getString(2), String.valueOf(resultSet.getDouble(3)), resultSet.getString(4),
                        String.valueOf(resultSet.getDouble(5)), resultSet.getString(6)));
            }
        }
        assertThat(direct).hasSize(4);
        assertThat(throughSluice).isEqualTo(direct);
        // A session on the default engine sends one statement to Trino with the hint.
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT /*+ ENGINE(trino) */ count(*) FROM tpch.tiny.nation WHERE regionkey = 1")).containsExactly(List.of("5"));
        }
    }

    @Test
    @Order(4)
    void trinoCatalogsInMetadataCalls()
            throws SQLException
    {
        try (Connection connection = connect("?sluice.engine=trino")) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(column(metadata.getSchemas(), "TABLE_SCHEM")).contains("default", "tpch.tiny", "tpch.sf1", "memory.default");
            assertThat(column(metadata.getTables(null, "tpch.tiny", "%", null), "TABLE_NAME"))
                    .containsExactly("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier");
            try (ResultSet columns = metadata.getColumns(null, "tpch.tiny", "nation", "%")) {
                List<String> described = new ArrayList<>();
                while (columns.next()) {
                    described.add(columns.getString("COLUMN_NAME") + " " + columns.getString("TYPE_NAME") + " " + columns.getInt("DATA_TYPE"));
                }
                assertThat(described).containsExactly("nationkey bigint -5", "name varchar(25) 12", "regionkey bigint -5", "comment varchar(152) 12");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("USE tpch.tiny");
                assertThat(rows(statement, "SELECT count(*) FROM nation")).containsExactly(List.of("25"));
                // Trino's statistics, as its catalog and Sluice's router read them.
                assertThat(rows(statement, "SHOW STATS FOR nation")).containsExactly(
                        List.of("nationkey", "null", "25.0", "0.0", "null", "0", "24"),
                        List.of("name", "177.0", "25.0", "0.0", "null", "null", "null"),
                        List.of("regionkey", "null", "5.0", "0.0", "null", "0", "4"),
                        List.of("comment", "1857.0", "25.0", "0.0", "null", "null", "null"),
                        List.of("null", "null", "null", "null", "25.0", "null", "null"));
                assertThatThrownBy(() -> statement.executeQuery("SHOW STATS FOR tpch.tiny.no_such_table"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
                assertThat(rows(statement, "SHOW ENGINES").stream().filter(row -> row.get(0).equals("trino")).toList())
                        .singleElement().satisfies(row -> assertThat(row.subList(1, 5)).containsExactly("UP", "476", TRINO.endpoint(), "trino"));
            }
        }
    }

    @Test
    @Order(5)
    void trinoErrorsKeepTheirMessageAndMapToSqlStates()
            throws SQLException
    {
        try (Connection connection = connect("?sluice.engine=trino;sluice.dialect=trino"); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT CAST('x' AS INTEGER)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22018"))
                    .hasMessageMatching("Trino query \\w+ failed: .*Cannot cast 'x' to INT.* \\(INVALID_CAST_ARGUMENT\\)");
        }
        try (Connection connection = connect("?sluice.engine=trino"); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM tpch.tiny.no_such_table"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
            assertThatThrownBy(() -> statement.execute("USE no_such_schema"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("3F000"));
        }
    }

    @Test
    @Order(5)
    void aSessionSeesItsOwnTablesAtOnceDespiteTheMetadataCache()
            throws SQLException
    {
        String table = "fresh_" + Long.toHexString(System.nanoTime());
        try (Connection connection = connect("?sluice.engine=trino"); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM " + table))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
            statement.execute("CREATE TABLE " + table + " AS SELECT 1 AS a, 'x' AS b");
            assertThat(rows(statement, "SELECT a, b FROM " + table)).containsExactly(List.of("1", "x"));
            statement.execute("DROP TABLE " + table);
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM " + table))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
        }
    }

    @Test
    @Order(6)
    void cancelStopsTheTrinoQuery()
            throws Exception
    {
        try (Connection connection = connect("?sluice.engine=trino"); Statement statement = connection.createStatement()) {
            // The query timeout cancels the statement in Sluice, which deletes the query on Trino.
            statement.setQueryTimeout(2);
            assertThatThrownBy(() -> statement.executeQuery("SELECT sum(extendedprice) AS cancel_me FROM tpch.sf1000.lineitem"))
                    .isInstanceOf(SQLException.class);
        }
        String state = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection trino = trino(); Statement statement = trino.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet resultSet = statement.executeQuery("SELECT state, error_code FROM system.runtime.queries "
                        + "WHERE source = 'sluice' AND query LIKE '%cancel_me%' AND query NOT LIKE '%runtime.queries%'")) {
                    state = resultSet.next() ? resultSet.getString(1) + " " + resultSet.getString(2) : "not found";
                }
                if (state.startsWith("FAILED")) {
                    break;
                }
                Thread.sleep(200);
            }
        }
        assertThat(state).isEqualTo("FAILED USER_CANCELED");
    }

    @Test
    @Order(7)
    void trinoKilledMidQueryThenRestartedWithoutRestartingSluice()
            throws Exception
    {
        try (Connection connection = connect("?sluice.engine=trino"); Statement statement = connection.createStatement()) {
            CompletableFuture<Void> query = executeInBackground(statement, "SELECT sum(extendedprice) AS kill_me FROM tpch.sf1000.lineitem");
            awaitRunningQuery();
            TRINO.kill();
            assertThatThrownBy(() -> query.get(60, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08006"))
                    .hasMessageContaining("Lost the connection to Trino at " + TRINO.endpoint() + " while the query ran");
        }
        try (Connection connection = connect("?sluice.engine=trino"); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08001"))
                    .hasMessageContaining("Trino at " + TRINO.endpoint() + " is not reachable");
            assertThat(engineState(statement, "trino"))
                    .containsExactly("DOWN");
        }
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT 40 + 2")).containsExactly(List.of("42"));
        }
        TRINO.start();
        try (Connection connection = connect("?sluice.engine=trino"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT count(*) FROM tpch.tiny.nation")).containsExactly(List.of("25"));
        }
    }

    private static void awaitRunningQuery()
            throws Exception
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection trino = trino(); Statement statement = trino.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet resultSet = statement.executeQuery("SELECT count(*) FROM system.runtime.queries "
                        + "WHERE source = 'sluice' AND state = 'RUNNING' AND query LIKE '%kill_me%' AND query NOT LIKE '%runtime.queries%'")) {
                    resultSet.next();
                    if (resultSet.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("The query did not start on Trino");
    }


    private static Connection trino()
            throws SQLException
    {
        return DriverManager.getConnection("jdbc:trino://127.0.0.1:" + TRINO.endpoint().replaceAll(".*:", "") + "/system", "test", null);
    }

    private static Connection connect(String settings)
            throws SQLException
    {
        return TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default") + settings, "trinoer");
    }
}
