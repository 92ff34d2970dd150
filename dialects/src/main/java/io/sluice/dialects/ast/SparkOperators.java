package io.sluice.dialects.ast;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlPrefixOperator;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

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

    /** {@code a | b}: bitwise OR of integral values, binding looser than {@code &}, {@code ^} and arithmetic, as in Spark. */
    public static final SqlBinaryOperator BITWISE_OR = new SqlBinaryOperator(
            "|",
            SqlKind.OTHER,
            34,
            true,
            ReturnTypes.LEAST_RESTRICTIVE,
            InferTypes.FIRST_KNOWN,
            OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER))
    {
        /** Typed from its operands, not looked up by name: MATCH_RECOGNIZE's pattern operator is also called "|". */
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call)
        {
            for (SqlNode operand : call.getOperandList()) {
                validator.deriveType(scope, operand);
            }
            return validateOperands(validator, scope, call);
        }
    };

    private SparkOperators() {}
}
