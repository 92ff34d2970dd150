package io.sluice.jdbc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSqlLiterals
{
    @Test
    void placeholdersOutsideStringsNamesAndComments()
            throws SQLException
    {
        assertThat(SqlLiterals.split("SELECT ?, '?', \"?\", `?`, x -- ?\n, ? /* ? */ ?", "spark"))
                .containsExactly("SELECT ", ", '?', \"?\", `?`, x -- ?\n, ", " /* ? */ ", "");
        // Backslash escapes a quote in Spark's strings, not in standard SQL's.
        assertThat(SqlLiterals.split("SELECT 'a\\'?' , ?", "spark")).hasSize(2);
        assertThat(SqlLiterals.split("SELECT 'a\\' , ?", "trino")).hasSize(2);
        assertThat(SqlLiterals.split("SELECT 'it''s ?', ?", "duckdb")).hasSize(2);
        // In standard SQL "..." is a name.
        assertThat(SqlLiterals.split("SELECT \"a?\" FROM t WHERE x = ?", "trino")).hasSize(2);
        assertThat(SqlLiterals.split("SELECT 1", "spark")).containsExactly("SELECT 1");
    }

    @Test
    void unclosedQuotesAreErrors()
    {
        assertThatThrownBy(() -> SqlLiterals.split("SELECT 'abc", "spark")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> SqlLiterals.split("SELECT `abc", "spark")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> SqlLiterals.split("SELECT 1 /* x", "spark")).hasMessageContaining("never closed");
    }

    @Test
    void stringsEscapedByTheDialectsRules()
    {
        assertThat(SqlLiterals.string("it's \\ here", "spark")).isEqualTo("'it\\'s \\\\ here'");
        assertThat(SqlLiterals.string("it's \\ here", "hive")).isEqualTo("'it\\'s \\\\ here'");
        assertThat(SqlLiterals.string("it's \\ here", "trino")).isEqualTo("'it''s \\ here'");
        assertThat(SqlLiterals.string("it's \\ here", "duckdb")).isEqualTo("'it''s \\ here'");
        assertThat(SqlLiterals.string("it's", "flink")).isEqualTo("'it''s'");
    }

    @Test
    void valuesKeepTheirTypes()
            throws SQLException
    {
        assertThat(SqlLiterals.literal(null, "spark")).isEqualTo("NULL");
        assertThat(SqlLiterals.literal(7, "spark")).isEqualTo("7");
        assertThat(SqlLiterals.literal(7L, "spark")).isEqualTo("CAST(7 AS BIGINT)");
        assertThat(SqlLiterals.literal(Long.MAX_VALUE, "spark")).isEqualTo("9223372036854775807");
        assertThat(SqlLiterals.literal((short) 3, "spark")).isEqualTo("CAST(3 AS SMALLINT)");
        assertThat(SqlLiterals.literal(0.1, "spark")).isEqualTo("0.1E0");
        assertThat(SqlLiterals.literal(1e300, "spark")).isEqualTo("1.0E300");
        assertThat(SqlLiterals.literal(Double.NaN, "spark")).isEqualTo("CAST('NaN' AS DOUBLE)");
        assertThat(SqlLiterals.literal(1.5f, "spark")).isEqualTo("CAST(1.5E0 AS FLOAT)");
        assertThat(SqlLiterals.literal(new BigDecimal("-1.50"), "spark")).isEqualTo("CAST('-1.50' AS DECIMAL(3,2))");
        assertThat(SqlLiterals.literal(new BigDecimal("1E+3"), "spark")).isEqualTo("CAST('1000' AS DECIMAL(4,0))");
        assertThat(SqlLiterals.literal(new BigDecimal("0.05"), "spark")).isEqualTo("CAST('0.05' AS DECIMAL(3,2))");
        assertThat(SqlLiterals.literal(true, "spark")).isEqualTo("TRUE");
        assertThat(SqlLiterals.literal(Date.valueOf("2024-02-29"), "spark")).isEqualTo("DATE '2024-02-29'");
        assertThat(SqlLiterals.literal(Timestamp.valueOf("2024-02-29 23:59:59.123456"), "spark")).isEqualTo("TIMESTAMP '2024-02-29 23:59:59.123456'");
        assertThat(SqlLiterals.literal(LocalDateTime.of(2020, 1, 2, 3, 4), "spark")).isEqualTo("TIMESTAMP '2020-01-02 03:04:00'");
        assertThat(SqlLiterals.literal(new byte[] {0, 15, (byte) 0xab}, "spark")).isEqualTo("X'000FAB'");
        assertThatThrownBy(() -> SqlLiterals.literal(new BigDecimal("1" + "0".repeat(40)), "spark")).hasMessageContaining("more than 38 digits");
        assertThatThrownBy(() -> SqlLiterals.literal(List.of(1), "spark")).hasMessageContaining("cannot be written as SQL");
    }
}
