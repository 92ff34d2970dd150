package io.sluice.dialects.analyze;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import io.sluice.dialects.testing.TestingCatalog;
import io.sluice.dialects.validate.Validation;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Spark's session functions become the session's values, named as Spark names them. */
class TestSessionFunctions
{
    private static String duckDb(String sql, String database)
    {
        SqlNode tree = SessionFunctions.inline(Transpiler.parse(sql, Dialect.SPARK), SessionFunctions.values(database, "alice"));
        Validation validation = Transpiler.validate(tree, Dialect.SPARK, TestingCatalog.INSTANCE, "default");
        return Transpiler.unparse(validation, Dialect.SPARK, Dialect.DUCKDB, UnaryOperator.identity());
    }

    @Test
    void sessionValues()
    {
        assertThat(duckDb("SELECT current_database(), current_catalog(), current_user()", "default"))
                .isEqualTo("SELECT 'default' AS \"current_database()\", 'spark_catalog' AS \"current_catalog()\", 'alice' AS \"current_user()\"");
        assertThat(duckDb("SELECT upper(current_schema()) AS s, user()", "lakehouse.sales"))
                .isEqualTo("SELECT upper('sales') AS \"s\", 'alice' AS \"user()\"");
        assertThat(duckDb("SELECT k FROM u WHERE v = current_user()", "default"))
                .isEqualTo("SELECT \"u\".\"k\" FROM \"default\".\"u\" AS \"u\" WHERE \"u\".\"v\" = 'alice'");
        assertThat(SessionFunctions.values("lakehouse.sales", "bob")).containsEntry("current_catalog", "lakehouse").containsEntry("current_database", "sales");
    }
}
