package io.sluice.server.access;

import io.sluice.server.auth.PasswordFile;
import io.sluice.server.testing.JdbcRows;
import io.sluice.server.testing.LocalTrinoExtension;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import io.sluice.server.testing.TestJwts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code auth.authorization=grants}: roles, grants and their enforcement before any engine is touched (through joins,
 * subqueries, CTEs and views, for reads, writes and DDL), listings that hide what a user may not see, row filters and
 * column masks that hold on DuckDB and on Trino, roles held through a group, and names that try to be SQL.
 */
class TestAuthorization
{
    private static final TestJwts JWTS = TestJwts.create("https://issuer.sluice.test");

    @RegisterExtension
    @Order(1)
    static final LocalTrinoExtension TRINO = new LocalTrinoExtension();

    @RegisterExtension
    @Order(2)
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("router.engines", "duckdb,trino")
            .with("engine.trino.endpoint", TRINO.endpoint())
            .with("auth.providers", "password-file,jwt,token")
            .with("auth.password-file.path", passwords().toString())
            .with("auth.jwt.key-file", JWTS.keyFile().toString())
            .with("auth.jwt.issuer", JWTS.issuer())
            .with("auth.jwt.audience", "sluice")
            .with("auth.jwt.groups-claim", "groups")
            .with("auth.admin-users", "root")
            .with("auth.authorization", "grants");

    private static Path passwords()
    {
        try {
            Path file = JWTS.keyFile().resolveSibling("passwords");
            for (String user : List.of("root", "alice", "bob")) {
                PasswordFile.setPassword(file, user, user + "-pw");
            }
            return file;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(String user)
            throws SQLException
    {
        return TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), user, user + "-pw");
    }

    @BeforeAll
    static void policy()
            throws SQLException
    {
        try (Connection connection = connect("root"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (id INT, region STRING, email STRING, amount DOUBLE)");
            statement.execute("INSERT INTO orders VALUES (1, 'EU', 'ann@example.com', 10.0), (2, 'US', 'bob@example.com', 20.0), (3, 'EU', 'cid@example.com', 30.0)");
            statement.execute("CREATE TABLE secrets (id INT, v STRING)");
            statement.execute("INSERT INTO secrets VALUES (1, 'classified')");
            statement.execute("CREATE VIEW secrets_v AS SELECT v FROM secrets");
            // Trino's memory catalog lives as long as the local Trino, which outlives a test run.
            statement.execute("DROP TABLE IF EXISTS memory.default.t_orders");
            statement.execute("CREATE TABLE memory.default.t_orders (id INT, region STRING, email STRING)");
            statement.execute("INSERT INTO memory.default.t_orders VALUES (1, 'EU', 'ann@example.com'), (2, 'US', 'bob@example.com')");
            statement.execute("CREATE ROLE analyst");
            statement.execute("GRANT SELECT ON TABLE orders TO ROLE analyst");
            statement.execute("GRANT SELECT ON TABLE memory.default.t_orders TO ROLE analyst");
            statement.execute("GRANT ALL ON DATABASE scratch TO ROLE analyst");
            statement.execute("GRANT ROLE analyst TO USER alice");
            statement.execute("GRANT ROLE analyst TO GROUP 'data-team'");
            statement.execute("CREATE DATABASE scratch");
            statement.execute("CREATE ROW FILTER eu_only ON TABLE orders FOR ROLE analyst AS region = 'EU'");
            statement.execute("CREATE COLUMN MASK email_tail ON TABLE orders COLUMN email FOR ROLE analyst AS concat('***', substr(email, -4))");
            statement.execute("CREATE ROW FILTER eu_only_trino ON TABLE memory.default.t_orders FOR ROLE analyst AS region = 'EU'");
            statement.execute("CREATE COLUMN MASK email_trino ON TABLE memory.default.t_orders COLUMN email FOR ROLE analyst AS concat('***', substr(email, -4))");
        }
    }

    @Test
    void rowFiltersAndColumnMasksHoldOnDuckDbAndTrino()
            throws SQLException
    {
        try (Connection connection = connect("alice"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT id, region, email FROM orders ORDER BY id"))
                    .containsExactly(List.of("1", "EU", "***.com"), List.of("3", "EU", "***.com"));
            assertThat(rows(statement, "SELECT o.id FROM orders o JOIN orders p ON o.id = p.id WHERE o.region = 'US'")).isEmpty();
            assertThat(rows(statement, "SELECT count(*), sum(amount) FROM default.orders")).containsExactly(List.of("2", "40.0"));
            assertThat(rows(statement, "WITH w AS (SELECT email FROM orders) SELECT DISTINCT email FROM w")).containsExactly(List.of("***.com"));
            assertThat(rows(statement, "SELECT /*+ ENGINE(trino) */ id, region, email FROM memory.default.t_orders ORDER BY id"))
                    .containsExactly(List.of("1", "EU", "***.com"));
            // The log names the rewrite, as it runs.
            assertThat(engineLog(statement, "SELECT * FROM orders")).contains("Row filters and column masks applied");
        }
        try (Connection connection = connect("root"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT id, email FROM orders ORDER BY id")).containsExactly(
                    List.of("1", "ann@example.com"), List.of("2", "bob@example.com"), List.of("3", "cid@example.com"));
        }
    }

    @Test
    void whatIsNotGrantedIsDeniedThroughJoinsSubqueriesCtesAndViews()
            throws SQLException
    {
        try (Connection connection = connect("alice"); Statement statement = connection.createStatement()) {
            for (String sql : List.of(
                    "SELECT * FROM secrets",
                    "SELECT o.id FROM orders o JOIN secrets s ON o.id = s.id",
                    "SELECT id FROM orders WHERE id IN (SELECT id FROM secrets)",
                    "WITH s AS (SELECT * FROM secrets) SELECT * FROM s",
                    "DESCRIBE secrets")) {
                assertDenied(statement, sql, "SELECT on table spark_catalog.default.secrets for user alice");
            }
            assertDenied(statement, "SELECT * FROM secrets_v", "SELECT on table spark_catalog.default.secrets_v");
            assertDenied(statement, "INSERT INTO orders VALUES (4, 'EU', 'x', 1.0)", "INSERT on table spark_catalog.default.orders");
            assertDenied(statement, "DROP TABLE orders", "DROP on table spark_catalog.default.orders");
            assertDenied(statement, "CREATE TABLE mine (i INT)", "CREATE on table spark_catalog.default.mine");
            assertDenied(statement, "DROP DATABASE default", "DROP on database spark_catalog.default");
            assertDenied(statement, "CREATE ROLE mine", "CREATE ROLE is for administrators");
            assertDenied(statement, "GRANT SELECT ON TABLE secrets TO ROLE analyst", "GRANT is for administrators");
            assertDenied(statement, "CREATE CLUSTER mine TYPE LOCAL WITH ('master' = 'local[2]')", "CREATE CLUSTER is for administrators");
            assertDenied(statement, "DROP STORAGE IF EXISTS theirs", "DROP STORAGE is for administrators");
            // Where a grant covers a database, its tables are alice's to make and change.
            statement.execute("CREATE TABLE scratch.notes (i INT)");
            statement.execute("INSERT INTO scratch.notes VALUES (7)");
            assertThat(rows(statement, "SELECT i FROM scratch.notes")).containsExactly(List.of("7"));
        }
        try (Connection connection = connect("bob"); Statement statement = connection.createStatement()) {
            assertDenied(statement, "SELECT * FROM orders", "SELECT on table spark_catalog.default.orders for user bob");
        }
    }

    @Test
    void listingsHideWhatAUserMayNotSee()
            throws SQLException
    {
        try (Connection connection = connect("alice")) {
            assertThat(tables(connection, "default")).contains("orders").doesNotContain("secrets", "secrets_v");
            try (Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SHOW TABLES").stream().map(row -> row.get(1)).toList()).contains("orders").doesNotContain("secrets");
                assertThat(rows(statement, "SHOW DATABASES").stream().map(row -> row.get(0)).toList()).contains("default", "scratch");
                assertThat(rows(statement, "SHOW GRANTS")).contains(List.of("analyst", "SELECT", "TABLE", "spark_catalog.default.orders"));
                assertThat(rows(statement, "SHOW ROLES").stream().map(row -> row.get(0)).toList()).containsExactly("analyst");
                assertDenied(statement, "SHOW GRANTS FOR USER root", "SHOW GRANTS FOR another user");
                assertDenied(statement, "SHOW ROW FILTERS", "SHOW ROW FILTERS is for administrators");
            }
        }
        try (Connection connection = connect("bob")) {
            assertThat(tables(connection, "default")).isEmpty();
        }
        try (Connection connection = connect("root"); Statement statement = connection.createStatement()) {
            assertThat(tables(connection, "default")).contains("orders", "secrets", "secrets_v");
            assertThat(rows(statement, "SHOW ROW FILTERS")).anySatisfy(row -> assertThat(row.subList(0, 4))
                    .containsExactly("eu_only", "spark_catalog.default.orders", "analyst", "region = 'EU'"));
            assertThat(rows(statement, "SHOW COLUMN MASKS")).anySatisfy(row -> assertThat(row.subList(0, 3)).containsExactly("email_tail", "spark_catalog.default.orders", "email"));
            assertThat(rows(statement, "SHOW ROLES")).anySatisfy(row -> assertThat(row.get(1)).contains("user alice").contains("group data-team"));
        }
    }

    @Test
    void rolesComeThroughGroupsAndRevokesTakeEffectAtOnce()
            throws SQLException
    {
        String token = JWTS.sign("carol", JWTS.issuer(), Instant.now().plus(Duration.ofMinutes(5)), List.of("data-team"));
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.httpUrl("default") + ";auth=jwt;jwt=" + token, "");
                Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT id FROM orders ORDER BY id")).containsExactly(List.of("1"), List.of("3"));
        }
        String loner = JWTS.sign("dave", JWTS.issuer(), Instant.now().plus(Duration.ofMinutes(5)), List.of("other-team"));
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.httpUrl("default") + ";auth=jwt;jwt=" + loner, "");
                Statement statement = connection.createStatement()) {
            assertDenied(statement, "SELECT id FROM orders", "SELECT on table spark_catalog.default.orders for user dave");
        }
        try (Connection root = connect("root"); Statement admin = root.createStatement(); Connection connection = connect("alice");
                Statement statement = connection.createStatement()) {
            admin.execute("CREATE ROLE temp_reader");
            admin.execute("GRANT SELECT ON TABLE secrets TO ROLE temp_reader");
            admin.execute("GRANT ROLE temp_reader TO USER alice");
            assertThat(rows(statement, "SELECT v FROM secrets")).containsExactly(List.of("classified"));
            admin.execute("REVOKE SELECT ON TABLE secrets FROM ROLE temp_reader");
            assertDenied(statement, "SELECT v FROM secrets", "SELECT on table spark_catalog.default.secrets");
            admin.execute("DROP ROLE temp_reader");
            assertThatThrownBy(() -> admin.execute("DROP ROLE temp_reader")).hasMessageContaining("No role temp_reader");
            admin.execute("DROP ROLE IF EXISTS temp_reader");
            assertThatThrownBy(() -> admin.execute("GRANT SELECT ON TABLE orders TO ROLE nobody")).hasMessageContaining("No role nobody");
        }
    }

    @Test
    void aScopedTokenHoldsOnlyItsRoles()
            throws SQLException
    {
        String scoped;
        String full;
        try (Connection root = connect("root"); Statement admin = root.createStatement(); Connection connection = connect("alice");
                Statement statement = connection.createStatement()) {
            admin.execute("CREATE ROLE secret_reader");
            admin.execute("GRANT SELECT ON TABLE secrets TO ROLE secret_reader");
            admin.execute("GRANT ROLE secret_reader TO USER alice");
            List<List<String>> created = rows(statement, "CREATE TOKEN dashboards ROLES (analyst)");
            scoped = created.get(0).get(1);
            assertThat(created.get(0).get(3)).isEqualTo("analyst");
            full = rows(statement, "CREATE TOKEN everything").get(0).get(1);
            assertThat(rows(statement, "SHOW TOKENS")).anySatisfy(row -> assertThat(List.of(row.get(0), row.get(5))).containsExactly("dashboards", "analyst"));
            assertThatThrownBy(() -> statement.execute("CREATE TOKEN bad ROLES (`x'; --`)")).hasMessageContaining("Invalid role name");
        }
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "alice", scoped); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT count(*) FROM orders")).containsExactly(List.of("2"));
            assertDenied(statement, "SELECT v FROM secrets", "SELECT on table spark_catalog.default.secrets for user alice");
        }
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "alice", full); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT v FROM secrets")).containsExactly(List.of("classified"));
        }
        try (Connection root = connect("root"); Statement admin = root.createStatement()) {
            admin.execute("DROP ROLE secret_reader");
        }
    }

    @Test
    void namesThatTryToBeSqlAreNames()
            throws SQLException
    {
        try (Connection connection = connect("root"); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("CREATE ROLE `x'; DROP TABLE orders; --`")).hasMessageContaining("Invalid role name");
            statement.execute("GRANT ROLE analyst TO USER 'bob; DROP TABLE orders; --'");
            statement.execute("GRANT SELECT ON TABLE `orders; DROP TABLE secrets` TO ROLE analyst");
            assertThat(rows(statement, "SELECT count(*) FROM orders")).containsExactly(List.of("3"));
            assertThat(rows(statement, "SELECT count(*) FROM secrets")).containsExactly(List.of("1"));
            assertThat(rows(statement, "SHOW GRANTS FOR ROLE analyst")).contains(List.of("analyst", "SELECT", "TABLE", "spark_catalog.default.orders; drop table secrets"));
        }
        // The user named like an injection holds the role; bob does not.
        try (Connection connection = connect("bob"); Statement statement = connection.createStatement()) {
            assertDenied(statement, "SELECT * FROM orders", "for user bob");
        }
    }

    private static void assertDenied(Statement statement, String sql, String message)
    {
        assertThatThrownBy(() -> statement.execute(sql))
                .as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                .hasMessageContaining(message);
    }

    private static List<String> tables(Connection connection, String database)
            throws SQLException
    {
        List<String> names = new ArrayList<>();
        try (ResultSet tables = connection.getMetaData().getTables(null, database, "%", null)) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static String engineLog(Statement statement, String sql)
            throws SQLException
    {
        statement.execute(sql);
        return String.join("\n", JdbcRows.operationLog(statement));
    }
}
