package io.sluice.dialects.functions;

import io.sluice.dialects.Dialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

import java.math.BigDecimal;

/**
 * Spark fails dividing by zero (ANSI mode, its default) with {@code /}, {@code %}, {@code mod} and {@code pmod}, and
 * answers NULL for a NULL dividend without looking at the divisor; DuckDB, Trino and Flink answer NULL, NaN or
 * infinity, so they are told to fail. One guard for the operators (the translator) and the functions (the catalog).
 */
public final class ZeroDivisors
{
    public static final String MESSAGE = "[DIVIDE_BY_ZERO] Division by zero";

    private ZeroDivisors() {}

    /**
     * The CASE branch {@code WHEN {1} = 0 AND {0} IS NOT NULL THEN <failure> } over a call's dividend {0} and divisor {1},
     * or nothing when the divisor is a literal other than zero or the target fails by itself (Spark). Flink raises no
     * error by name: a cast that cannot succeed does, and its message names the text, with {@code operator} in it.
     */
    public static String failingWhen(Dialect target, SqlNode divisor, String operator)
    {
        if (divisor instanceof SqlNumericLiteral literal && literal.getValueAs(BigDecimal.class).signum() != 0) {
            return "";
        }
        String failure = switch (target) {
            case DUCKDB -> "error('" + MESSAGE + "')";
            case TRINO -> "fail('" + MESSAGE + "')";
            case FLINK -> Failures.flink("'" + MESSAGE + ": ' || CAST({0} AS STRING) || ' " + operator + " 0'");
            case SPARK, HIVE -> null;
        };
        return failure == null ? "" : "WHEN {1} = 0 AND {0} IS NOT NULL THEN " + failure + " ";
    }
}
