package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlPrefixOperator;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/** Operators of Spark's syntax that Calcite's standard operator table lacks. */
public final class SparkOperators
{
    /** {@code a DIV b}: integral division, truncating toward zero, returning BIGINT. */
    public static final SqlBinaryOperator DIV = new SqlBinaryOperator(
            "DIV",
            SqlKind.OTHER,
            60,
            true,
            ReturnTypes.BIGINT_NULLABLE,
            InferTypes.FIRST_KNOWN,
            OperandTypes.NUMERIC_NUMERIC);

    /** {@code ~a}: bitwise NOT of an integral value. */
    public static final SqlPrefixOperator BITWISE_NOT = new SqlPrefixOperator(
            "~",
            SqlKind.OTHER,
            80,
            ReturnTypes.ARG0,
            InferTypes.RETURN_TYPE,
            OperandTypes.INTEGER);

    private SparkOperators() {}
}
