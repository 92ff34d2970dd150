package io.sluice.server;

import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.sluice.server.testing.JdbcRows.column;
import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HS2 conformance every JDBC driver passes against Sluice on embedded DuckDB, over both Thrift transports: the
 * Apache Hive driver ({@link TestHiveJdbcDriver}) and Sluice's own ({@code jdbc/TestSluiceJdbcDriver}).
 */
abstract class AbstractTestHs2Driver
{
    private static final String LONG_QUERY = "SELECT sum(a.id * b.id) FROM range(1000000) a, range(1000000) b";

    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension();

    /** The driver under test. */
    protected abstract TestClients client();

    /** The driver's URL of the database over the binary transport, with session settings. */
    protected abstract String url(String database, Map<String, String> settings);

    /** Whether the driver sends GetTables its catalog argument (the Hive driver sends only GetSchemas'). */
    protected abstract boolean sendsCatalogOfTables();

    /** The driver's URL of the database over the HTTP transport. */
    protected abstract String httpUrl(String database);

    /**
     * A session in DuckDB's own dialect, pinned to DuckDB: statements Sluice's parser does not read (DuckDB's type
     * syntax, PRIMARY KEY, {@code ::} casts) reach DuckDB as written, which these protocol tests rely on.
     */
    protected Connection connectInDuckDbDialect()
            throws SQLException
    {
        return client().connect(url("default", Map.of("sluice.dialect", "duckdb", "sluice.engine", "duckdb")), "alice");
    }

    protected Connection connect()
            throws SQLException
    {
        return connect("default");
    }

    protected Connection connect(String database)
            throws SQLException
    {
        return client().connect(url(database, Map.of()), "alice");
    }

    @Test
    protected void selectOneOverBothTransports()
            throws SQLException
    {
        for (String url : List.of(url("default", Map.of()), httpUrl("default"))) {
            try (Connection connection = client().connect(url, "alice");
                    Statement statement = connection.createStatement();
                    ResultSet resultSet = statement.executeQuery("SELECT 1 AS one")) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getInt("one")).isEqualTo(1);
                assertThat(resultSet.next()).isFalse();
                assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("Sluice");
            }
        }
    }

    @Test
    protected void ddlDmlAndSessionCommands()
            throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE ddl_db");
            statement.execute("USE ddl_db");
            assertThat(statement.execute("CREATE TABLE people (id INT, name STRING)")).isFalse();
            assertThat(statement.executeUpdate("INSERT INTO people VALUES (1, 'ann'), (2, 'bob')")).isEqualTo(2);
            assertThat(rows(statement, "SELECT name FROM people ORDER BY id")).containsExactly(List.of("ann"), List.of("bob"));
            assertThat(rows(statement, "SHOW DATABASES")).contains(List.of("default"), List.of("ddl_db"));
            assertThat(rows(statement, "SHOW TABLES")).containsExactly(List.of("ddl_db", "people", "false"));
            assertThat(rows(statement, "DESCRIBE people")).containsExactly(List.of("id", "int", "null"), List.of("name", "string", "null"));
            assertThat(rows(statement, "SET sluice.engine=duckdb")).containsExactly(List.of("sluice.engine", "duckdb"));
            assertThatThrownBy(() -> statement.execute("SET sluice.engine=oracle"))
                    .hasMessageContaining("Invalid value 'oracle' for sluice.engine");
            assertThatThrownBy(() -> statement.execute("USE no_such_db"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("3F000"))
                    .hasMessageContaining("Database 'no_such_db' does not exist");
        }
        // The database in the URL is the current database.
        try (Connection connection = connect("ddl_db"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT count(*) FROM people")).containsExactly(List.of("2"));
        }
        assertThatThrownBy(() -> connect("no_such_db"))
                .hasMessageContaining("Database 'no_such_db' does not exist");
    }

    @Test
    protected void typesRoundTripWithPrecisionScaleAndNulls()
            throws SQLException
    {
        try (Connection connection = connectInDuckDbDialect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE all_types (b BOOLEAN, t TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE, "
                    + "dec DECIMAL(38,10), small_dec DECIMAL(5,2), v STRING, bin BLOB, dt DATE, ts TIMESTAMP, arr INTEGER[], m MAP(VARCHAR, INTEGER), st STRUCT(a INTEGER, b VARCHAR))");
            statement.execute("INSERT INTO all_types VALUES (true, 127, 32767, 2147483647, 9223372036854775807, 1.5, 2.25, "
                    + "1234567890123456789012345678.0123456789, -123.45, 'héllo', '\\x01\\x02'::BLOB, DATE '2024-02-29', TIMESTAMP '2024-02-29 23:59:59.123456', "
                    + "[1, 2, NULL], MAP {'k': 1}, {'a': 1, 'b': 'x'})");
            statement.execute("INSERT INTO all_types VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
            try (ResultSet resultSet = statement.executeQuery("SELECT * FROM all_types ORDER BY b NULLS LAST")) {
                ResultSetMetaData metadata = resultSet.getMetaData();
                int[] expectedTypes = {Types.BOOLEAN, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.DOUBLE,
                        Types.DECIMAL, Types.DECIMAL, Types.VARCHAR, Types.BINARY, Types.DATE, Types.TIMESTAMP, Types.ARRAY, Types.JAVA_OBJECT, Types.STRUCT};
                for (int i = 0; i < expectedTypes.length; i++) {
                    assertThat(metadata.getColumnType(i + 1)).as("type of %s", metadata.getColumnName(i + 1)).isEqualTo(expectedTypes[i]);
                }
                assertThat(metadata.getPrecision(8)).isEqualTo(38);
                assertThat(metadata.getScale(8)).isEqualTo(10);
                assertThat(metadata.getPrecision(9)).isEqualTo(5);
                assertThat(metadata.getScale(9)).isEqualTo(2);

                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getBoolean(1)).isTrue();
                assertThat(resultSet.getObject(2)).isEqualTo((byte) 127);
                assertThat(resultSet.getShort(3)).isEqualTo((short) 32767);
                assertThat(resultSet.getInt(4)).isEqualTo(Integer.MAX_VALUE);
                assertThat(resultSet.getLong(5)).isEqualTo(Long.MAX_VALUE);
                assertThat(resultSet.getFloat(6)).isEqualTo(1.5f);
                assertThat(resultSet.getDouble(7)).isEqualTo(2.25);
                assertThat(resultSet.getBigDecimal(8)).isEqualByComparingTo(new BigDecimal("1234567890123456789012345678.0123456789"));
                assertThat(resultSet.getBigDecimal(9)).isEqualByComparingTo(new BigDecimal("-123.45"));
                assertThat(resultSet.getString(10)).isEqualTo("héllo");
                assertThat((byte[]) resultSet.getObject(11)).containsExactly(1, 2);
                assertThat(resultSet.getDate(12).toLocalDate()).isEqualTo(java.time.LocalDate.of(2024, 2, 29));
                assertThat(resultSet.getTimestamp(13)).isEqualTo(Timestamp.valueOf("2024-02-29 23:59:59.123456"));
                assertThat(resultSet.getString(14)).isEqualTo("[1,2,null]");
                assertThat(resultSet.getString(15)).isEqualTo("{\"k\":1}");
                assertThat(resultSet.getString(16)).isEqualTo("{\"a\":1,\"b\":\"x\"}");

                assertThat(resultSet.next()).isTrue();
                for (int column = 1; column <= expectedTypes.length; column++) {
                    assertThat(resultSet.getObject(column)).as("column %s", column).isNull();
                    assertThat(resultSet.wasNull()).isTrue();
                }
                assertThat(resultSet.next()).isFalse();
            }
        }
    }

    @Test
    protected void jdbcMetadata()
            throws SQLException
    {
        try (Connection connection = connectInDuckDbDialect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE meta_db");
            statement.execute("CREATE TABLE meta_db.orders (order_id BIGINT PRIMARY KEY, amount DECIMAL(12,3), note VARCHAR)");
            statement.execute("CREATE TABLE meta_db.order_lines (line_id INT, order_id BIGINT REFERENCES meta_db.orders(order_id))");
            statement.execute("CREATE VIEW meta_db.big_orders AS SELECT * FROM meta_db.orders WHERE amount > 100");
            DatabaseMetaData metadata = connection.getMetaData();

            assertThat(column(metadata.getSchemas(null, "meta%"), "TABLE_SCHEM")).containsExactly("meta_db");
            assertThat(column(metadata.getSchemas(), "TABLE_SCHEM")).contains("default", "meta_db");
            // Catalogs as BI tools browse them: the lakehouse and DuckDB's own; a named catalog scopes the databases.
            List<String> catalogs = column(metadata.getCatalogs(), "TABLE_CAT");
            assertThat(catalogs).hasSize(2).contains("lakehouse");
            String duckDbCatalog = catalogs.get(0).equals("lakehouse") ? catalogs.get(1) : catalogs.get(0);
            assertThat(column(metadata.getSchemas(duckDbCatalog, "meta%"), "TABLE_SCHEM")).containsExactly("meta_db");
            assertThat(column(metadata.getSchemas(duckDbCatalog, "meta%"), "TABLE_CATALOG")).containsExactly(duckDbCatalog);
            assertThat(column(metadata.getTables(duckDbCatalog, "meta_db", "%", null), "TABLE_NAME")).containsExactly("big_orders", "order_lines", "orders");
            if (sendsCatalogOfTables()) {
                assertThat(column(metadata.getTables(duckDbCatalog, "meta_db", "%", null), "TABLE_CAT")).containsOnly(duckDbCatalog).hasSize(3);
            }
            assertThat(column(metadata.getSchemas("no_such_catalog", null), "TABLE_SCHEM")).isEmpty();
            assertThat(column(metadata.getTableTypes(), "TABLE_TYPE")).containsExactly("TABLE", "VIEW");
            assertThat(column(metadata.getTables(null, "meta_db", "%", null), "TABLE_NAME")).containsExactly("big_orders", "order_lines", "orders");
            // '_' matches exactly one character
            assertThat(column(metadata.getTables(null, "meta_db", "order_", null), "TABLE_NAME")).containsExactly("orders");
            assertThat(column(metadata.getTables(null, "meta_db", "order_lines", null), "TABLE_NAME")).containsExactly("order_lines");
            assertThat(column(metadata.getTables(null, "meta_db", "%", new String[] {"VIEW"}), "TABLE_NAME")).containsExactly("big_orders");

            try (ResultSet columns = metadata.getColumns(null, "meta_db", "orders", "%")) {
                assertThat(columns.next()).isTrue();
                assertThat(columns.getString("COLUMN_NAME")).isEqualTo("order_id");
                assertThat(columns.getInt("DATA_TYPE")).isEqualTo(Types.BIGINT);
                assertThat(columns.getString("TYPE_NAME")).isEqualTo("bigint");
                assertThat(columns.getInt("COLUMN_SIZE")).isEqualTo(19);
                assertThat(columns.getInt("ORDINAL_POSITION")).isEqualTo(1);
                assertThat(columns.next()).isTrue();
                assertThat(columns.getString("TYPE_NAME")).isEqualTo("decimal(12,3)");
                assertThat(columns.getInt("COLUMN_SIZE")).isEqualTo(12);
                assertThat(columns.getInt("DECIMAL_DIGITS")).isEqualTo(3);
                assertThat(columns.next()).isTrue();
                assertThat(columns.getString("TYPE_NAME")).isEqualTo("string");
                assertThat(columns.next()).isFalse();
            }
            assertThat(column(metadata.getColumns(null, "meta_db", "order*", "order\\_id"), "TABLE_NAME")).containsExactly("order_lines", "orders");
            assertThat(column(metadata.getPrimaryKeys(null, "meta_db", "orders"), "COLUMN_NAME")).containsExactly("order_id");
            assertThat(column(metadata.getCrossReference(null, "meta_db", "orders", null, "meta_db", "order_lines"), "FKCOLUMN_NAME")).containsExactly("order_id");
            assertThat(column(metadata.getTypeInfo(), "TYPE_NAME")).contains("INT", "BIGINT", "DECIMAL", "STRING", "TIMESTAMP", "ARRAY");
            assertThat(column(metadata.getFunctions(null, null, "upper"), "FUNCTION_NAME")).containsExactly("upper");
        }
    }

    @Test
    protected void lakehouseTablesBrowseUnderTheirCatalog()
            throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.browse_db");
            statement.execute("CREATE TABLE IF NOT EXISTS lakehouse.browse_db.items (id INT, label STRING)");
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(column(metadata.getSchemas("lakehouse", "browse%"), "TABLE_SCHEM")).containsExactly("browse_db");
            try (ResultSet tables = metadata.getTables("lakehouse", "browse_db", "%", null)) {
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString("TABLE_CAT")).isEqualTo("lakehouse");
                assertThat(tables.getString("TABLE_SCHEM")).isEqualTo("browse_db");
                assertThat(tables.getString("TABLE_NAME")).isEqualTo("items");
                assertThat(tables.next()).isFalse();
            }
            assertThat(column(metadata.getColumns("lakehouse", "browse_db", "items", "%"), "COLUMN_NAME")).containsExactly("id", "label");
            // Without a catalog, databases keep Sluice's qualified names.
            assertThat(column(metadata.getTables(null, "lakehouse.browse_db", "%", null), "TABLE_NAME")).containsExactly("items");
            statement.execute("DROP TABLE lakehouse.browse_db.items");
        }
    }

    @Test
    protected void temporaryViewsAndSettingsStayInTheirSession()
            throws SQLException
    {
        try (Connection first = connect(); Connection second = connect();
                Statement firstStatement = first.createStatement(); Statement secondStatement = second.createStatement()) {
            firstStatement.execute("CREATE TEMPORARY VIEW mine AS SELECT 7 AS seven");
            firstStatement.execute("SET custom.key=first");
            assertThat(rows(firstStatement, "SELECT * FROM mine")).containsExactly(List.of("7"));
            assertThat(rows(firstStatement, "SHOW TABLES")).contains(List.of("", "mine", "true"));
            assertThatThrownBy(() -> secondStatement.executeQuery("SELECT * FROM mine"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
            assertThat(rows(secondStatement, "SET custom.key")).containsExactly(List.of("custom.key", "<undefined>"));
        }
    }

    @Test
    protected void failingStatementGivesSqlStateAndServerKeepsServing()
            throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM missing_table"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42P01");
                        assertThat(e.getMessage()).contains("missing_table");
                    });
            assertThatThrownBy(() -> statement.executeQuery("SELEKT 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"));
            assertThat(rows(statement, "SELECT 2")).containsExactly(List.of("2"));
        }
    }

    @Test
    protected void cancelStopsTheQuery()
            throws Exception
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    statement.executeQuery(LONG_QUERY);
                    return null;
                }
                catch (Throwable e) {
                    return e;
                }
            });
            waitForRunningOperation();
            long start = System.nanoTime();
            statement.cancel();
            Throwable failure = outcome.get(30, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOf(SQLException.class).hasMessageContaining("cancel");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
        assertDuckDbIdle();
    }

    @Test
    protected void queryTimeoutRaisesSqlTimeoutException()
            throws Exception
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            assertThatThrownBy(() -> statement.executeQuery(LONG_QUERY)).isInstanceOf(SQLTimeoutException.class);
            statement.setQueryTimeout(0);
            assertThat(rows(statement, "SELECT 3")).containsExactly(List.of("3"));
        }
        assertDuckDbIdle();
    }

    @Test
    protected void millionRowFetch()
            throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.setFetchSize(50_000);
            long rows = 0;
            long sum = 0;
            try (ResultSet resultSet = statement.executeQuery("SELECT id, id * 2 AS doubled, concat('row ', id) AS label FROM range(1000000)")) {
                while (resultSet.next()) {
                    rows++;
                    sum += resultSet.getLong(2);
                    if (rows == 999_999) {
                        assertThat(resultSet.getString(3)).isEqualTo("row 999998");
                    }
                }
            }
            assertThat(rows).isEqualTo(1_000_000);
            assertThat(sum).isEqualTo(999_999_000_000L);
        }
    }

    @Test
    protected void interleavedResultsOfOneSessionAreNotLost()
            throws SQLException
    {
        try (Connection connection = connect(); Statement first = connection.createStatement(); Statement second = connection.createStatement()) {
            first.setFetchSize(1000);
            try (ResultSet big = first.executeQuery("SELECT id FROM range(100000) ORDER BY id")) {
                long expected = 0;
                for (int i = 0; i < 1500; i++) {
                    assertThat(big.next()).isTrue();
                    assertThat(big.getLong(1)).isEqualTo(expected++);
                }
                // A second statement on the same session needs DuckDB's connection: the first result must survive.
                assertThat(rows(second, "SELECT 'other'")).containsExactly(List.of("other"));
                connection.getMetaData().getTables(null, "default", "%", null).close();
                while (big.next()) {
                    assertThat(big.getLong(1)).isEqualTo(expected++);
                }
                assertThat(expected).isEqualTo(100_000);
            }
        }
    }

    @Test
    protected void thirtyTwoConcurrentSessions()
            throws Exception
    {
        ExecutorService executor = Executors.newFixedThreadPool(32);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int session = i;
                results.add(executor.submit(() -> {
                    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                        statement.execute("CREATE TEMPORARY VIEW numbers AS SELECT id FROM range(" + (1000 * (session + 1)) + ")");
                        try (ResultSet resultSet = statement.executeQuery("SELECT count(*) FROM numbers")) {
                            resultSet.next();
                            return resultSet.getLong(1);
                        }
                    }
                }));
            }
            for (int i = 0; i < 32; i++) {
                assertThat(results.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(1000L * (i + 1));
            }
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    protected void tablesSurviveRestart()
            throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE durable (x INT)");
            statement.execute("INSERT INTO durable VALUES (5)");
        }
        SLUICE.restart();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT x FROM durable")).containsExactly(List.of("5"));
        }
    }

    protected static void waitForRunningOperation()
            throws InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            boolean running = SLUICE.server().backend().runningOperationCount() > 0;
            if (running) {
                Thread.sleep(200);
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("No operation started running");
    }

    protected static void assertDuckDbIdle()
            throws InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (SLUICE.server().backend().runningOperationCount() == 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("An operation is still running after cancel");
    }


}
