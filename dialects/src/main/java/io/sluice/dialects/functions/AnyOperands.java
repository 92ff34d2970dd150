package io.sluice.dialects.functions;

import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;

/**
 * Operands of any type, {@code min} to {@code max} of them ({@code max} -1: unbounded). Spark coerces arguments
 * itself; each engine's rewrite decides what the types mean, so the validator only checks the count.
 */
final class AnyOperands
        implements SqlOperandTypeChecker
{
    private final int min;
    private final int max;

    AnyOperands(int min, int max)
    {
        this.min = min;
        this.max = max;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure)
    {
        return true;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange()
    {
        return max < 0 ? SqlOperandCountRanges.from(min) : SqlOperandCountRanges.between(min, max);
    }

    @Override
    public String getAllowedSignatures(SqlOperator operator, String name)
    {
        return name + "(...)";
    }
}
