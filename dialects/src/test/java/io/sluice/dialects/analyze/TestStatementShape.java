package io.sluice.dialects.analyze;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import io.sluice.dialects.analyze.StatementShape.ColumnPredicate;
import io.sluice.dialects.analyze.StatementShape.ColumnPredicate.Operator;
import io.sluice.dialects.analyze.StatementShape.Kind;
import io.sluice.dialects.analyze.StatementShape.TableName;
import io.sluice.dialects.ast.SqlExplainRoute;
import io.sluice.dialects.ast.SqlShow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class TestStatementShape
{
    private static StatementShape shape(String sql)
    {
        return StatementShape.of(Transpiler.parse(sql, Dialect.SPARK));
    }

    private static TableName read(String... names)
    {
        return new TableName(List.of(names), false);
    }

    private static TableName written(String... names)
    {
        return new TableName(List.of(names), true);
    }

    @Test
    void queries()
    {
        StatementShape scan = shape("SELECT * FROM lakehouse.sales.orders WHERE id = 3");
        assertThat(scan).isEqualTo(new StatementShape(Kind.QUERY, List.of(new TableName(List.of("lakehouse", "sales", "orders"), false,
                List.of(new ColumnPredicate("id", Operator.EQUAL, List.of(new BigDecimal("3")))))), 0, false, false, false, OptionalLong.empty()));

        StatementShape join = shape("SELECT n.name, count(*) FROM tpch.tiny.nation n JOIN lakehouse.x.customers c ON n.nationkey = c.nationkey "
                + "GROUP BY n.name ORDER BY 2 DESC LIMIT 10");
        assertThat(join).isEqualTo(new StatementShape(Kind.QUERY, List.of(read("tpch", "tiny", "nation"), read("lakehouse", "x", "customers")),
                1, true, true, true, OptionalLong.of(10)));

        StatementShape filtered = shape("SELECT count(*) FROM lakehouse.s.orders o JOIN lakehouse.s.lines l ON o.id = l.order_id "
                + "WHERE o.day BETWEEN DATE '2026-01-01' AND DATE '2026-01-31' AND l.qty < 24 AND 'x' = l.flag AND o.region IN ('eu', 'us') "
                + "AND o.id + 1 > 3 AND (l.qty > 1 OR l.qty < 0)");
        assertThat(filtered.tables().get(0).predicates()).containsExactly(
                new ColumnPredicate("day", Operator.BETWEEN, List.of("2026-01-01", "2026-01-31")),
                new ColumnPredicate("region", Operator.IN, List.of("eu", "us")));
        assertThat(filtered.tables().get(1).predicates()).containsExactly(
                new ColumnPredicate("qty", Operator.LESS_THAN, List.of(new BigDecimal("24"))),
                new ColumnPredicate("flag", Operator.EQUAL, List.of("x")));
        // Read twice (here by a subquery too): no one block's conditions hold for every row read.
        assertThat(shape("SELECT * FROM t WHERE a = 1 AND b IN (SELECT b FROM t)").tables()).containsExactly(read("t"));
        // Unqualified columns with two tables: whose they are is not known before validation.
        assertThat(shape("SELECT * FROM t, u WHERE a = 1").tables()).containsExactly(read("t"), read("u"));

        StatementShape global = shape("SELECT max(price) FROM t");
        assertThat(global.aggregates()).isTrue();
        assertThat(global.groups()).isFalse();
    }

    @Test
    void subqueriesCommonTablesAndSetOperations()
    {
        StatementShape shape = shape("WITH recent AS (SELECT * FROM db.orders WHERE day > '2026-01-01') "
                + "SELECT * FROM recent WHERE customer IN (SELECT id FROM db.customers) "
                + "UNION ALL SELECT * FROM db.archive LATERAL VIEW explode(items) i AS item");
        assertThat(shape.tables()).containsExactly(new TableName(List.of("db", "orders"), false, List.of(new ColumnPredicate("day", Operator.GREATER_THAN, List.of("2026-01-01")))),
                read("db", "customers"), read("db", "archive"));
        assertThat(shape.joins()).isZero();
        assertThat(shape.kind()).isEqualTo(Kind.QUERY);
        assertThat(shape("SELECT a, row_number() OVER (PARTITION BY b ORDER BY c) FROM t").sorts()).isTrue();
        assertThat(shape("SELECT * FROM t1 LEFT JOIN t2 ON t1.a = t2.a JOIN t3 ON t3.b = t2.b").joins()).isEqualTo(2);
    }

    @Test
    void predicatesOfASingleTable()
    {
        assertThat(shape("SELECT * FROM t WHERE ts >= TIMESTAMP '2026-01-01 00:00:00' AND ok = true AND 5 <= n").tables().get(0).predicates())
                .containsExactly(new ColumnPredicate("ts", Operator.GREATER_THAN_OR_EQUAL, List.of("2026-01-01 00:00:00")),
                        new ColumnPredicate("ok", Operator.EQUAL, List.of(true)),
                        new ColumnPredicate("n", Operator.GREATER_THAN_OR_EQUAL, List.of(new BigDecimal("5"))));
    }

    @Test
    void writesAndDefinitions()
    {
        assertThat(shape("INSERT INTO lakehouse.s.t SELECT * FROM s2.src")).isEqualTo(new StatementShape(Kind.WRITE,
                List.of(written("lakehouse", "s", "t"), read("s2", "src")), 0, false, false, false, OptionalLong.empty()));
        assertThat(shape("INSERT OVERWRITE TABLE t SELECT 1").kind()).isEqualTo(Kind.WRITE);
        assertThat(shape("CREATE TABLE t AS SELECT * FROM u")).extracting(StatementShape::kind, StatementShape::tables)
                .containsExactly(Kind.WRITE, List.of(written("t"), read("u")));
        assertThat(shape("CREATE TABLE t (a INT)")).extracting(StatementShape::kind, StatementShape::tables)
                .containsExactly(Kind.DDL, List.of(written("t")));
        assertThat(shape("DROP TABLE IF EXISTS x.t").tables()).containsExactly(written("x", "t"));
        assertThat(shape("DROP DATABASE x").tables()).isEmpty();
        assertThat(shape("DELETE FROM lakehouse.s.t WHERE a IN (SELECT a FROM lakehouse.s.u)")).extracting(StatementShape::kind, StatementShape::tables)
                .containsExactly(Kind.ROW_LEVEL_WRITE, List.of(written("lakehouse", "s", "t"), read("lakehouse", "s", "u")));
        assertThat(shape("UPDATE t SET a = 1").kind()).isEqualTo(Kind.ROW_LEVEL_WRITE);
        assertThat(shape("CREATE TEMPORARY VIEW v AS SELECT * FROM lakehouse.s.t").tables()).containsExactly(written("v"), read("lakehouse", "s", "t"));
        assertThat(shape("EXPLAIN SELECT * FROM t").kind()).isEqualTo(Kind.QUERY);
        assertThat(shape("INSERT INTO t VALUES (1, 'a'), ((SELECT max(a) FROM u), 'b')").tables()).containsExactly(written("t"), read("u"));
        assertThat(shape("VALUES (1), (2)")).isEqualTo(new StatementShape(Kind.QUERY, List.of(), 0, false, false, false, OptionalLong.empty()));
    }

    @Test
    void explainRouteAndShowCatalogsParse()
    {
        SqlExplainRoute route = (SqlExplainRoute) Transpiler.parse("EXPLAIN ROUTE SELECT count(*) FROM lakehouse.s.t", Dialect.SPARK);
        assertThat(shape("SELECT count(*) FROM lakehouse.s.t")).isEqualTo(StatementShape.of(route.statement()));
        assertThat(Transpiler.parse("EXPLAIN ROUTE INSERT INTO t VALUES (1)", Dialect.SPARK)).isInstanceOf(SqlExplainRoute.class);
        assertThat(Transpiler.parse("EXPLAIN ROUTE CREATE TABLE t AS SELECT 1", Dialect.SPARK)).isInstanceOf(SqlExplainRoute.class);
        // ROUTE and CATALOGS stay names.
        assertThat(shape("SELECT route, catalogs FROM route").tables()).containsExactly(read("route"));
        SqlShow catalogs = (SqlShow) Transpiler.parse("SHOW CATALOGS LIKE 'lake*'", Dialect.SPARK);
        assertThat(catalogs.kind()).isEqualTo(SqlShow.Kind.CATALOGS);
        assertThat(catalogs.pattern()).contains("lake*");
        assertThat(((SqlShow) Transpiler.parse("SHOW QUERIES", Dialect.SPARK)).kind()).isEqualTo(SqlShow.Kind.QUERIES);
        assertThat(shape("SELECT queries FROM queries").tables()).containsExactly(read("queries"));
        SqlShow databases = (SqlShow) Transpiler.parse("SHOW DATABASES IN lakehouse", Dialect.SPARK);
        assertThat(databases.database().orElseThrow().toString()).isEqualTo("lakehouse");
    }
}
