package io.sluice.server.lakehouse;

import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DuckDB writes lakehouse tables on the embedded default (no other engine): Parquet files with Iceberg field ids,
 * committed by Sluice with their metrics; CREATE TABLE [AS], INSERT INTO, INSERT OVERWRITE, ALTER TABLE, TRUNCATE,
 * DROP; concurrent appends keep every row; refusals name what DuckDB cannot write; a failed write leaves no file.
 */
class TestLakehouseWritesOnDuckDb
{
    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension();

    private static Table table(String database, String name)
    {
        return SLUICE.server().lakehouse().catalog().loadTable(TableIdentifier.of(database, name));
    }

    private static List<DataFile> files(Table table)
            throws Exception
    {
        List<DataFile> files = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().includeColumnStats().planFiles()) {
            tasks.forEach(task -> files.add(task.file()));
        }
        return files;
    }

    private static long parquetFilesOnDisk(Table table)
            throws Exception
    {
        Path data = Path.of(URI.create(table.location() + "/data"));
        if (!Files.exists(data)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(data)) {
            return paths.filter(path -> path.toString().endsWith(".parquet")).count();
        }
    }

    @Test
    void createInsertOverwriteAndRead()
            throws Exception
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "writer"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE lakehouse.w");
            statement.execute("CREATE TABLE lakehouse.w.orders (id BIGINT, customer STRING, amount DECIMAL(10, 2), day DATE, tags ARRAY<STRING>, "
                    + "address STRUCT<city: STRING, zip: INT>)");
            assertThat(statement.executeUpdate("INSERT INTO lakehouse.w.orders VALUES (1, 'ann', 10.50, DATE '2024-01-02', array('a', 'b'), named_struct('city', 'Oslo', 'zip', 150)),"
                    + " (2, 'bob', 20.25, DATE '2024-01-03', array(), named_struct('city', 'Rome', 'zip', 100)), (3, NULL, NULL, NULL, NULL, NULL)")).isEqualTo(3);
            assertThat(rows(statement, "SELECT id, customer, amount, day, size(tags), address.city FROM lakehouse.w.orders ORDER BY id")).containsExactly(
                    List.of("1", "ann", "10.50", "2024-01-02", "2", "Oslo"),
                    List.of("2", "bob", "20.25", "2024-01-03", "0", "Rome"),
                    List.of("3", "null", "null", "null", "null", "null"));

            // The file carries field ids and Sluice committed its metrics.
            Table orders = table("w", "orders");
            assertThat(orders.properties()).containsKey(TableProperties.DEFAULT_NAME_MAPPING);
            assertThat(((org.apache.iceberg.HasTableOperations) orders).operations().current().formatVersion()).isEqualTo(2);
            List<DataFile> files = files(orders);
            assertThat(files).hasSize(1);
            DataFile file = files.get(0);
            assertThat(file.recordCount()).isEqualTo(3);
            int id = orders.schema().findField("id").fieldId();
            int customer = orders.schema().findField("customer").fieldId();
            assertThat((Long) Conversions.fromByteBuffer(Types.LongType.get(), file.lowerBounds().get(id))).isEqualTo(1L);
            assertThat((Long) Conversions.fromByteBuffer(Types.LongType.get(), file.upperBounds().get(id))).isEqualTo(3L);
            assertThat(file.nullValueCounts()).containsEntry(customer, 1L);
            assertThat(file.valueCounts()).containsEntry(id, 3L);
            assertThat(Conversions.fromByteBuffer(Types.StringType.get(), file.upperBounds().get(customer)).toString()).isEqualTo("bob");
            try (var duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:"); Statement reader = duckdb.createStatement();
                    var schema = reader.executeQuery("SELECT name, field_id FROM parquet_schema('" + Path.of(URI.create(file.location())) + "') WHERE name IN ('id', 'customer', 'city')")) {
                List<String> ids = new ArrayList<>();
                while (schema.next()) {
                    ids.add(schema.getString(1) + "=" + schema.getInt(2));
                }
                assertThat(ids).containsExactlyInAnyOrder("id=" + id, "customer=" + customer, "city=" + orders.schema().findField("address.city").fieldId());
            }

            // A column list: the others are NULL. An append adds a file and a snapshot.
            assertThat(statement.executeUpdate("INSERT INTO lakehouse.w.orders (customer, id) SELECT 'cid' || id, id + 10 FROM lakehouse.w.orders WHERE id < 3")).isEqualTo(2);
            assertThat(rows(statement, "SELECT id, customer, amount FROM lakehouse.w.orders WHERE id > 10 ORDER BY id")).containsExactly(
                    List.of("11", "cid1", "null"), List.of("12", "cid2", "null"));
            orders.refresh();
            assertThat(files(orders)).hasSize(2);

            // INSERT OVERWRITE replaces every row, reading the table itself first.
            assertThat(statement.executeUpdate("INSERT OVERWRITE TABLE lakehouse.w.orders SELECT id * 100, customer, amount, day, tags, address FROM lakehouse.w.orders WHERE id <= 2")).isEqualTo(2);
            assertThat(rows(statement, "SELECT id, customer FROM lakehouse.w.orders ORDER BY id")).containsExactly(List.of("100", "ann"), List.of("200", "bob"));
            orders.refresh();
            assertThat(files(orders)).hasSize(1);
            assertThat(orders.currentSnapshot().operation()).isEqualTo("overwrite");

            // CREATE TABLE AS: columns named as the query names them on DuckDB (as written), typed as Spark types them.
            statement.execute("CREATE TABLE lakehouse.w.totals AS SELECT customer, sum(amount) AS total, count(*) FROM lakehouse.w.orders GROUP BY customer");
            Table totals = table("w", "totals");
            assertThat(totals.schema().columns()).extracting(Types.NestedField::name).containsExactly("customer", "total", "count(*)");
            assertThat(((Types.DecimalType) totals.schema().findField("total").type()).scale()).isEqualTo(2);
            assertThat(totals.schema().findField("count(*)").type()).isEqualTo(Types.LongType.get());
            assertThat(rows(statement, "SELECT * FROM lakehouse.w.totals ORDER BY customer")).containsExactly(List.of("ann", "10.50", "1"), List.of("bob", "20.25", "1"));
            statement.execute("CREATE TABLE IF NOT EXISTS lakehouse.w.totals AS SELECT 1 AS x");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE lakehouse.w.totals AS SELECT 1 AS x"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("lakehouse.w.totals already exists");

            // Schema changes through Iceberg; files written before read right by field id.
            statement.execute("ALTER TABLE lakehouse.w.totals RENAME COLUMN total TO amount_total");
            statement.execute("ALTER TABLE lakehouse.w.totals ADD COLUMNS (note STRING)");
            statement.executeUpdate("INSERT INTO lakehouse.w.totals VALUES ('cy', 1.00, 5, 'new')");
            assertThat(rows(statement, "SELECT customer, amount_total, note FROM lakehouse.w.totals ORDER BY customer")).containsExactly(
                    List.of("ann", "10.50", "null"), List.of("bob", "20.25", "null"), List.of("cy", "1.00", "new"));
            statement.execute("TRUNCATE TABLE lakehouse.w.totals");
            assertThat(rows(statement, "SELECT count(*) FROM lakehouse.w.totals")).containsExactly(List.of("0"));
            statement.execute("ALTER TABLE lakehouse.w.totals RENAME TO lakehouse.w.totals_old");
            assertThat(rows(statement, "SHOW TABLES IN lakehouse.w")).extracting(row -> row.get(1)).contains("totals_old").doesNotContain("totals");
            statement.execute("DROP TABLE lakehouse.w.totals_old");
            statement.execute("DROP TABLE IF EXISTS lakehouse.w.totals_old");
            assertThatThrownBy(() -> statement.execute("DROP TABLE lakehouse.w.totals_old")).isInstanceOf(SQLException.class).hasMessageContaining("not found");
        }
    }

    @Test
    void refusalsAndFailuresLeaveNothingBehind()
            throws Exception
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "writer"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.r");
            statement.execute("CREATE TABLE lakehouse.r.t (id INT, v STRING)");
            statement.executeUpdate("INSERT INTO lakehouse.r.t VALUES (1, 'a')");
            Table table = table("r", "t");
            Snapshot before = table.currentSnapshot();

            // A value DuckDB cannot cast fails the write; no file and no snapshot stay behind.
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO lakehouse.r.t SELECT CAST(2147483647 AS BIGINT) + 1, 'x'"))
                    .isInstanceOf(SQLException.class);
            table.refresh();
            assertThat(table.currentSnapshot().snapshotId()).isEqualTo(before.snapshotId());
            assertThat(parquetFilesOnDisk(table)).isEqualTo(1);

            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM lakehouse.r.t WHERE id = 1"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("lakehouse.r.t");
            // A partition transform DuckDB does not write (a table another engine made): refused by name.
            SLUICE.server().lakehouse().catalog().createTable(TableIdentifier.of("r", "bucketed"), table.schema(),
                    org.apache.iceberg.PartitionSpec.builderFor(table.schema()).bucket("id", 4).build());
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO lakehouse.r.bucketed VALUES (1, 'a')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Not supported on duckdb: writing the lakehouse table lakehouse.r.bucketed, partitioned by bucket[4](id)");
            // A view of DuckDB's own would keep the table's files of today: refused, and so is a lakehouse view over DuckDB's tables.
            assertThatThrownBy(() -> statement.execute("CREATE VIEW own_view AS SELECT * FROM lakehouse.r.t"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Not supported on duckdb: a view of DuckDB's own over the lakehouse table lakehouse.r.t");
            assertThatThrownBy(() -> statement.execute("CREATE TEMPORARY VIEW own_temporary AS SELECT id FROM lakehouse.r.t"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Not supported on duckdb: a view of DuckDB's own over the lakehouse table lakehouse.r.t");
            statement.execute("CREATE TABLE IF NOT EXISTS duck_own (x INT)");
            assertThatThrownBy(() -> statement.execute("CREATE VIEW lakehouse.r.over_duck AS SELECT * FROM duck_own"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("reading default.duck_own, which is not a lakehouse table");
            assertThat(rows(statement, "SHOW VIEWS IN lakehouse.r")).isEmpty();
            assertThatThrownBy(() -> statement.execute("CREATE TABLE lakehouse.r.d (id INT) USING delta"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("USING delta");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE lakehouse.nowhere.t (id INT)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("lakehouse.nowhere");
            // The session keeps working.
            assertThat(rows(statement, "SELECT * FROM lakehouse.r.t")).containsExactly(List.of("1", "a"));
        }
    }

    /**
     * A view created in the lakehouse from a DuckDB session is an Iceberg view Sluice writes (Spark's and Trino's SQL),
     * read through Sluice on DuckDB: it sees every later commit; replaced, listed, described, nested, dropped.
     */
    @Test
    void lakehouseViews()
            throws Exception
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "writer"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.views");
            statement.execute("CREATE TABLE lakehouse.views.orders (id INT, amount DECIMAL(10, 2), region STRING)");
            statement.executeUpdate("INSERT INTO lakehouse.views.orders VALUES (1, 10.50, 'eu'), (2, 20.00, 'us')");
            statement.execute("CREATE VIEW lakehouse.views.by_region AS SELECT region, sum(amount) AS total, count(*) AS n FROM lakehouse.views.orders GROUP BY region");
            assertThat(rows(statement, "SELECT * FROM lakehouse.views.by_region ORDER BY region"))
                    .containsExactly(List.of("eu", "10.50", "1"), List.of("us", "20.00", "1"));

            // Rows committed after the view was made show in it.
            statement.executeUpdate("INSERT INTO lakehouse.views.orders VALUES (3, 5.25, 'eu')");
            assertThat(rows(statement, "SELECT region, total, n FROM lakehouse.views.by_region WHERE region = 'eu'"))
                    .containsExactly(List.of("eu", "15.75", "2"));

            org.apache.iceberg.view.View view = SLUICE.server().lakehouse().catalog().loadView(TableIdentifier.of("views", "by_region"));
            assertThat(view.currentVersion().representations()).extracting(representation -> ((org.apache.iceberg.view.SQLViewRepresentation) representation).dialect())
                    .containsExactly("spark", "trino");
            assertThat(view.schema().columns()).extracting(org.apache.iceberg.types.Types.NestedField::name).containsExactly("region", "total", "n");
            assertThat(rows(statement, "SHOW VIEWS IN lakehouse.views")).extracting(row -> row.get(1)).containsExactly("by_region");
            assertThat(rows(statement, "DESCRIBE lakehouse.views.by_region")).extracting(row -> row.get(0)).containsExactly("region", "total", "n");

            // A view over a view, in a lakehouse session (unqualified names resolve in the view's database when read).
            try (Connection lakehouse = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("lakehouse.views"), "writer"); Statement inLakehouse = lakehouse.createStatement()) {
                inLakehouse.execute("CREATE VIEW big_regions (name, orders) AS SELECT region, n FROM by_region WHERE n > 1");
                assertThat(rows(inLakehouse, "SELECT name, orders FROM big_regions")).containsExactly(List.of("eu", "2"));
            }
            assertThat(rows(statement, "SELECT * FROM lakehouse.views.big_regions")).containsExactly(List.of("eu", "2"));

            // Replaced; IF NOT EXISTS keeps the one there; an existing name without either fails.
            statement.execute("CREATE OR REPLACE VIEW lakehouse.views.by_region AS SELECT region, max(amount) AS total, count(*) AS n FROM lakehouse.views.orders GROUP BY region");
            assertThat(rows(statement, "SELECT total FROM lakehouse.views.by_region WHERE region = 'eu'")).containsExactly(List.of("10.50"));
            statement.execute("CREATE VIEW IF NOT EXISTS lakehouse.views.by_region AS SELECT 1 AS one");
            assertThat(rows(statement, "SELECT total FROM lakehouse.views.by_region WHERE region = 'us'")).containsExactly(List.of("20.00"));
            assertThatThrownBy(() -> statement.execute("CREATE VIEW lakehouse.views.by_region AS SELECT 1 AS one"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("lakehouse.views.by_region already exists");

            // An unaliased expression is named after its text, on every engine that reads the view.
            statement.execute("CREATE VIEW lakehouse.views.counted AS SELECT region, count(*) FROM lakehouse.views.orders GROUP BY region");
            try (ResultSet resultSet = statement.executeQuery("SELECT * FROM lakehouse.views.counted ORDER BY region")) {
                assertThat(resultSet.getMetaData().getColumnLabel(2)).isEqualTo("count(*)");
            }
            assertThat(rows(statement, "SELECT `count(*)` FROM lakehouse.views.counted WHERE region = 'us'")).containsExactly(List.of("1"));
            statement.execute("DROP VIEW lakehouse.views.counted");

            statement.execute("DROP VIEW lakehouse.views.big_regions");
            statement.execute("DROP VIEW lakehouse.views.by_region");
            assertThat(rows(statement, "SHOW VIEWS IN lakehouse.views")).isEmpty();
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM lakehouse.views.by_region"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("by_region");
        }
    }

    /** Identity partitions: one file per partition value (NULL too), each with its partition, so every engine prunes by them. */
    @Test
    void partitionedTables()
            throws Exception
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "writer"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.parts");
            statement.execute("CREATE TABLE lakehouse.parts.events (id INT, region STRING, day DATE) PARTITIONED BY (region, day)");
            assertThat(statement.executeUpdate("INSERT INTO lakehouse.parts.events VALUES (1, 'eu/west', DATE '2024-01-01'), (2, 'eu/west', DATE '2024-01-01'), "
                    + "(3, 'us', DATE '2024-01-02'), (4, NULL, DATE '2024-01-02')")).isEqualTo(4);
            Table events = table("parts", "events");
            List<DataFile> files = files(events);
            assertThat(files).hasSize(3);
            assertThat(files).extracting(file -> file.partition().get(0, String.class) + "|" + file.partition().get(1, Integer.class))
                    .containsExactlyInAnyOrder("eu/west|" + java.time.LocalDate.of(2024, 1, 1).toEpochDay(), "us|" + java.time.LocalDate.of(2024, 1, 2).toEpochDay(),
                            "null|" + java.time.LocalDate.of(2024, 1, 2).toEpochDay());
            // Plain file names, in the write's own directory.
            assertThat(files).allSatisfy(file -> assertThat(file.location()).doesNotContain("region=").endsWith(".parquet"));
            // Iceberg's planning prunes by the partitions Sluice committed.
            try (CloseableIterable<FileScanTask> tasks = events.newScan().filter(org.apache.iceberg.expressions.Expressions.equal("region", "us")).planFiles()) {
                assertThat(tasks).hasSize(1);
            }
            assertThat(rows(statement, "SELECT id, region, day FROM lakehouse.parts.events ORDER BY id")).containsExactly(
                    List.of("1", "eu/west", "2024-01-01"), List.of("2", "eu/west", "2024-01-01"), List.of("3", "us", "2024-01-02"), List.of("4", "null", "2024-01-02"));
            assertThat(rows(statement, "SELECT count(*) FROM lakehouse.parts.events WHERE region IS NULL")).containsExactly(List.of("1"));

            // CREATE TABLE ... PARTITIONED BY ... AS SELECT, and INSERT OVERWRITE of a partitioned table (every row replaced).
            statement.execute("CREATE TABLE lakehouse.parts.by_region PARTITIONED BY (region) AS SELECT region, count(*) AS n FROM lakehouse.parts.events GROUP BY region");
            assertThat(table("parts", "by_region").spec().fields()).hasSize(1);
            assertThat(files(table("parts", "by_region"))).hasSize(3);
            statement.executeUpdate("INSERT OVERWRITE TABLE lakehouse.parts.by_region SELECT 'all', count(*) FROM lakehouse.parts.events");
            assertThat(rows(statement, "SELECT region, n FROM lakehouse.parts.by_region")).containsExactly(List.of("all", "4"));
            // 'NULL' the string and NULL: each keeps its own partition and value.
            statement.executeUpdate("INSERT INTO lakehouse.parts.events VALUES (5, 'NULL', DATE '2024-01-03'), (6, NULL, DATE '2024-01-03')");
            assertThat(rows(statement, "SELECT id, region IS NULL, region FROM lakehouse.parts.events WHERE id > 4 ORDER BY id"))
                    .containsExactly(List.of("5", "false", "NULL"), List.of("6", "true", "null"));
            assertThat(rows(statement, "SELECT count(*) FROM lakehouse.parts.events WHERE region = 'NULL'")).containsExactly(List.of("1"));
        }
    }

    /** A data file without field ids (added from outside Iceberg) would read as NULLs on DuckDB: it is refused by name instead. */
    @Test
    void aFileWithoutFieldIdsIsRefusedRatherThanReadAsNulls()
            throws Exception
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "writer"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.ids");
            statement.execute("CREATE TABLE lakehouse.ids.t (id INT, v STRING)");
            statement.executeUpdate("INSERT INTO lakehouse.ids.t VALUES (1, 'with ids')");
            assertThat(rows(statement, "SELECT id, v FROM lakehouse.ids.t")).containsExactly(List.of("1", "with ids"));

            Table table = table("ids", "t");
            // DuckDB's own COPY, without FIELD_IDS.
            DuckDbFiles.append(statement, table, "foreign.parquet", "SELECT CAST(2 AS INTEGER) AS id, 'no ids' AS v", "", 1);
            assertThatThrownBy(() -> statement.executeQuery("SELECT id, v FROM lakehouse.ids.t"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("foreign.parquet of lakehouse table lakehouse.ids.t has no Iceberg field ids");
        }
    }

    /** VERSION AS OF a snapshot id, a tag, or TIMESTAMP AS OF a time: DuckDB reads that snapshot's files. */
    @Test
    void timeTravel()
            throws Exception
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "writer"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.tt");
            statement.execute("CREATE TABLE lakehouse.tt.t (id INT, v STRING)");
            statement.executeUpdate("INSERT INTO lakehouse.tt.t VALUES (1, 'first')");
            Table table = table("tt", "t");
            Snapshot first = table.currentSnapshot();
            table.manageSnapshots().createTag("before_second", first.snapshotId()).commit();
            Thread.sleep(20);
            statement.executeUpdate("INSERT INTO lakehouse.tt.t VALUES (2, 'second')");
            statement.execute("ALTER TABLE lakehouse.tt.t RENAME COLUMN v TO label");

            assertThat(rows(statement, "SELECT count(*) FROM lakehouse.tt.t")).containsExactly(List.of("2"));
            assertThat(rows(statement, "SELECT id, label FROM lakehouse.tt.t VERSION AS OF " + first.snapshotId())).containsExactly(List.of("1", "first"));
            assertThat(rows(statement, "SELECT t.id FROM lakehouse.tt.t VERSION AS OF 'before_second' AS t")).containsExactly(List.of("1"));
            String atFirst = java.time.Instant.ofEpochMilli(first.timestampMillis()).atOffset(java.time.ZoneOffset.UTC)
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"));
            assertThat(rows(statement, "SELECT id FROM lakehouse.tt.t TIMESTAMP AS OF '" + atFirst + "'")).containsExactly(List.of("1"));
            // Both versions in one statement.
            assertThat(rows(statement, "SELECT (SELECT count(*) FROM lakehouse.tt.t) - (SELECT count(*) FROM lakehouse.tt.t VERSION AS OF " + first.snapshotId() + ")"))
                    .containsExactly(List.of("1"));

            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM lakehouse.tt.t VERSION AS OF 12345"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Lakehouse table lakehouse.tt.t has no snapshot, branch or tag '12345'");
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM lakehouse.tt.t TIMESTAMP AS OF '2000-01-01 00:00:00'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("has no snapshot at or before 2000-01-01 00:00:00 UTC");
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM lakehouse.tt.t TIMESTAMP AS OF 'yesterday'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("is not a timestamp");
        }
    }

    /** ANALYZE on DuckDB: Sluice sketches the distinct values into Puffin; SHOW STATS and Iceberg's metadata agree with the data. */
    @Test
    void analyzeWritesDistinctValueSketches()
            throws Exception
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "writer"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.stats");
            statement.execute("CREATE TABLE lakehouse.stats.t AS SELECT CAST(id AS INT) AS id, CASE WHEN id % 10 = 0 THEN NULL ELSE CAST(id % 37 AS STRING) END AS bucket, "
                    + "date_add(DATE '2024-01-01', CAST(id % 7 AS INT)) AS day FROM range(1000)");
            statement.execute("ANALYZE TABLE lakehouse.stats.t COMPUTE STATISTICS");
            Table table = table("stats", "t");
            assertThat(table.statisticsFiles()).isEmpty();

            statement.execute("ANALYZE TABLE lakehouse.stats.t COMPUTE STATISTICS FOR ALL COLUMNS");
            table.refresh();
            assertThat(table.statisticsFiles()).hasSize(1);
            org.apache.iceberg.StatisticsFile file = table.statisticsFiles().get(0);
            assertThat(file.snapshotId()).isEqualTo(table.currentSnapshot().snapshotId());
            assertThat(file.blobMetadata()).extracting(org.apache.iceberg.BlobMetadata::type).containsOnly("apache-datasketches-theta-v1");
            assertThat(Files.exists(Path.of(URI.create(file.path())))).isTrue();

            List<String> counted = rows(statement, "SELECT count(DISTINCT id), count(DISTINCT bucket), count(DISTINCT day) FROM lakehouse.stats.t").get(0);
            assertThat(counted).containsExactly("1000", "37", "7");
            List<List<String>> stats = rows(statement, "SHOW STATS FOR lakehouse.stats.t");
            assertThat(stats.get(0).subList(0, 1)).containsExactly("id");
            // Theta sketches are exact below their size (4,096 entries).
            assertThat(Double.parseDouble(stats.get(0).get(2))).isEqualTo(1000.0);
            assertThat(Double.parseDouble(stats.get(1).get(2))).isEqualTo(37.0);
            assertThat(Double.parseDouble(stats.get(1).get(3))).isEqualTo(0.1);
            assertThat(Double.parseDouble(stats.get(2).get(2))).isEqualTo(7.0);
            assertThat(stats.get(2).subList(5, 7)).containsExactly("2024-01-01", "2024-01-07");

            statement.execute("ANALYZE TABLE lakehouse.stats.t COMPUTE STATISTICS FOR COLUMNS bucket");
            table.refresh();
            assertThat(table.statisticsFiles()).hasSize(1);
            assertThat(table.statisticsFiles().get(0).blobMetadata()).singleElement()
                    .satisfies(blob -> assertThat(blob.fields()).containsExactly(table.schema().findField("bucket").fieldId()));
            assertThatThrownBy(() -> statement.execute("ANALYZE TABLE lakehouse.stats.t COMPUTE STATISTICS FOR COLUMNS nope"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("nope");
        }
    }

    /** Spark's session functions answer Sluice's session (its database may be the lakehouse's), named as Spark names them. */
    @Test
    void sessionFunctions()
            throws Exception
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "writer"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT current_database(), current_catalog(), current_user()")).containsExactly(List.of("default", "spark_catalog", "writer"));
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.session_db");
            statement.execute("USE lakehouse.session_db");
            try (java.sql.ResultSet result = statement.executeQuery("SELECT current_database(), upper(current_schema()) AS s, current_catalog()")) {
                assertThat(result.getMetaData().getColumnLabel(1)).isEqualTo("current_database()");
                assertThat(result.getMetaData().getColumnLabel(2)).isEqualTo("s");
                assertThat(result.getMetaData().getColumnLabel(3)).isEqualTo("current_catalog()");
                assertThat(result.next()).isTrue();
                assertThat(List.of(result.getString(1), result.getString(2), result.getString(3))).containsExactly("session_db", "SESSION_DB", "lakehouse");
            }
            // Unqualified tables of a lakehouse session are the lakehouse's, written by DuckDB through Sluice.
            statement.execute("CREATE TABLE here AS SELECT current_user() AS who");
            assertThat(rows(statement, "SELECT who FROM lakehouse.session_db.here")).containsExactly(List.of("writer"));
        }
    }

    @Test
    void concurrentAppendsKeepEveryRow()
            throws Exception
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "writer"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.c");
            statement.execute("CREATE TABLE lakehouse.c.events (session INT, n INT)");
        }
        int sessions = 4;
        int appends = 5;
        ExecutorService executor = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                int session = s;
                futures.add(executor.submit(() -> {
                    try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "writer" + session); Statement statement = connection.createStatement()) {
                        for (int i = 0; i < appends; i++) {
                            statement.executeUpdate("INSERT INTO lakehouse.c.events SELECT " + session + ", CAST(id AS INT) FROM range(100)");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        finally {
            executor.shutdownNow();
        }
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "writer"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT count(*), count(DISTINCT session) FROM lakehouse.c.events")).containsExactly(List.of(String.valueOf(sessions * appends * 100), "4"));
        }
    }
}
