package io.sluice.server.dialects;

import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spark's queries over files ({@code parquet.`/path`}, {@code csv.`...`}, {@code json.`...`}) on the embedded DuckDB,
 * with the Hive JDBC driver: the columns and values Spark's defaults read (TestSparkEngine reads the same files on Spark).
 */
public class TestQueriesOverFiles
{
    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension();

    @TempDir
    static Path files;

    /** Files every engine's test reads: {@code events.parquet}, {@code parts/} (Hive-partitioned Parquet), {@code people.csv}, {@code people.json}. */
    public static void writeFiles(Path directory)
            throws SQLException, IOException
    {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT i AS id, 'e' || i AS name, i * 1.5 AS score FROM range(1, 6) t(i)) TO '" + directory.resolve("events.parquet") + "' (FORMAT PARQUET)");
            statement.execute("COPY (SELECT i AS id, i % 2 AS k FROM range(1, 7) t(i)) TO '" + directory.resolve("parts") + "' (FORMAT PARQUET, PARTITION_BY (k))");
        }
        Files.writeString(directory.resolve("people.csv"), "1,ann,\"a,b\"\n2,,\"x\\\"y\"\n3,bob,\n", StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("people.json"), "{\"name\": \"ann\", \"id\": 1, \"score\": 1.5}\n{\"id\": 2, \"name\": null}\n", StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void files()
            throws SQLException, IOException
    {
        writeFiles(files);
    }

    @Test
    void parquetCsvAndJsonAsSparkReadsThem()
            throws SQLException
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "bob"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT id, name, score FROM parquet.`" + files.resolve("events.parquet") + "` WHERE id > 3 ORDER BY id"))
                    .containsExactly(List.of("4", "e4", "6.0"), List.of("5", "e5", "7.5"));
            // A directory is every Parquet file under it; Hive-style directories are columns.
            assertThat(rows(statement, "SELECT k, count(*), sum(id) FROM parquet.`" + files.resolve("parts") + "` GROUP BY k ORDER BY k"))
                    .containsExactly(List.of("0", "3", "12"), List.of("1", "3", "9"));
            // CSV as Spark's defaults read it: no header, strings named _c0.., backslash escapes, empty fields NULL.
            try (ResultSet resultSet = statement.executeQuery("SELECT * FROM csv.`" + files.resolve("people.csv") + "` ORDER BY _c0")) {
                assertThat(resultSet.getMetaData().getColumnCount()).isEqualTo(3);
                assertThat(List.of(resultSet.getMetaData().getColumnName(1), resultSet.getMetaData().getColumnTypeName(1))).containsExactly("_c0", "string");
                assertThat(resultSet.getMetaData().getColumnName(3)).isEqualTo("_c2");
            }
            assertThat(rows(statement, "SELECT _c0, _c1, _c2 FROM csv.`" + files.resolve("people.csv") + "` ORDER BY _c0"))
                    .containsExactly(List.of("1", "ann", "a,b"), List.of("2", "null", "x\"y"), List.of("3", "bob", "null"));
            // JSON lines: columns in name order, as Spark infers them.
            try (ResultSet resultSet = statement.executeQuery("SELECT * FROM json.`" + files.resolve("people.json") + "` ORDER BY id")) {
                assertThat(List.of(resultSet.getMetaData().getColumnName(1), resultSet.getMetaData().getColumnName(2), resultSet.getMetaData().getColumnName(3)))
                        .containsExactly("id", "name", "score");
                assertThat(resultSet.getMetaData().getColumnTypeName(1)).isEqualTo("bigint");
            }
            assertThat(rows(statement, "SELECT id, name, score FROM json.`" + files.resolve("people.json") + "` ORDER BY id"))
                    .containsExactly(List.of("1", "ann", "1.5"), List.of("2", "null", "null"));
            // Files join tables like any relation.
            statement.execute("CREATE TABLE file_names (id BIGINT, label STRING)");
            statement.execute("INSERT INTO file_names VALUES (1, 'one'), (5, 'five')");
            assertThat(rows(statement, "SELECT n.label, e.name FROM file_names n JOIN parquet.`" + files.resolve("events.parquet") + "` e ON e.id = n.id ORDER BY n.id"))
                    .containsExactly(List.of("one", "e1"), List.of("five", "e5"));
        }
    }

    @Test
    void badPathsAndFormatsFailByName()
            throws SQLException
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "bob"); Statement statement = connection.createStatement()) {
            Path missing = files.resolve("nothing-here.parquet");
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM parquet.`" + missing + "`"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Cannot read the parquet files at '" + missing + "'")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P01"));
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM orc.`" + files.resolve("events.parquet") + "`"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("DuckDB does not read orc files")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
            // A database named like a format is a database: its tables win.
            statement.execute("CREATE DATABASE IF NOT EXISTS json");
            statement.execute("CREATE TABLE json.notes (v INT)");
            statement.execute("INSERT INTO json.notes VALUES (7)");
            assertThat(rows(statement, "SELECT v FROM json.notes")).containsExactly(List.of("7"));
            statement.execute("DROP TABLE json.notes");
            statement.execute("DROP DATABASE json");
            // The session keeps serving.
            assertThat(rows(statement, "SELECT count(*) FROM parquet.`" + files.resolve("events.parquet") + "`")).containsExactly(List.of("5"));
        }
    }
}
