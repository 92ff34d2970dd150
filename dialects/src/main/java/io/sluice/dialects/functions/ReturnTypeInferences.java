package io.sluice.dialects.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

import java.util.ArrayList;
import java.util.List;

/** Result types of Spark's functions, for the validator. */
final class ReturnTypeInferences
{
    static final SqlReturnTypeInference STRING = nullable(SqlTypeName.VARCHAR);
    static final SqlReturnTypeInference INTEGER = nullable(SqlTypeName.INTEGER);
    static final SqlReturnTypeInference BIGINT = nullable(SqlTypeName.BIGINT);
    static final SqlReturnTypeInference DOUBLE = nullable(SqlTypeName.DOUBLE);
    static final SqlReturnTypeInference BOOLEAN = nullable(SqlTypeName.BOOLEAN);
    static final SqlReturnTypeInference DATE = nullable(SqlTypeName.DATE);
    static final SqlReturnTypeInference BINARY = nullable(SqlTypeName.VARBINARY);
    static final SqlReturnTypeInference TIMESTAMP = binding -> binding.getTypeFactory().createTypeWithNullability(
            binding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, 6), true);
    static final SqlReturnTypeInference ARG0 = ReturnTypes.ARG0_NULLABLE;
    static final SqlReturnTypeInference ARG1 = ReturnTypes.ARG1_NULLABLE;
    static final SqlReturnTypeInference LEAST_RESTRICTIVE = ReturnTypes.LEAST_RESTRICTIVE;
    /** ANY: the validator accepts every use; the engine decides. */
    static final SqlReturnTypeInference ANY = nullable(SqlTypeName.ANY);
    /** decode(bin, charset) is a string; decode(expr, search, result, ..., [default]) the common type of its results. */
    static final SqlReturnTypeInference DECODE = binding -> {
        int count = binding.getOperandCount();
        if (count == 2) {
            return binding.getTypeFactory().createTypeWithNullability(binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true);
        }
        List<RelDataType> results = new ArrayList<>();
        for (int i = 2; i < count; i += 2) {
            results.add(binding.getOperandType(i));
        }
        if ((count - 1) % 2 == 1) {
            results.add(binding.getOperandType(count - 1));
        }
        RelDataType common = binding.getTypeFactory().leastRestrictive(results);
        return common == null ? null : binding.getTypeFactory().createTypeWithNullability(common, true);
    };
    static final SqlReturnTypeInference ARRAY_OF_STRING = binding -> array(binding.getTypeFactory(),
            binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR));
    static final SqlReturnTypeInference ARRAY_OF_ANY = binding -> array(binding.getTypeFactory(),
            binding.getTypeFactory().createSqlType(SqlTypeName.ANY));
    /** concat: the first array argument's type when it joins arrays, else a string (none of the arguments typed ANY). */
    static final SqlReturnTypeInference CONCAT = binding -> {
        RelDataTypeFactory factory = binding.getTypeFactory();
        for (int i = 0; i < binding.getOperandCount(); i++) {
            RelDataType type = binding.getOperandType(i);
            if (type.getSqlTypeName() == SqlTypeName.ARRAY) {
                return factory.createTypeWithNullability(type, true);
            }
            if (type.getSqlTypeName() == SqlTypeName.ANY) {
                return factory.createTypeWithNullability(type, true);
            }
        }
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), true);
    };
    /** The element type of the array in the first argument (the value type of a map). */
    static final SqlReturnTypeInference ELEMENT_OF_ARG0 = binding -> {
        RelDataType type = binding.getOperandType(0);
        RelDataType element = type.getSqlTypeName() == SqlTypeName.MAP ? type.getValueType() : type.getComponentType();
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(element == null ? factory.createSqlType(SqlTypeName.ANY) : element, true);
    };
    /** sequence(start, stop [, step]): an array of the common type of start and stop. */
    static final SqlReturnTypeInference ARRAY_OF_ARG0_ARG1 = binding -> {
        RelDataType common = binding.getTypeFactory().leastRestrictive(List.of(binding.getOperandType(0), binding.getOperandType(1)));
        return array(binding.getTypeFactory(), common == null ? binding.getTypeFactory().createSqlType(SqlTypeName.ANY) : common);
    };
    /** An array of the first argument's type. */
    static final SqlReturnTypeInference ARRAY_OF_ARG0 = binding -> array(binding.getTypeFactory(), binding.getOperandType(0));
    /** An array of the first argument's element type (an array of keys of a map). */
    static final SqlReturnTypeInference KEYS_OF_ARG0 = binding -> {
        RelDataType type = binding.getOperandType(0);
        RelDataType key = type.getSqlTypeName() == SqlTypeName.MAP ? type.getKeyType() : null;
        return array(binding.getTypeFactory(), key == null ? binding.getTypeFactory().createSqlType(SqlTypeName.ANY) : key);
    };
    static final SqlReturnTypeInference VALUES_OF_ARG0 = binding -> {
        RelDataType type = binding.getOperandType(0);
        RelDataType value = type.getSqlTypeName() == SqlTypeName.MAP ? type.getValueType() : null;
        return array(binding.getTypeFactory(), value == null ? binding.getTypeFactory().createSqlType(SqlTypeName.ANY) : value);
    };

    /** named_struct('a', x, 'b', y): a struct of the literal names and the values' types. */
    static final SqlReturnTypeInference NAMED_STRUCT = binding -> {
        RelDataTypeFactory.Builder builder = binding.getTypeFactory().builder();
        for (int i = 0; i + 1 < binding.getOperandCount(); i += 2) {
            String name = binding.getOperandLiteralValue(i, String.class);
            builder.add(name == null ? "col" + (i / 2 + 1) : name, binding.getOperandType(i + 1));
        }
        return builder.build();
    };
    /** struct(a, b): fields named after the columns they come from, else col1, col2, ... */
    static final SqlReturnTypeInference STRUCT = binding -> {
        RelDataTypeFactory.Builder builder = binding.getTypeFactory().builder();
        for (int i = 0; i < binding.getOperandCount(); i++) {
            String name = "col" + (i + 1);
            if (binding instanceof SqlCallBinding call && call.operand(i) instanceof SqlIdentifier identifier && !identifier.isStar()) {
                name = identifier.names.get(identifier.names.size() - 1);
            }
            builder.add(name, binding.getOperandType(i));
        }
        return builder.build();
    };

    private ReturnTypeInferences() {}

    private static SqlReturnTypeInference nullable(SqlTypeName type)
    {
        return ReturnTypes.explicit(type).andThen(SqlTypeTransforms.FORCE_NULLABLE);
    }

    private static RelDataType array(RelDataTypeFactory factory, RelDataType element)
    {
        return factory.createTypeWithNullability(factory.createArrayType(factory.createTypeWithNullability(element, true), -1), true);
    }
}
