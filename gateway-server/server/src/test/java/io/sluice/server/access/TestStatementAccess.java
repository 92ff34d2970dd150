package io.sluice.server.access;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import io.sluice.metastore.AccessStore;
import io.sluice.metastore.Metastore;
import io.sluice.metastore.MetastoreConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which privileges statements need, and the text the row-filter and column-mask rewrite makes, without a server. */
class TestStatementAccess
{
    private final AccessStore store = store();
    private final AccessControl access = new AccessControl(store, true, Set.of("root"), Duration.ofMinutes(1));
    private final StatementAccess statements = new StatementAccess(access);
    private final AccessControl.Subject alice = new AccessControl.Subject("alice", Set.of());

    private static AccessStore store()
    {
        try {
            AccessStore store = new AccessStore(Metastore.open(MetastoreConfig.embedded(Files.createTempDirectory("sluice-access"))));
            Instant now = Instant.now();
            store.createRole("analyst", "root", now);
            store.addMember(new AccessStore.Member("analyst", "USER", "alice"));
            store.grant(new AccessStore.Privilege("analyst", "SELECT", "TABLE", "spark_catalog.default.orders"));
            store.grant(new AccessStore.Privilege("analyst", "INSERT", "DATABASE", "lakehouse.sales"));
            store.grant(new AccessStore.Privilege("analyst", "SELECT", "CATALOG", "tpch"));
            store.createFilter(new AccessStore.RowFilter("eu", "spark_catalog.default.orders", "analyst", "region = 'EU'", "root", now));
            store.createFilter(new AccessStore.RowFilter("small", "spark_catalog.default.orders", "analyst", "amount < 100", "root", now));
            store.createMask(new AccessStore.ColumnMask("tail", "spark_catalog.default.orders", "email", "analyst", "substr(email, -4)", "root", now));
            return store;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> rewrite(String sql)
    {
        return statements.rewrite(alice, Transpiler.parse(sql, Dialect.SPARK), sql, Dialect.SPARK, "default",
                (database, table) -> Optional.of(List.of("id", "region", "email", "amount", "Odd Name")));
    }

    @Test
    void readsAreReplacedWhereTheParserFoundThem()
    {
        assertThat(rewrite("SELECT id FROM orders")).contains("SELECT id FROM (SELECT id, region, (substr(email, -4)) AS email, amount, `Odd Name` FROM orders "
                + "WHERE (region = 'EU') AND (amount < 100)) AS orders");
        // Tabs, lines, aliases, quoting and a CTE keep their places.
        assertThat(rewrite("SELECT o.id\n\tFROM\t`default`.`orders` o\nJOIN orders ON o.id = orders.id")).contains(
                "SELECT o.id\n\tFROM\t(SELECT id, region, (substr(email, -4)) AS email, amount, `Odd Name` FROM `default`.`orders` WHERE (region = 'EU') AND (amount < 100)) o\n"
                        + "JOIN (SELECT id, region, (substr(email, -4)) AS email, amount, `Odd Name` FROM orders WHERE (region = 'EU') AND (amount < 100)) AS orders "
                        + "ON o.id = orders.id");
        assertThat(rewrite("WITH orders AS (SELECT 1 AS id) SELECT id FROM orders")).isEmpty();
        assertThat(rewrite("SELECT * FROM tpch.tiny.nation")).isEmpty();
        // Each rewrite parses again.
        Transpiler.parse(rewrite("SELECT count(*) FROM orders WHERE id IN (SELECT id FROM orders)").orElseThrow(), Dialect.SPARK);
        assertThat(statements.rewrite(new AccessControl.Subject("root", Set.of()), Transpiler.parse("SELECT id FROM orders", Dialect.SPARK), "SELECT id FROM orders",
                Dialect.SPARK, "default", (database, table) -> Optional.empty())).isEmpty();
        assertThatThrownBy(() -> statements.rewrite(alice, Transpiler.parse("SELECT id FROM orders", Dialect.SPARK), "SELECT id FROM orders", Dialect.SPARK, "default",
                (database, table) -> Optional.of(List.of("id")))).hasMessageContaining("names column email, which table spark_catalog.default.orders does not have");
    }

    @Test
    void privilegesFollowTheStatementAndTheScopeOfGrants()
    {
        statements.authorize(alice, Transpiler.parse("SELECT * FROM default.orders o JOIN tpch.tiny.nation n ON o.id = n.nationkey", Dialect.SPARK), "default");
        statements.authorize(alice, Transpiler.parse("INSERT INTO lakehouse.sales.t SELECT id FROM orders", Dialect.SPARK), "default");
        assertThatThrownBy(() -> statements.authorize(alice, Transpiler.parse("INSERT INTO orders SELECT * FROM orders", Dialect.SPARK), "default"))
                .hasMessage("Access denied: INSERT on table spark_catalog.default.orders for user alice");
        assertThatThrownBy(() -> statements.authorize(alice, Transpiler.parse("DELETE FROM lakehouse.sales.t WHERE id = 1", Dialect.SPARK), "default"))
                .hasMessage("Access denied: DELETE on table lakehouse.sales.t for user alice");
        assertThatThrownBy(() -> statements.authorize(alice, Transpiler.parse("SELECT * FROM lakehouse.sales.t", Dialect.SPARK), "default"))
                .hasMessage("Access denied: SELECT on table lakehouse.sales.t for user alice");
        assertThatThrownBy(() -> statements.authorize(alice, Transpiler.parse("EXPLAIN ROUTE SELECT * FROM secrets", Dialect.SPARK), "default"))
                .hasMessage("Access denied: SELECT on table spark_catalog.default.secrets for user alice");
        assertThat(access.visible(alice, ObjectName.database("default"))).isTrue();
        assertThat(access.visible(alice, ObjectName.database("tpch.tiny"))).isTrue();
        assertThat(access.visible(alice, ObjectName.database("other"))).isFalse();
        assertThat(access.visible(alice, ObjectName.table("default", "secrets"))).isFalse();
        assertThat(ObjectName.table(List.of("spark_catalog", "default", "Orders"), "x").dotted()).isEqualTo("spark_catalog.default.orders");
    }
}
