package io.sluice.server.lakehouse;

import io.sluice.catalog.iceberg.LakehouseStatistics;
import io.sluice.catalog.iceberg.LocalFileIO;
import io.sluice.server.testing.LocalFlinkExtension;
import io.sluice.server.testing.LocalSparkExtension;
import io.sluice.server.testing.LocalTrinoExtension;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import io.sluice.spi.metadata.TableStatistics;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static io.sluice.server.testing.JdbcRows.column;
import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One table, four engines: a lakehouse table created through Sluice on Trino (and one on DuckDB), appended to on Spark,
 * Trino and Flink, read on Trino, Spark, DuckDB and Flink with the same rows and types, a column renamed and one added
 * on Spark and read right on Trino, DuckDB and Flink (by field id), and concurrent appends through four engines with no
 * commit lost. The local Trino, Spark and Flink reach Sluice's Iceberg REST catalog on the REST port
 * {@code bin/sluice engine start} configured them with (10099), so this Sluice listens there.
 */
class TestLakehouseAcrossEngines
{
    private static final String REST_PORT = "10099";

    @RegisterExtension
    @Order(1)
    static final LocalTrinoExtension TRINO = new LocalTrinoExtension();

    @RegisterExtension
    @Order(2)
    static final LocalSparkExtension SPARK = new LocalSparkExtension();

    @RegisterExtension
    @Order(3)
    static final LocalFlinkExtension FLINK = new LocalFlinkExtension();

    @RegisterExtension
    @Order(4)
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("server.rest.port", REST_PORT)
            .with("router.engines", "duckdb,trino,spark,flink")
            .with("engine.trino.endpoint", TRINO.endpoint())
            .with("engine.spark.remote", SPARK.remote())
            .with("engine.flink.endpoint", FLINK.endpoint())
            .with("engine.flink.catalog", LocalFlinkExtension.CATALOG);

    private static Connection connect(String engine)
            throws SQLException
    {
        return TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default") + "?sluice.engine=" + engine, "lake");
    }

    @Test
    void oneTableManyEngines()
            throws Exception
    {
        try (Connection trino = connect("trino"); Statement statement = trino.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.shared_db");
            statement.execute("DROP TABLE IF EXISTS lakehouse.shared_db.orders");
            statement.execute("CREATE TABLE lakehouse.shared_db.orders AS "
                    + "SELECT CAST(id AS INT) AS id, CAST(id * 10 AS BIGINT) AS amount, CAST(id AS STRING) AS note FROM range(3)");
        }
        try (Connection spark = connect("spark"); Statement statement = spark.createStatement()) {
            statement.execute("INSERT INTO lakehouse.shared_db.orders VALUES (100, 1000, 'spark')");
        }
        try (Connection trino = connect("trino"); Statement statement = trino.createStatement()) {
            statement.execute("INSERT INTO lakehouse.shared_db.orders VALUES (200, 2000, 'trino')");
        }
        try (Connection flink = connect("flink"); Statement statement = flink.createStatement()) {
            statement.execute("INSERT INTO lakehouse.shared_db.orders VALUES (250, 2500, 'flink')");
        }
        List<List<String>> expected = List.of(List.of("0", "0", "0"), List.of("1", "10", "1"), List.of("2", "20", "2"),
                List.of("100", "1000", "spark"), List.of("200", "2000", "trino"), List.of("250", "2500", "flink"));
        for (String engine : List.of("trino", "spark", "duckdb", "flink")) {
            try (Connection connection = connect(engine); Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT id, amount, note FROM lakehouse.shared_db.orders ORDER BY id")).as(engine).isEqualTo(expected);
                try (ResultSet resultSet = statement.executeQuery("SELECT id, amount, note FROM lakehouse.shared_db.orders LIMIT 1")) {
                    ResultSetMetaData metadata = resultSet.getMetaData();
                    assertThat(List.of(metadata.getColumnTypeName(1), metadata.getColumnTypeName(2), metadata.getColumnTypeName(3)))
                            .as(engine).containsExactly("int", "bigint", "string");
                }
            }
        }

        // Renamed on Spark; Trino reads the column by its field id, under its new name, with every value kept.
        try (Connection spark = connect("spark"); Statement statement = spark.createStatement()) {
            statement.execute("ALTER TABLE lakehouse.shared_db.orders RENAME COLUMN note TO label");
        }
        for (String engine : List.of("trino", "duckdb", "flink")) {
            try (Connection connection = connect(engine); Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT label FROM lakehouse.shared_db.orders WHERE id >= 100 ORDER BY id")).as(engine)
                        .containsExactly(List.of("spark"), List.of("trino"), List.of("flink"));
            }
        }

        // A column added on Spark: NULL in the files written before it, its value in those after, on DuckDB too.
        try (Connection spark = connect("spark"); Statement statement = spark.createStatement()) {
            statement.execute("ALTER TABLE lakehouse.shared_db.orders ADD COLUMNS (score DOUBLE)");
            statement.execute("INSERT INTO lakehouse.shared_db.orders VALUES (300, 3000, 'late', 0.5)");
        }
        for (String engine : List.of("flink", "duckdb")) {
            try (Connection connection = connect(engine); Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT id, label, score FROM lakehouse.shared_db.orders WHERE id >= 200 ORDER BY id")).as(engine)
                        .containsExactly(List.of("200", "trino", "null"), List.of("250", "flink", "null"), List.of("300", "late", "0.5"));
            }
        }
        try (Connection duckdb = connect("duckdb"); Statement statement = duckdb.createStatement()) {
            // Row-level changes of lakehouse tables are Trino's and Spark's: refused on DuckDB by name, and nothing changes.
            assertThatThrownBy(() -> statement.execute("DELETE FROM lakehouse.shared_db.orders WHERE id = 300"))
                    .hasMessageContaining("Not supported on duckdb: DELETE on the lakehouse table lakehouse.shared_db.orders");
            assertThat(rows(statement, "SELECT count(*) FROM lakehouse.shared_db.orders")).containsExactly(List.of("7"));
        }

        // Row-level deletes written by Trino (position deletes) and by Spark (merge-on-read): every engine applies them,
        // DuckDB as an anti-join on each row's position in its file.
        try (Connection trino = connect("trino"); Statement statement = trino.createStatement()) {
            statement.execute("DELETE FROM lakehouse.shared_db.orders WHERE id = 1");
            assertThat(rows(statement, "SELECT count(*) FROM lakehouse.shared_db.orders")).containsExactly(List.of("6"));
        }
        try (Connection spark = connect("spark"); Statement statement = spark.createStatement()) {
            statement.execute("ALTER TABLE lakehouse.shared_db.orders SET TBLPROPERTIES ('write.delete.mode' = 'merge-on-read')");
            // id 2 shares its data file with ids 0 and 1: Spark writes a position delete rather than rewrite the file.
            statement.execute("DELETE FROM lakehouse.shared_db.orders WHERE id = 2");
        }
        List<List<String>> remaining = List.of(List.of("0"), List.of("100"), List.of("200"), List.of("250"), List.of("300"));
        for (String engine : List.of("trino", "spark", "duckdb", "flink")) {
            try (Connection connection = connect(engine); Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT id FROM lakehouse.shared_db.orders ORDER BY id")).as(engine).isEqualTo(remaining);
            }
        }

        // What the engines committed, as Iceberg's own client sees it in Sluice's catalog.
        try (RESTCatalog client = new RESTCatalog()) {
            client.initialize("lakehouse", Map.of(CatalogProperties.URI, "http://127.0.0.1:" + REST_PORT + "/iceberg",
                    CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName()));
            Table table = client.loadTable(TableIdentifier.of("shared_db", "orders"));
            assertThat(table.location()).startsWith(SLUICE.server().lakehouse().warehouse() + "/shared_db/orders");
            assertThat(table.schema().findField("label")).isNotNull();
            assertThat(table.schema().findField("score")).isNotNull();
            assertThat(table.currentSnapshot().summary()).containsEntry("total-records", "7").containsEntry("total-position-deletes", "2");
        }
    }

    /**
     * A table created through Sluice on DuckDB (Sluice writes the Parquet files and commits them), appended to on
     * Trino and Spark, read the same on all three; renamed on Spark, then written and read right on DuckDB.
     */
    @Test
    void aTableCreatedOnDuckDb()
            throws Exception
    {
        try (Connection duckdb = connect("duckdb"); Statement statement = duckdb.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.shared_db");
            statement.execute("DROP TABLE IF EXISTS lakehouse.shared_db.from_duck");
            statement.execute("CREATE TABLE lakehouse.shared_db.from_duck (id INT, amount BIGINT, note STRING, day DATE)");
            statement.execute("INSERT INTO lakehouse.shared_db.from_duck VALUES (1, 10, 'duck', DATE '2024-03-01')");
        }
        long firstSnapshot = SLUICE.server().lakehouse().catalog().loadTable(TableIdentifier.of("shared_db", "from_duck")).currentSnapshot().snapshotId();
        try (Connection trino = connect("trino"); Statement statement = trino.createStatement()) {
            statement.execute("INSERT INTO lakehouse.shared_db.from_duck VALUES (2, 20, 'trino', DATE '2024-03-02')");
        }
        try (Connection spark = connect("spark"); Statement statement = spark.createStatement()) {
            statement.execute("INSERT INTO lakehouse.shared_db.from_duck VALUES (3, 30, 'spark', DATE '2024-03-03')");
        }
        List<List<String>> expected = List.of(List.of("1", "10", "duck", "2024-03-01"), List.of("2", "20", "trino", "2024-03-02"),
                List.of("3", "30", "spark", "2024-03-03"));
        for (String engine : List.of("duckdb", "trino", "spark", "flink")) {
            try (Connection connection = connect(engine); Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT id, amount, note, day FROM lakehouse.shared_db.from_duck ORDER BY id")).as(engine).isEqualTo(expected);
                // The bounds Sluice committed for DuckDB's file prune right on the other engines too.
                assertThat(rows(statement, "SELECT note FROM lakehouse.shared_db.from_duck WHERE id = 1")).as(engine).containsExactly(List.of("duck"));
                // Time travel to the snapshot DuckDB's write committed, in each engine's words.
                assertThat(rows(statement, "SELECT id, note FROM lakehouse.shared_db.from_duck VERSION AS OF " + firstSnapshot)).as(engine)
                        .containsExactly(List.of("1", "duck"));
                try (ResultSet resultSet = statement.executeQuery("SELECT id, amount, note, day FROM lakehouse.shared_db.from_duck LIMIT 1")) {
                    ResultSetMetaData metadata = resultSet.getMetaData();
                    assertThat(List.of(metadata.getColumnTypeName(1), metadata.getColumnTypeName(2), metadata.getColumnTypeName(3), metadata.getColumnTypeName(4)))
                            .as(engine).containsExactly("int", "bigint", "string", "date");
                }
            }
        }
        try (Connection spark = connect("spark"); Statement statement = spark.createStatement()) {
            statement.execute("ALTER TABLE lakehouse.shared_db.from_duck RENAME COLUMN note TO label");
        }
        try (Connection duckdb = connect("duckdb"); Statement statement = duckdb.createStatement()) {
            statement.execute("INSERT INTO lakehouse.shared_db.from_duck (id, label) VALUES (4, 'renamed')");
        }
        for (String engine : List.of("duckdb", "trino", "spark", "flink")) {
            try (Connection connection = connect(engine); Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT id, label FROM lakehouse.shared_db.from_duck ORDER BY id")).as(engine).containsExactly(
                        List.of("1", "duck"), List.of("2", "trino"), List.of("3", "spark"), List.of("4", "renamed"));
            }
        }

        // Identity partitions DuckDB wrote (partitions committed by Sluice from the files' statistics) read right elsewhere.
        try (Connection duckdb = connect("duckdb"); Statement statement = duckdb.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS lakehouse.shared_db.duck_parts");
            statement.execute("CREATE TABLE lakehouse.shared_db.duck_parts PARTITIONED BY (region) AS SELECT CAST(id AS INT) AS id, "
                    + "CASE WHEN id % 3 = 0 THEN 'eu' WHEN id % 3 = 1 THEN 'us' ELSE NULL END AS region FROM range(30)");
        }
        try (Connection trino = connect("trino"); Statement statement = trino.createStatement()) {
            statement.execute("INSERT INTO lakehouse.shared_db.duck_parts VALUES (100, 'eu')");
        }
        for (String engine : List.of("duckdb", "trino", "spark", "flink")) {
            try (Connection connection = connect(engine); Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT region, count(*), sum(id) FROM lakehouse.shared_db.duck_parts GROUP BY region ORDER BY region"))
                        .as(engine).containsExactly(List.of("null", "10", "155"), List.of("eu", "11", "235"), List.of("us", "10", "145"));
                assertThat(rows(statement, "SELECT count(*) FROM lakehouse.shared_db.duck_parts WHERE region = 'us'")).as(engine).containsExactly(List.of("10"));
            }
        }
    }

    /**
     * A table created, written and overwritten on Flink (Iceberg's Flink catalog and sink, at Sluice's REST catalog),
     * read the same on DuckDB, Trino and Spark; Flink reads an earlier snapshot by id and by time.
     */
    @Test
    void aTableWrittenOnFlink()
            throws Exception
    {
        try (Connection flink = connect("flink"); Statement statement = flink.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.shared_db");
            statement.execute("DROP TABLE IF EXISTS lakehouse.shared_db.from_flink");
            statement.execute("CREATE TABLE lakehouse.shared_db.from_flink (id INT, region STRING, amount DECIMAL(10, 2), day DATE) PARTITIONED BY (region)");
            statement.execute("INSERT INTO lakehouse.shared_db.from_flink VALUES (1, 'eu', 1.50, DATE '2024-02-29'), (2, 'us', 2.25, DATE '2024-03-01'), (3, 'eu', NULL, NULL)");
        }
        Table written = SLUICE.server().lakehouse().catalog().loadTable(TableIdentifier.of("shared_db", "from_flink"));
        assertThat(written.spec().fields()).extracting(field -> field.name()).containsExactly("region");
        long firstSnapshot = written.currentSnapshot().snapshotId();
        long firstCommitMillis = written.currentSnapshot().timestampMillis();
        List<List<String>> expected = List.of(List.of("1", "eu", "1.50", "2024-02-29"), List.of("2", "us", "2.25", "2024-03-01"), List.of("3", "eu", "null", "null"));
        for (String engine : List.of("duckdb", "trino", "spark", "flink")) {
            try (Connection connection = connect(engine); Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT id, region, amount, day FROM lakehouse.shared_db.from_flink ORDER BY id")).as(engine).isEqualTo(expected);
                try (ResultSet resultSet = statement.executeQuery("SELECT id, region, amount, day FROM lakehouse.shared_db.from_flink LIMIT 1")) {
                    ResultSetMetaData metadata = resultSet.getMetaData();
                    assertThat(List.of(metadata.getColumnTypeName(1), metadata.getColumnTypeName(2), metadata.getColumnTypeName(3), metadata.getColumnTypeName(4)))
                            .as(engine).containsExactly("int", "string", "decimal", "date");
                }
            }
        }

        // Flink overwrites it (Iceberg replaces the partitions the new rows fall in, as Spark's dynamic overwrite does)
        // and creates another from a query.
        try (Connection flink = connect("flink"); Statement statement = flink.createStatement()) {
            statement.execute("INSERT OVERWRITE TABLE lakehouse.shared_db.from_flink SELECT id + 10, region, amount, day FROM lakehouse.shared_db.from_flink WHERE region = 'us'");
            statement.execute("DROP TABLE IF EXISTS lakehouse.shared_db.flink_ctas");
            statement.execute("CREATE TABLE lakehouse.shared_db.flink_ctas AS SELECT region, count(*) AS n FROM lakehouse.shared_db.from_flink GROUP BY region");
        }
        for (String engine : List.of("duckdb", "trino", "flink")) {
            try (Connection connection = connect(engine); Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT id, region FROM lakehouse.shared_db.from_flink ORDER BY id")).as(engine)
                        .containsExactly(List.of("1", "eu"), List.of("3", "eu"), List.of("12", "us"));
                assertThat(rows(statement, "SELECT region, n FROM lakehouse.shared_db.flink_ctas ORDER BY region")).as(engine)
                        .containsExactly(List.of("eu", "2"), List.of("us", "1"));
            }
        }
        try (Connection flink = connect("flink"); Statement statement = flink.createStatement()) {
            assertThat(rows(statement, "SELECT id FROM lakehouse.shared_db.from_flink VERSION AS OF " + firstSnapshot + " ORDER BY id"))
                    .containsExactly(List.of("1"), List.of("2"), List.of("3"));
            String firstCommit = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                    .format(java.time.Instant.ofEpochMilli(firstCommitMillis).atOffset(java.time.ZoneOffset.UTC));
            assertThat(rows(statement, "SELECT count(*) FROM lakehouse.shared_db.from_flink TIMESTAMP AS OF '" + firstCommit + "'"))
                    .containsExactly(List.of("3"));
            // A branch or tag is named by snapshot id on Flink; nothing runs.
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM lakehouse.shared_db.from_flink VERSION AS OF 'audit'"))
                    .hasMessageContaining("Not supported in flink: time travel to a branch or tag ('audit')");
        }
    }

    /**
     * SHOW STATS of a lakehouse table answers from its Iceberg metadata in a session on any engine, and agrees with
     * what the engines count: rows, NULLs, bounds, distinct values (from the Puffin sketches Trino's ANALYZE writes),
     * and the data files on disk.
     */
    @Test
    void statisticsOfALakehouseTableOnEveryEngine()
            throws Exception
    {
        try (Connection trino = connect("trino"); Statement statement = trino.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.shared_db");
            statement.execute("DROP TABLE IF EXISTS lakehouse.shared_db.measured");
            statement.execute("CREATE TABLE lakehouse.shared_db.measured AS SELECT CAST(id AS BIGINT) AS id, "
                    + "CASE WHEN id % 10 = 0 THEN NULL ELSE CAST(id % 4 AS STRING) END AS bucket FROM range(100)");
        }
        try (Connection trino = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default") + "?sluice.engine=trino;sluice.dialect=trino", "lake");
                Statement statement = trino.createStatement()) {
            statement.execute("ANALYZE lakehouse.shared_db.measured");
        }
        List<String> counted;
        try (Connection trino = connect("trino"); Statement statement = trino.createStatement()) {
            counted = rows(statement, "SELECT count(*), count(bucket), approx_count_distinct(bucket), min(id), max(id) FROM lakehouse.shared_db.measured").get(0);
        }
        assertThat(counted).containsExactly("100", "90", "4", "0", "99");
        for (String engine : List.of("duckdb", "spark", "trino")) {
            try (Connection connection = connect(engine); Statement statement = connection.createStatement()) {
                List<List<String>> stats = rows(statement, "SHOW STATS FOR lakehouse.shared_db.measured");
                assertThat(stats).as(engine).hasSize(3);
                List<String> id = stats.get(0);
                assertThat(id.get(0)).isEqualTo("id");
                assertThat(Double.parseDouble(id.get(2))).as(engine + " NDV of id").isEqualTo(100.0);
                assertThat(Double.parseDouble(id.get(3))).isEqualTo(0.0);
                assertThat(id.subList(5, 7)).containsExactly("0", "99");
                List<String> bucket = stats.get(1);
                assertThat(Double.parseDouble(bucket.get(2))).as(engine + " NDV of bucket").isEqualTo(4.0);
                assertThat(Double.parseDouble(bucket.get(3))).as(engine + " nulls of bucket").isEqualTo(0.1);
                assertThat(Double.parseDouble(stats.get(2).get(4))).as(engine + " rows").isEqualTo(100.0);
            }
        }
        Table table = SLUICE.server().lakehouse().catalog().loadTable(TableIdentifier.of("shared_db", "measured"));
        TableStatistics statistics = LakehouseStatistics.of(table);
        long filesOnDisk;
        try (Stream<Path> files = Files.walk(LocalFileIO.file(table.location() + "/data").toPath())) {
            filesOnDisk = files.filter(path -> path.toString().endsWith(".parquet")).count();
        }
        assertThat(statistics.fileCount()).isEqualTo(OptionalDouble.of(filesOnDisk));
        assertThat(filesOnDisk).isPositive();
    }

    /** The lakehouse is browsable from a session on any engine: SHOW, DESCRIBE and the JDBC metadata calls list it. */
    @Test
    void theLakehouseIsListedOnEveryEngine()
            throws Exception
    {
        try (Connection trino = connect("trino"); Statement statement = trino.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.browse_db");
            statement.execute("DROP TABLE IF EXISTS lakehouse.browse_db.items");
            statement.execute("CREATE TABLE lakehouse.browse_db.items (sku STRING, price DECIMAL(10, 2))");
        }
        try (Connection duckdb = connect("duckdb"); Statement statement = duckdb.createStatement()) {
            assertThat(rows(statement, "SHOW DATABASES")).contains(List.of("default"), List.of("lakehouse.browse_db"));
            assertThat(rows(statement, "SHOW TABLES IN lakehouse.browse_db")).containsExactly(List.of("lakehouse.browse_db", "items", "false"));
            assertThat(rows(statement, "DESCRIBE lakehouse.browse_db.items"))
                    .containsExactly(List.of("sku", "string", "null"), List.of("price", "decimal(10,2)", "null"));
            assertThat(column(duckdb.getMetaData().getTables(null, "lakehouse.browse_db", "%", null), "TABLE_NAME")).containsExactly("items");
            assertThat(column(duckdb.getMetaData().getColumns(null, "lakehouse.browse_db", "items", "%"), "COLUMN_NAME")).containsExactly("sku", "price");
            assertThat(column(duckdb.getMetaData().getSchemas(), "TABLE_SCHEM")).contains("default", "lakehouse.browse_db");

            // A lakehouse database created from a DuckDB session is a namespace of the lakehouse, which every engine sees.
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.from_duckdb");
        }
        try (Connection spark = connect("spark"); Statement statement = spark.createStatement()) {
            assertThat(rows(statement, "SHOW DATABASES")).contains(List.of("lakehouse.from_duckdb"), List.of("lakehouse.browse_db"));
            // Listed once, though Spark's and Sluice's catalogs both know it.
            assertThat(rows(statement, "SHOW TABLES IN lakehouse.browse_db")).containsExactly(List.of("lakehouse.browse_db", "items", "false"));
        }
        try (Connection duckdb = connect("duckdb"); Statement statement = duckdb.createStatement()) {
            statement.execute("DROP DATABASE lakehouse.from_duckdb");
            assertThat(rows(statement, "SHOW DATABASES LIKE 'lakehouse.from*'")).isEmpty();
        }
    }

    /**
     * Lakehouse views are every engine's: one Sluice creates for DuckDB (Iceberg SQL for Spark and Trino), one Trino
     * creates (Trino's SQL only) and one Spark creates with its own column names, each read through Sluice on all four
     * engines, with the rows committed after the view was made.
     */
    @Test
    void viewsOnEveryEngine()
            throws Exception
    {
        try (Connection duckdb = connect("duckdb"); Statement statement = duckdb.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.view_db");
            statement.execute("DROP VIEW IF EXISTS lakehouse.view_db.from_duck");
            statement.execute("DROP TABLE IF EXISTS lakehouse.view_db.sales");
            statement.execute("CREATE TABLE lakehouse.view_db.sales (id INT, region STRING, amount BIGINT)");
            statement.executeUpdate("INSERT INTO lakehouse.view_db.sales VALUES (1, 'eu', 10), (2, 'us', 20), (3, 'eu', 30)");
            statement.execute("CREATE VIEW lakehouse.view_db.from_duck AS SELECT region, sum(amount) AS total FROM lakehouse.view_db.sales GROUP BY region");
        }
        try (Connection trino = connect("trino"); Statement statement = trino.createStatement()) {
            statement.execute("DROP VIEW IF EXISTS lakehouse.view_db.from_trino");
            statement.execute("CREATE VIEW lakehouse.view_db.from_trino AS SELECT id, amount * 2 AS doubled FROM lakehouse.view_db.sales WHERE region = 'eu'");
        }
        try (Connection spark = connect("spark"); Statement statement = spark.createStatement()) {
            statement.execute("DROP VIEW IF EXISTS lakehouse.view_db.from_spark");
            statement.execute("CREATE VIEW lakehouse.view_db.from_spark (sale_id, sale_region) AS SELECT id, upper(region) FROM lakehouse.view_db.sales");
        }
        try (Connection flink = connect("flink"); Statement statement = flink.createStatement()) {
            statement.execute("INSERT INTO lakehouse.view_db.sales VALUES (4, 'us', 40)");
            // Iceberg's Flink catalog has no views: Sluice makes and drops the lakehouse's for Flink sessions.
            statement.execute("DROP VIEW IF EXISTS lakehouse.view_db.from_flink");
            statement.execute("CREATE VIEW lakehouse.view_db.from_flink AS SELECT count(*) AS n FROM lakehouse.view_db.sales WHERE amount >= 20");
        }
        for (String engine : List.of("duckdb", "trino", "spark", "flink")) {
            try (Connection connection = connect(engine); Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT region, total FROM lakehouse.view_db.from_duck ORDER BY region")).as(engine)
                        .containsExactly(List.of("eu", "40"), List.of("us", "60"));
                assertThat(rows(statement, "SELECT id, doubled FROM lakehouse.view_db.from_trino ORDER BY id")).as(engine)
                        .containsExactly(List.of("1", "20"), List.of("3", "60"));
                assertThat(rows(statement, "SELECT sale_id, sale_region FROM lakehouse.view_db.from_spark WHERE sale_id > 2 ORDER BY sale_id")).as(engine)
                        .containsExactly(List.of("3", "EU"), List.of("4", "US"));
                assertThat(rows(statement, "SELECT n FROM lakehouse.view_db.from_flink")).as(engine).containsExactly(List.of("3"));
            }
        }
        try (Connection flink = connect("flink"); Statement statement = flink.createStatement()) {
            statement.execute("DROP VIEW lakehouse.view_db.from_flink");
            assertThat(rows(statement, "SHOW VIEWS IN lakehouse.view_db")).extracting(row -> row.get(1)).doesNotContain("from_flink");
        }
    }

    @Test
    void concurrentAppendsThroughFourEnginesLoseNothing()
            throws Exception
    {
        try (Connection trino = connect("trino"); Statement statement = trino.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.shared_db");
            statement.execute("DROP TABLE IF EXISTS lakehouse.shared_db.appends");
            statement.execute("CREATE TABLE lakehouse.shared_db.appends (engine STRING, n INT)");
        }
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (String engine : List.of("trino", "spark", "duckdb", "flink")) {
            writers.add(CompletableFuture.runAsync(() -> {
                try (Connection connection = connect(engine); Statement statement = connection.createStatement()) {
                    for (int i = 0; i < 5; i++) {
                        statement.execute("INSERT INTO lakehouse.shared_db.appends VALUES ('" + engine + "', " + i + ")");
                    }
                }
                catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();
        for (String engine : List.of("trino", "spark", "duckdb", "flink")) {
            try (Connection connection = connect(engine); Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT engine, count(*), sum(n) FROM lakehouse.shared_db.appends GROUP BY engine ORDER BY engine"))
                        .as(engine).containsExactly(List.of("duckdb", "5", "10"), List.of("flink", "5", "10"), List.of("spark", "5", "10"), List.of("trino", "5", "10"));
            }
        }
    }
}
