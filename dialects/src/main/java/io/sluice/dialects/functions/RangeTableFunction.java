package io.sluice.dialects.functions;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/** Spark's table function {@code range([start,] end[, step])}: one BIGINT column {@code id}. */
final class RangeTableFunction
        extends SqlFunction
        implements SqlTableFunction
{
    RangeTableFunction()
    {
        super("RANGE", SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null,
                OperandTypes.repeat(SqlOperandCountRanges.between(1, 3), OperandTypes.NUMERIC),
                SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference()
    {
        return binding -> binding.getTypeFactory().builder()
                .add("id", SqlTypeName.BIGINT)
                .build();
    }
}
