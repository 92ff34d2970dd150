package io.sluice.distribution;

import io.sluice.server.testing.TestClients;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every HiveServer2 client relies on, checked through the Apache Hive JDBC driver and Sluice's own against a
 * server in a process of its own, with statements pinned to one engine: typed results, several fetches, errors with
 * their SQLSTATE, session settings and the metadata calls.
 */
final class Hs2Conformance
{
    private Hs2Conformance() {}

    /** Every check, on the engine {@code engine}, at {@code url} (a Hive driver URL, binary or HTTP), through both drivers. */
    static void check(String url, String engine)
            throws SQLException
    {
        for (TestClients client : List.of(TestClients.HIVE_JDBC, TestClients.SLUICE_JDBC)) {
            check(client, url, engine);
        }
    }

    private static void check(TestClients client, String url, String engine)
            throws SQLException
    {
        try (Connection connection = client.connect(url, "alice"); Statement statement = connection.createStatement()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("Sluice");
            assertThat(rows(statement, "SET sluice.engine=" + engine)).containsExactly(List.of("sluice.engine", engine));

            try (ResultSet resultSet = statement.executeQuery("SELECT CAST(7 AS INT) AS i, CAST(8 AS BIGINT) AS b, CAST(1.25 AS DECIMAL(5,2)) AS d, "
                    + "'text' AS s, true AS t, DATE '2024-02-29' AS dt, TIMESTAMP '2024-02-29 12:34:56' AS ts, array(1, 2) AS a")) {
                ResultSetMetaData metadata = resultSet.getMetaData();
                List<Integer> types = new ArrayList<>();
                for (int column = 1; column <= metadata.getColumnCount(); column++) {
                    types.add(metadata.getColumnType(column));
                }
                assertThat(types).as("column types on %s through %s", engine, client)
                        .containsExactly(Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.VARCHAR, Types.BOOLEAN, Types.DATE, Types.TIMESTAMP, Types.ARRAY);
                assertThat(metadata.getColumnLabel(1)).isEqualTo("i");
                assertThat(metadata.getScale(3)).isEqualTo(2);
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getInt("i")).isEqualTo(7);
                assertThat(resultSet.getLong("b")).isEqualTo(8);
                assertThat(resultSet.getBigDecimal("d")).isEqualByComparingTo(new BigDecimal("1.25"));
                assertThat(resultSet.getString("s")).isEqualTo("text");
                assertThat(resultSet.getBoolean("t")).isTrue();
                assertThat(resultSet.getDate("dt")).isEqualTo(Date.valueOf("2024-02-29"));
                assertThat(resultSet.getTimestamp("ts")).isEqualTo(Timestamp.valueOf("2024-02-29 12:34:56"));
                assertThat(resultSet.getString("a")).isEqualTo("[1,2]");
                assertThat(resultSet.next()).isFalse();
            }

            // A grouped aggregate fetched one row at a time: three FetchResults calls and the end.
            statement.setFetchSize(1);
            assertThat(rows(statement, "SELECT k, count(*) AS n FROM (SELECT 1 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT NULL) t "
                    + "GROUP BY k ORDER BY k NULLS LAST"))
                    .as("grouped rows on %s through %s", engine, client)
                    .containsExactly(List.of("1", "2"), List.of("2", "1"), List.of("null", "1"));
            statement.setFetchSize(1000);

            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table_here"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getMessage()).contains("no_such_table_here");
                        assertThat(e.getSQLState()).startsWith("42");
                    });
            assertThatThrownBy(() -> statement.executeQuery("SELEKT 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"));
            // The session survives its errors.
            assertThat(rows(statement, "SELECT 40 + 2 AS answer")).containsExactly(List.of("42"));

            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet schemas = metadata.getSchemas()) {
                List<String> names = new ArrayList<>();
                while (schemas.next()) {
                    names.add(schemas.getString("TABLE_SCHEM"));
                }
                assertThat(names).contains("default");
            }
            try (ResultSet types = metadata.getTypeInfo()) {
                List<String> names = new ArrayList<>();
                while (types.next()) {
                    names.add(types.getString("TYPE_NAME"));
                }
                assertThat(names).contains("INT", "BIGINT", "STRING", "DECIMAL", "TIMESTAMP");
            }
            try (ResultSet tableTypes = metadata.getTableTypes()) {
                assertThat(tableTypes.next()).isTrue();
            }
        }
    }
}
