package io.sluice.dialects.ast;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlPrefixOperator;
import org.apache.calcite.sql.fun.SqlMonotonicBinaryOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import static java.util.Objects.requireNonNull;

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

    /** {@code a + b}, which in Spark also adds days to a date ({@code date + int}, Spark's {@code date_add}). */
    public static final SqlBinaryOperator PLUS = dateArithmetic(SqlStdOperatorTable.PLUS);

    /** {@code a - b}, which in Spark also subtracts days from a date ({@code date - int}, Spark's {@code date_sub}). */
    public static final SqlBinaryOperator MINUS = dateArithmetic(SqlStdOperatorTable.MINUS);

    private SparkOperators() {}

    /** Whether the call is {@code date + int} or {@code date - int}. */
    public static boolean isDateDays(SqlOperatorBinding binding)
    {
        return binding.getOperandCount() == 2
                && binding.getOperandType(0).getSqlTypeName() == SqlTypeName.DATE
                && SqlTypeName.INT_TYPES.contains(binding.getOperandType(1).getSqlTypeName());
    }

    private static SqlBinaryOperator dateArithmetic(SqlBinaryOperator standard)
    {
        SqlReturnTypeInference standardType = requireNonNull(standard.getReturnTypeInference(), "standard return type inference");
        SqlReturnTypeInference type = binding -> {
            if (isDateDays(binding)) {
                RelDataTypeFactory types = binding.getTypeFactory();
                boolean nullable = binding.getOperandType(0).isNullable() || binding.getOperandType(1).isNullable();
                return types.createTypeWithNullability(types.createSqlType(SqlTypeName.DATE), nullable);
            }
            return standardType.inferReturnType(binding);
        };
        SqlOperandTypeChecker standardOperands = requireNonNull(standard.getOperandTypeChecker(), "standard operand type checker");
        SqlOperandTypeChecker operands = new SqlOperandTypeChecker()
        {
            @Override
            public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure)
            {
                return isDateDays(binding) || standardOperands.checkOperandTypes(binding, throwOnFailure);
            }

            @Override
            public SqlOperandCountRange getOperandCountRange()
            {
                return standardOperands.getOperandCountRange();
            }

            @Override
            public String getAllowedSignatures(SqlOperator operator, String name)
            {
                return standardOperands.getAllowedSignatures(operator, name) + SqlOperator.NL + "'<DATE> " + name + " <INTEGER>'";
            }
        };
        return new SqlMonotonicBinaryOperator(standard.getName(), standard.getKind(), 40, true, type, InferTypes.FIRST_KNOWN, operands)
        {
            /** Typed from its operands, not looked up again by name (which would find the standard operator). */
            @Override
            public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call)
            {
                for (SqlNode operand : call.getOperandList()) {
                    validator.deriveType(scope, operand);
                }
                return validateOperands(validator, scope, call);
            }
        };
    }
}
