package io.sluice.server.arrow;

import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import io.sluice.server.thrift.ArrowRowSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kyuubi's Arrow result format ({@code kyuubi.operation.result.format=arrow}) read by Kyuubi's own JDBC driver: the
 * same values as the row format, type by type, across many batches and none; unknown formats refused by name;
 * nothing left in Arrow's allocator.
 */
class TestArrowResults
{
    private static final String ALL_TYPES = "SELECT CAST(1 AS TINYINT) AS t, CAST(-2 AS SMALLINT) AS s, 3 AS i, CAST(4000000000 AS BIGINT) AS b, "
            + "CAST(1.5 AS FLOAT) AS f, CAST(2.25 AS DOUBLE) AS d, CAST(12.345 AS DECIMAL(10,3)) AS dec, 'text' AS str, CAST('v' AS VARCHAR(5)) AS vc, "
            + "true AS bool, DATE '2024-02-29' AS dt, TIMESTAMP '2024-01-02 03:04:05.123456' AS ts, CAST('ABC' AS BINARY) AS bin, X'414243' AS hex, array(1, 2) AS arr, "
            + "map('k', 1) AS m, named_struct('a', 1, 'b', 'x') AS st, CAST(NULL AS INT) AS nothing";

    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension();

    private static Connection arrow()
            throws SQLException
    {
        return TestClients.KYUUBI_JDBC.connect(SLUICE.binaryUrl("default") + "?kyuubi.operation.result.format=arrow", "ada");
    }

    @Test
    void everyTypeReadsAsInTheRowFormat()
            throws SQLException
    {
        List<List<Object>> rows;
        List<List<Object>> arrowRows;
        try (Connection connection = TestClients.KYUUBI_JDBC.connect(SLUICE.binaryUrl("default"), "ada"); Statement statement = connection.createStatement()) {
            rows = read(statement, ALL_TYPES);
        }
        try (Connection connection = arrow(); Statement statement = connection.createStatement()) {
            arrowRows = read(statement, ALL_TYPES);
            try (ResultSet resultSet = statement.executeQuery(ALL_TYPES)) {
                ResultSetMetaData metadata = resultSet.getMetaData();
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getByte("t")).isEqualTo((byte) 1);
                assertThat(resultSet.getShort("s")).isEqualTo((short) -2);
                assertThat(resultSet.getLong("b")).isEqualTo(4_000_000_000L);
                assertThat(resultSet.getFloat("f")).isEqualTo(1.5f);
                assertThat(resultSet.getBigDecimal("dec")).isEqualByComparingTo("12.345");
                assertThat(metadata.getScale(7)).isEqualTo(3);
                assertThat(resultSet.getBoolean("bool")).isTrue();
                assertThat(resultSet.getDate("dt")).hasToString("2024-02-29");
                assertThat(resultSet.getTimestamp("ts")).hasToString("2024-01-02 03:04:05.123456");
                // Kyuubi's driver reads an Arrow binary as text (and has no getBytes).
                assertThat(resultSet.getString("bin")).isEqualTo("ABC");
                // Spark's hex literal is a binary on DuckDB too (it reads X'..' as text).
                assertThat(resultSet.getString("hex")).isEqualTo("ABC");
                assertThat(resultSet.getString("arr")).isEqualTo("[1,2]");
                assertThat(resultSet.getString("st")).isEqualTo("{\"a\":1,\"b\":\"x\"}");
                assertThat(resultSet.getObject("nothing")).isNull();
                assertThat(resultSet.next()).isFalse();
            }
        }
        assertThat(arrowRows).isEqualTo(rows);
        assertThat(ArrowRowSets.allocatedBytes()).isZero();
    }

    @Test
    void manyBatchesAndNone()
            throws SQLException
    {
        try (Connection connection = arrow(); Statement statement = connection.createStatement()) {
            statement.setFetchSize(1000);
            long count = 0;
            long sum = 0;
            try (ResultSet resultSet = statement.executeQuery("SELECT id, CAST(id AS STRING) AS s, CASE WHEN id % 7 = 0 THEN NULL ELSE id * 2 END AS n FROM range(25000)")) {
                while (resultSet.next()) {
                    count++;
                    long id = resultSet.getLong(1);
                    sum += id;
                    assertThat(resultSet.getString(2)).isEqualTo(String.valueOf(id));
                    long n = resultSet.getLong(3);
                    boolean wasNull = resultSet.wasNull();
                    assertThat(wasNull).as("row %s", id).isEqualTo(id % 7 == 0);
                    if (!wasNull) {
                        assertThat(n).isEqualTo(id * 2);
                    }
                }
            }
            assertThat(count).isEqualTo(25_000);
            assertThat(sum).isEqualTo(25_000L * 24_999 / 2);
            try (ResultSet resultSet = statement.executeQuery("SELECT id FROM range(0)")) {
                assertThat(resultSet.next()).isFalse();
            }
            // Statements without rows and Sluice's own answers keep working in the session.
            assertThat(statement.execute("CREATE TABLE arrow_t (i INT)")).isFalse();
            statement.execute("INSERT INTO arrow_t VALUES (1), (2)");
            try (ResultSet resultSet = statement.executeQuery("SHOW TABLES")) {
                List<String> names = new ArrayList<>();
                while (resultSet.next()) {
                    names.add(resultSet.getString(2));
                }
                assertThat(names).contains("arrow_t");
            }
        }
        assertThat(ArrowRowSets.allocatedBytes()).isZero();
    }

    @Test
    void unknownFormatsAreRefusedByName()
            throws SQLException
    {
        assertThatThrownBy(() -> TestClients.KYUUBI_JDBC.connect(SLUICE.binaryUrl("default") + "?kyuubi.operation.result.format=parquet", "ada").close())
                .hasMessageContaining("Unknown result format 'parquet' for kyuubi.operation.result.format: expected thrift or arrow");
        try (Connection connection = arrow(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SET kyuubi.operation.result.format=xml")).hasMessageContaining("Unknown result format 'xml'");
            // The session still reads Arrow.
            try (ResultSet resultSet = statement.executeQuery("SELECT 41 + 1")) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getInt(1)).isEqualTo(42);
            }
        }
    }

    private static List<List<Object>> read(Statement statement, String sql)
            throws SQLException
    {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(resultSet.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
