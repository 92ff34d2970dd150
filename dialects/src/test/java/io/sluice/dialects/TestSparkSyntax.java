package io.sluice.dialects;

import io.sluice.dialects.ast.SqlCacheTable;
import io.sluice.dialects.ast.SqlCreateTable;
import io.sluice.dialects.ast.SqlDescribeObject;
import io.sluice.dialects.ast.SqlExplainQuery;
import io.sluice.dialects.ast.SqlInsertOverwrite;
import io.sluice.dialects.ast.SqlSessionSet;
import io.sluice.dialects.ast.SqlShow;
import io.sluice.dialects.ast.SqlTranspile;
import io.sluice.dialects.ast.SqlUseDatabase;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Spark's and Hive's statements and syntax, as the parser reads them. */
class TestSparkSyntax
{
    @Test
    void sessionStatements()
    {
        SqlSessionSet set = (SqlSessionSet) parse("SET spark.sql.shuffle.partitions = 10");
        assertThat(set.key()).contains("spark.sql.shuffle.partitions");
        assertThat(set.value()).contains("10");
        assertThat(((SqlSessionSet) parse("SET sluice.engine=duckdb")).value()).contains("duckdb");
        assertThat(((SqlSessionSet) parse("SET")).key()).isEmpty();
        assertThat(((SqlSessionSet) parse("SET sluice.dialect")).value()).isEmpty();
        assertThat(((SqlSessionSet) parse("RESET")).reset()).isTrue();
        assertThat(((SqlUseDatabase) parse("USE DATABASE sales")).name().getSimple()).isEqualTo("sales");
        assertThat(((SqlUseDatabase) parse("USE default")).name().getSimple()).isEqualTo("default");
    }

    @Test
    void showAndDescribe()
    {
        SqlShow tables = (SqlShow) parse("SHOW TABLES IN sales LIKE 'ord*|cust*'");
        assertThat(tables.kind()).isEqualTo(SqlShow.Kind.TABLES);
        assertThat(tables.database().orElseThrow().getSimple()).isEqualTo("sales");
        assertThat(tables.pattern()).contains("ord*|cust*");
        assertThat(((SqlShow) parse("SHOW SCHEMAS")).kind()).isEqualTo(SqlShow.Kind.DATABASES);
        assertThat(((SqlShow) parse("SHOW COLUMNS FROM orders IN sales")).table().orElseThrow().getSimple()).isEqualTo("orders");
        assertThat(((SqlShow) parse("SHOW FUNCTIONS LIKE 'date*'")).kind()).isEqualTo(SqlShow.Kind.FUNCTIONS);
        assertThat(((SqlShow) parse("SHOW ENGINES")).kind()).isEqualTo(SqlShow.Kind.ENGINES);
        SqlShow stats = (SqlShow) parse("SHOW STATS FOR tpch.tiny.nation");
        assertThat(stats.kind()).isEqualTo(SqlShow.Kind.STATS);
        assertThat(stats.table().orElseThrow().names).containsExactly("tpch", "tiny", "nation");
        assertThat(stats.toString()).isEqualTo("SHOW STATS FOR `tpch`.`tiny`.`nation`");
        SqlDescribeObject describe = (SqlDescribeObject) parse("DESC EXTENDED sales.orders");
        assertThat(describe.kind()).isEqualTo(SqlDescribeObject.Kind.TABLE);
        assertThat(describe.detail()).isEqualTo(SqlDescribeObject.Detail.EXTENDED);
        assertThat(((SqlDescribeObject) parse("DESCRIBE QUERY SELECT 1")).kind()).isEqualTo(SqlDescribeObject.Kind.QUERY);
        assertThat(((SqlDescribeObject) parse("DESCRIBE FUNCTION date_add")).kind()).isEqualTo(SqlDescribeObject.Kind.FUNCTION);
        assertThat(((SqlDescribeObject) parse("DESCRIBE FORMATTED orders")).detail()).isEqualTo(SqlDescribeObject.Detail.FORMATTED);
        assertThat(((SqlDescribeObject) parse("DESCRIBE orders")).detail()).isEqualTo(SqlDescribeObject.Detail.NONE);
    }

    /** What BI tools send: Superset's SHOW PARTITIONS and SHOW CREATE VIEW, PyHive's DESCRIBE db.t with `default` unquoted. */
    @Test
    void biToolStatements()
    {
        SqlShow partitions = (SqlShow) parse("SHOW PARTITIONS sales.orders PARTITION (ds = '2024-01-01', hr = 3)");
        assertThat(partitions.kind()).isEqualTo(SqlShow.Kind.PARTITIONS);
        assertThat(partitions.table().orElseThrow().names).containsExactly("sales", "orders");
        assertThat(partitions.partition()).containsExactly(entry("ds", "2024-01-01"), entry("hr", "3"));
        assertThat(partitions.toString()).isEqualTo("SHOW PARTITIONS `sales`.`orders` PARTITION (`ds` = '2024-01-01', `hr` = '3')");
        assertThat(((SqlShow) parse("SHOW PARTITIONS orders")).partition()).isEmpty();
        assertThat(((SqlShow) parse("SHOW CREATE TABLE orders AS SERDE")).kind()).isEqualTo(SqlShow.Kind.CREATE_TABLE);
        SqlShow createView = (SqlShow) parse("SHOW CREATE VIEW default.recent_orders");
        assertThat(createView.kind()).isEqualTo(SqlShow.Kind.CREATE_VIEW);
        assertThat(createView.table().orElseThrow().names).containsExactly("default", "recent_orders");
        assertThat(((SqlShow) parse("SHOW TABLES IN default")).database().orElseThrow().getSimple()).isEqualTo("default");
        assertThat(((SqlShow) parse("SHOW VIEWS IN default LIKE 'v*'")).kind()).isEqualTo(SqlShow.Kind.VIEWS);
        assertThat(((SqlDescribeObject) parse("DESCRIBE default.orders")).name().orElseThrow().names).containsExactly("default", "orders");
        SqlSelect select = (SqlSelect) parse("SELECT default.orders.id FROM default.orders");
        assertThat(((SqlIdentifier) select.getFrom()).names).containsExactly("default", "orders");
        // Calcite's DEFAULT stays where Spark writes it too: a function argument.
        assertThat(parse("SELECT f(DEFAULT)").toString()).contains("DEFAULT");
    }

    @Test
    void sparkStatements()
    {
        assertThat(parse("CACHE LAZY TABLE t")).isInstanceOf(SqlCacheTable.class);
        assertThat(((SqlCacheTable) parse("CACHE TABLE c AS SELECT 1")).query()).isPresent();
        assertThat(parse("UNCACHE TABLE IF EXISTS t")).isInstanceOf(SqlCacheTable.class);
        assertThat(parse("INSERT OVERWRITE TABLE t SELECT 1")).isInstanceOf(SqlInsertOverwrite.class);
        assertThat(parse("EXPLAIN EXTENDED SELECT 1")).isInstanceOf(SqlExplainQuery.class);
        SqlCreateTable create = (SqlCreateTable) parse("CREATE TABLE IF NOT EXISTS t (a INT COMMENT 'id', b STRING) USING parquet PARTITIONED BY (b)");
        assertThat(create.ifNotExists()).isTrue();
        assertThat(create.columnNames()).extracting(name -> name.getSimple()).containsExactly("a", "b");
        assertThat(create.format().orElseThrow().getSimple()).isEqualTo("parquet");
        SqlTranspile transpile = (SqlTranspile) parse("TRANSPILE 'SELECT a[0] FROM t' FROM spark TO trino");
        assertThat(transpile.sql()).isEqualTo("SELECT a[0] FROM t");
        assertThat(transpile.from()).contains("spark");
        assertThat(transpile.to()).isEqualTo("trino");
    }

    @Test
    void stringLiteralsReadSparkEscapes()
    {
        SqlSelect select = (SqlSelect) parse("SELECT 'a\\tb', \"it's\", 'it\\'s', 'back\\\\slash', 'like\\_this', '\\u00e9'");
        assertThat(select.getSelectList()).extracting(node -> ((SqlCharStringLiteral) node).getValueAs(String.class))
                .containsExactly("a\tb", "it's", "it's", "back\\slash", "like\\_this", "é");
    }

    @Test
    void wordsSparkDoesNotReserveNameColumns()
    {
        assertThat(parse("SELECT value, count, year, user, position, filter, result FROM t")).isInstanceOf(SqlSelect.class);
    }

    @Test
    void syntaxErrorsNameThePosition()
    {
        assertThatThrownBy(() -> parse("SELECT * FORM t"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR))
                .hasMessage("Syntax error in spark SQL at line 1, column 15: unexpected 't'");
        // A keyword is named once, as written (JavaCC's message names it twice: "TABLE TABLE").
        assertThatThrownBy(() -> parse("ALTER VIEW v AS SELECT 1"))
                .hasMessage("Syntax error in spark SQL at line 1, column 7: unexpected 'VIEW'");
        assertThatThrownBy(() -> parse("SELECT 1 FROM t WHERE"))
                .hasMessage("Syntax error in spark SQL at line 1, column 21: unexpected end of statement");
        assertThatThrownBy(() -> parse("SELECT * FROM t LATERAL VIEW stack(2, a) s AS x"))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("LATERAL VIEW supports explode, posexplode and inline");
    }

    @Test
    void trinoAndDuckDbInputsQuoteWithDoubleQuotes()
    {
        SqlSelect select = (SqlSelect) Transpiler.parse("SELECT \"my col\" FROM t WHERE x = 'it''s'", Dialect.TRINO);
        assertThat(((org.apache.calcite.sql.SqlIdentifier) select.getSelectList().get(0)).getSimple()).isEqualTo("my col");
    }

    private static SqlNode parse(String sql)
    {
        return Transpiler.parse(sql, Dialect.SPARK);
    }
}
