package io.sluice.dialects.analyze;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import io.sluice.dialects.analyze.StatementShape.Kind;
import io.sluice.dialects.analyze.StatementShape.TableName;
import io.sluice.dialects.ast.SqlExplainRoute;
import io.sluice.dialects.ast.SqlShow;
import org.junit.jupiter.api.Test;

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
        assertThat(scan).isEqualTo(new StatementShape(Kind.QUERY, List.of(read("lakehouse", "sales", "orders")), 0, false, false, false, OptionalLong.empty()));

        StatementShape join = shape("SELECT n.name, count(*) FROM tpch.tiny.nation n JOIN lakehouse.x.customers c ON n.nationkey = c.nationkey "
                + "GROUP BY n.name ORDER BY 2 DESC LIMIT 10");
        assertThat(join).isEqualTo(new StatementShape(Kind.QUERY, List.of(read("tpch", "tiny", "nation"), read("lakehouse", "x", "customers")),
                1, true, true, true, OptionalLong.of(10)));

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
        assertThat(shape.tables()).containsExactly(read("db", "orders"), read("db", "customers"), read("db", "archive"));
        assertThat(shape.joins()).isZero();
        assertThat(shape.kind()).isEqualTo(Kind.QUERY);
        assertThat(shape("SELECT a, row_number() OVER (PARTITION BY b ORDER BY c) FROM t").sorts()).isTrue();
        assertThat(shape("SELECT * FROM t1 LEFT JOIN t2 ON t1.a = t2.a JOIN t3 ON t3.b = t2.b").joins()).isEqualTo(2);
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
