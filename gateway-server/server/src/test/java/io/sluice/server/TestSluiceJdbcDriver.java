package io.sluice.server;

import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sluice's own JDBC driver, the shipped jar in a class loader of its own: the HS2 conformance the Hive driver passes
 * (inherited), and JDBC's semantics of its own — parameters, complex values, warnings, failover, URLs, the jar.
 */
class TestSluiceJdbcDriver
        extends AbstractTestHs2Driver
{
    @Override
    protected TestClients client()
    {
        return TestClients.SLUICE_JDBC;
    }

    @Override
    protected String url(String database, Map<String, String> settings)
    {
        String query = settings.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("&"));
        return SLUICE.sluiceUrl(database) + (query.isEmpty() ? "" : "?" + query);
    }

    @Override
    protected boolean sendsCatalogOfTables()
    {
        return true;
    }

    @Override
    protected String httpUrl(String database)
    {
        return SLUICE.sluiceHttpUrl(database);
    }

    @Test
    void parametersOfEveryTypeReadBackAsSet()
            throws SQLException
    {
        String tricky = "it's a \\ \"quote\" ? -- not a comment /* nor this */";
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement("SELECT ? AS s, ? AS i, ? AS l, ? AS d, ? AS dec, ? AS b, ? AS dt, ? AS ts, ? AS bin, ? AS n, "
                        + "? AS f, ? AS t, ? AS sm, ? AS big, '?' AS q -- ? not a parameter")) {
            statement.setString(1, tricky);
            statement.setInt(2, -7);
            statement.setLong(3, 5L);
            statement.setDouble(4, 0.1);
            statement.setBigDecimal(5, new BigDecimal("-12345678901234567890.012345"));
            statement.setBoolean(6, true);
            statement.setDate(7, Date.valueOf("2024-02-29"));
            statement.setTimestamp(8, Timestamp.valueOf("2024-02-29 23:59:59.123456"));
            statement.setBytes(9, new byte[] {0, 1, (byte) 0xff});
            statement.setNull(10, Types.VARCHAR);
            statement.setFloat(11, 1.5f);
            statement.setByte(12, (byte) -3);
            statement.setShort(13, (short) 300);
            statement.setObject(14, LocalDateTime.of(2020, 1, 2, 3, 4));
            try (ResultSet resultSet = statement.executeQuery()) {
                ResultSetMetaData metadata = resultSet.getMetaData();
                assertThat(metadata.getColumnType(2)).isEqualTo(Types.INTEGER);
                assertThat(metadata.getColumnType(3)).isEqualTo(Types.BIGINT);
                assertThat(metadata.getColumnType(4)).isEqualTo(Types.DOUBLE);
                assertThat(metadata.getColumnType(5)).isEqualTo(Types.DECIMAL);
                assertThat(metadata.getScale(5)).isEqualTo(6);
                assertThat(metadata.getColumnType(6)).isEqualTo(Types.BOOLEAN);
                assertThat(metadata.getColumnType(7)).isEqualTo(Types.DATE);
                assertThat(metadata.getColumnType(8)).isEqualTo(Types.TIMESTAMP);
                assertThat(metadata.getColumnType(9)).isEqualTo(Types.BINARY);
                assertThat(metadata.getColumnType(11)).isEqualTo(Types.FLOAT);
                assertThat(metadata.getColumnType(12)).isEqualTo(Types.TINYINT);
                assertThat(metadata.getColumnType(13)).isEqualTo(Types.SMALLINT);
                assertThat(metadata.getColumnType(14)).isEqualTo(Types.TIMESTAMP);
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getString("s")).isEqualTo(tricky);
                assertThat(resultSet.getObject("i")).isEqualTo(-7);
                assertThat(resultSet.getObject("l")).isEqualTo(5L);
                assertThat(resultSet.getDouble("d")).isEqualTo(0.1);
                assertThat(resultSet.getBigDecimal("dec")).isEqualTo(new BigDecimal("-12345678901234567890.012345"));
                assertThat(resultSet.getBoolean("b")).isTrue();
                assertThat(resultSet.getObject("dt", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
                assertThat(resultSet.getTimestamp("ts")).isEqualTo(Timestamp.valueOf("2024-02-29 23:59:59.123456"));
                assertThat(resultSet.getBytes("bin")).containsExactly(0, 1, 0xff);
                assertThat(resultSet.getString("n")).isNull();
                assertThat(resultSet.wasNull()).isTrue();
                assertThat(resultSet.getObject("f")).isEqualTo(1.5f);
                assertThat(resultSet.getObject("t")).isEqualTo((byte) -3);
                assertThat(resultSet.getObject("sm")).isEqualTo((short) 300);
                assertThat(resultSet.getObject("big", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2020, 1, 2, 3, 4));
                assertThat(resultSet.getString("q")).isEqualTo("?");
                assertThat(resultSet.next()).isFalse();
            }
        }
    }

    @Test
    void parametersCannotBreakOutOfTheirLiteral()
            throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS inject_db");
            statement.execute("CREATE TABLE inject_db.users (name STRING)");
            statement.execute("INSERT INTO inject_db.users VALUES ('ann'), ('bob')");
            for (String dialect : List.of("spark", "duckdb", "trino")) {
                statement.execute("SET sluice.dialect=" + dialect);
                String table = dialect.equals("spark") ? "inject_db.users" : "\"inject_db\".\"users\"";
                try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE name = ?")) {
                    for (String attack : List.of("x' OR '1'='1", "x\\' OR 1=1 --", "x'' OR ''1''=''1", "\\", "'")) {
                        query.setString(1, attack);
                        try (ResultSet resultSet = query.executeQuery()) {
                            assertThat(resultSet.next()).isTrue();
                            assertThat(resultSet.getLong(1)).as("%s in %s", attack, dialect).isZero();
                        }
                    }
                    query.setString(1, "ann");
                    try (ResultSet resultSet = query.executeQuery()) {
                        assertThat(resultSet.next()).isTrue();
                        assertThat(resultSet.getLong(1)).as("ann in %s", dialect).isEqualTo(1);
                    }
                }
            }
        }
    }

    @Test
    void missingOrMisplacedParametersAreNamed()
            throws SQLException
    {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement("SELECT ?, `a?b` FROM (SELECT 1 AS `a?b`) WHERE ? /* ? */")) {
            assertThat(statement.getParameterMetaData().getParameterCount()).isEqualTo(2);
            statement.setInt(1, 1);
            assertThatThrownBy(statement::executeQuery)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("07001"))
                    .hasMessageContaining("Parameter 2 of 2 is not set");
            assertThatThrownBy(() -> statement.setInt(3, 1))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("07009"))
                    .hasMessageContaining("Parameter index 3 is out of range");
            assertThatThrownBy(() -> statement.setObject(2, new Object()))
                    .hasMessageContaining("java.lang.Object cannot be written as SQL");
            statement.setBoolean(2, true);
            try (ResultSet resultSet = statement.executeQuery()) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getInt(1)).isEqualTo(1);
                assertThat(resultSet.getInt(2)).isEqualTo(1);
            }
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1")).hasMessageContaining("cannot be called on a PreparedStatement");
        }
    }

    @Test
    void batchesOfPreparedInserts()
            throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE batch_rows (id INT, name STRING)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batch_rows VALUES (?, ?)")) {
                for (int i = 1; i <= 3; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "row " + i);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
                insert.setInt(1, 4);
                insert.setString(2, "ok");
                insert.addBatch();
                insert.setInt(1, 5);
                insert.setString(2, "no");
                insert.addBatch();
                statement.execute("DROP TABLE batch_rows");
                assertThatThrownBy(insert::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class, e -> {
                    assertThat(e.getUpdateCounts()).isEmpty();
                    assertThat(e.getMessage()).contains("Statement 1 of the batch failed").contains("batch_rows");
                });
            }
        }
    }

    @Test
    void complexValuesAsJdbcArraysMapsAndStructs()
            throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT array(1, 2, NULL) AS a, map('k', 1, 'l', 2) AS m, named_struct('x', 1, 'y', 'z') AS s, "
                        + "array(array(1), array(2, 3)) AS nested, array('a', 'b\"c') AS strings")) {
            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getString("a")).isEqualTo("[1,2,null]");
            Array array = resultSet.getArray("a");
            assertThat((Object[]) array.getArray()).containsExactly(1, 2, null);
            assertThat(array.getBaseType()).isEqualTo(Types.INTEGER);
            List<Object> fromResult = new ArrayList<>();
            try (ResultSet elements = array.getResultSet()) {
                while (elements.next()) {
                    fromResult.add(elements.getLong("INDEX") + "=" + elements.getString("VALUE"));
                }
            }
            assertThat(fromResult).containsExactly("1=1", "2=2", "3=null");
            assertThat(resultSet.getObject("m")).isEqualTo(Map.of("k", 1, "l", 2));
            Struct struct = (Struct) resultSet.getObject("s");
            assertThat(struct.getAttributes()).containsExactly(1, "z");
            assertThat((Object[]) ((Array) resultSet.getObject("nested")).getArray()).containsExactly(List.of(1), List.of(2, 3));
            assertThat((Object[]) resultSet.getArray("strings").getArray()).containsExactly("a", "b\"c");
            assertThat(resultSet.getMetaData().getColumnClassName(1)).isEqualTo("java.sql.Array");
            assertThatThrownBy(() -> resultSet.getArray("m")).hasMessageContaining("is not an array");
        }
    }

    @Test
    void warningsCarryTheRouteAndTheTranslation()
            throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (ResultSet resultSet = statement.executeQuery("SELECT upper('a') AS u")) {
                List<String> lines = new ArrayList<>();
                for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                    lines.add(warning.getMessage());
                }
                assertThat(lines).anyMatch(line -> line.contains("Routed to duckdb"));
                assertThat(lines).anyMatch(line -> line.contains("Translated from spark to duckdb: SELECT upper('a')"));
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getString(1)).isEqualTo("A");
            }
            statement.clearWarnings();
            assertThat((Object) statement.getWarnings()).isNull();
        }
    }

    @Test
    void aDeadHostIsPassedOverAndAllDeadIsOneClearError()
            throws SQLException
    {
        int port = SLUICE.server().binaryPort();
        try (Connection connection = client().connect("jdbc:sluice://127.0.0.1:1,127.0.0.1:" + port + "/default?connectTimeout=2000", "alice");
                Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT 42")).containsExactly(List.of("42"));
        }
        assertThatThrownBy(() -> client().connect("jdbc:sluice://127.0.0.1:1,127.0.0.1:2/default", "alice"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08001"))
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageContaining("127.0.0.1:2");
    }

    @Test
    void malformedUrlsAreRefusedByName()
            throws SQLException
    {
        Driver driver = client().driver();
        assertThat(driver.connect("jdbc:hive2://127.0.0.1:10009/default", new Properties())).isNull();
        assertThat(driver.acceptsURL("jdbc:sluice://h/db")).isTrue();
        Map<String, String> cases = Map.of(
                "jdbc:sluice:/127.0.0.1/default", "expected // after jdbc:sluice:",
                "jdbc:sluice://127.0.0.1:abc/default", "port 'abc' of '127.0.0.1:abc' is not a number",
                "jdbc:sluice://127.0.0.1:70000/default", "port 70000 of '127.0.0.1:70000' is not between 1 and 65535",
                "jdbc:sluice://127.0.0.1/default?transport=ftp", "transport 'ftp' is not binary or http",
                "jdbc:sluice://127.0.0.1/default?fetchSize=-1", "fetchSize '-1' is not a non-negative integer",
                "jdbc:sluice://127.0.0.1/default?novalue", "parameter 'novalue' is not key=value",
                "jdbc:sluice://,127.0.0.1/default", "an empty host in the host list",
                "jdbc:sluice://127.0.0.1/a..b?password=secret", "'a..b' is not [catalog.]database");
        cases.forEach((url, message) -> assertThatThrownBy(() -> client().connect(url, "alice"))
                .as(url)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08001"))
                .hasMessageContaining(message)
                .hasMessageNotContaining("secret"));
    }

    @Test
    void sessionStateThroughTheConnection()
            throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(connection.isValid(2)).isTrue();
            statement.execute("CREATE DATABASE IF NOT EXISTS schema_db");
            assertThat(connection.getSchema()).isEqualTo("default");
            connection.setSchema("schema_db");
            assertThat(connection.getSchema()).isEqualTo("schema_db");
            assertThat(rows(statement, "SELECT current_database()")).containsExactly(List.of("schema_db"));
            assertThat(connection.getCatalog()).isEqualTo("spark_catalog");
            assertThatThrownBy(() -> connection.setSchema("no_such_schema")).hasMessageContaining("no_such_schema");

            connection.setClientInfo("ApplicationName", "sluice-tests");
            assertThat(connection.getClientInfo("ApplicationName")).isEqualTo("sluice-tests");

            statement.setMaxRows(5);
            try (ResultSet resultSet = statement.executeQuery("SELECT id FROM range(100)")) {
                int count = 0;
                while (resultSet.next()) {
                    count++;
                }
                assertThat(count).isEqualTo(5);
            }
            statement.setMaxRows(0);
            assertThat(statement.executeUpdate("CREATE TABLE counted (x INT)")).isZero();
            assertThat(statement.executeUpdate("INSERT INTO counted VALUES (1), (2), (3)")).isEqualTo(3);
            assertThat(statement.execute("SELECT * FROM counted")).isTrue();
            assertThat(statement.getUpdateCount()).isEqualTo(-1);
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(-1);
        }
        int sessions = SLUICE.server().backend().sessionCount();
        Connection connection = connect();
        assertThat(SLUICE.server().backend().sessionCount()).isEqualTo(sessions + 1);
        Statement statement = connection.createStatement();
        ResultSet open = statement.executeQuery("SELECT id FROM range(10)");
        connection.close();
        assertThat(open.isClosed()).isTrue();
        assertThat(statement.isClosed()).isTrue();
        assertThat(connection.isValid(1)).isFalse();
        assertThat(SLUICE.server().backend().sessionCount()).isEqualTo(sessions);
        assertThatThrownBy(connection::createStatement).hasMessageContaining("The connection is closed");
    }

    @Test
    void metadataFactsOfTheDriver()
            throws SQLException
    {
        try (Connection connection = connect()) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(metadata.getDriverName()).isEqualTo("Sluice JDBC driver");
            assertThat(metadata.getDriverVersion()).isEqualTo(System.getProperty("sluice.version"));
            assertThat(metadata.getDatabaseProductName()).isEqualTo("Sluice");
            assertThat(metadata.getIdentifierQuoteString()).isEqualTo("`");
            assertThat(metadata.getCatalogSeparator()).isEqualTo(".");
            assertThat(metadata.getSQLKeywords()).contains("LIMIT", "DIV", "SUBMIT");
            assertThat(metadata.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY)).isTrue();
            assertThat(metadata.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE)).isFalse();
            assertThat(metadata.getURL()).startsWith("jdbc:sluice://127.0.0.1:");
            try (ResultSet procedures = metadata.getProcedures(null, null, "%")) {
                assertThat(procedures.next()).isFalse();
            }
            try (ResultSet keys = metadata.getImportedKeys(null, "default", "no_keys")) {
                assertThat(keys.next()).isFalse();
            }
        }
    }

    @Test
    void aSessionAskingForArrowStillGetsRowSetsThisDriverReads()
            throws SQLException
    {
        try (Connection connection = client().connect(url("default", Map.of("kyuubi.operation.result.format", "arrow")), "alice");
                Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT 1 AS one, 'x' AS x")).containsExactly(List.of("1", "x"));
        }
    }

    @Test
    void aServerGoneMidStreamIsAConnectionErrorAndTheNextSessionWorks()
            throws SQLException
    {
        Connection connection = connect();
        Statement statement = connection.createStatement();
        statement.setFetchSize(100);
        ResultSet resultSet = statement.executeQuery("SELECT id FROM range(100000)");
        for (int i = 0; i < 150; i++) {
            assertThat(resultSet.next()).isTrue();
        }
        SLUICE.restart();
        assertThatThrownBy(() -> {
            while (resultSet.next()) {
                resultSet.getLong(1);
            }
        })
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("08"))
                .hasMessageContaining("Lost the connection to Sluice");
        assertThat(connection.isValid(1)).isFalse();
        connection.close();
        try (Connection next = connect(); Statement fresh = next.createStatement()) {
            assertThat(rows(fresh, "SELECT 7")).containsExactly(List.of("7"));
        }
    }

    @Test
    void theShellRunsStatementsFromStandardInput()
            throws Exception
    {
        Path jar = driverJar();
        Process shell = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                SLUICE.sluiceUrl("default"), "-u", "alice")
                .redirectErrorStream(true)
                .start();
        try (var input = shell.getOutputStream()) {
            input.write("SELECT 'a;b' AS s,\n  2 AS two;\nSELEKT 1;\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String output = new String(shell.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(shell.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("| s   | two |", "| a;b | 2   |", "1 row", "Error: Syntax error", "SQLSTATE 42601");
        // A failed statement read from a script is the exit status.
        assertThat(shell.exitValue()).isEqualTo(1);
    }

    private static Path driverJar()
            throws IOException
    {
        try (var files = Files.list(TestClients.root().resolve("drivers/sluice"))) {
            return files.filter(file -> file.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
    }

    @Test
    void theJarIsSelfContainedFoundByServiceLoaderAndRunsOnJava11()
            throws IOException
    {
        Path directory = TestClients.root().resolve("drivers/sluice");
        List<Path> jars;
        try (var files = Files.list(directory)) {
            jars = files.filter(file -> file.toString().endsWith(".jar")).toList();
        }
        assertThat(jars).hasSize(1);
        try (JarFile jar = new JarFile(jars.get(0).toFile())) {
            List<String> outside = new ArrayList<>();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && !name.startsWith("io/sluice/jdbc/")) {
                    outside.add(name);
                }
            }
            assertThat(outside).as("classes outside io/sluice/jdbc (not relocated)").isEmpty();
            try (InputStream input = jar.getInputStream(jar.getEntry("io/sluice/jdbc/SluiceDriver.class"))) {
                DataInputStream data = new DataInputStream(input);
                assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
                data.readUnsignedShort();
                assertThat(data.readUnsignedShort()).as("class file version (55 = Java 11)").isEqualTo(55);
            }
            assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver")).readAllBytes()).trim())
                    .isEqualTo("io.sluice.jdbc.SluiceDriver");
        }
        ClassLoader loader = client().driver().getClass().getClassLoader();
        List<String> found = ServiceLoader.load(Driver.class, loader).stream()
                .map(provider -> provider.type().getName())
                .filter(name -> name.startsWith("io.sluice"))
                .toList();
        assertThat(found).containsExactly("io.sluice.jdbc.SluiceDriver");
        assertThat(Arrays.asList(jars.get(0).getFileName().toString())).allMatch(name -> name.startsWith("sluice-jdbc-"));
    }
}
