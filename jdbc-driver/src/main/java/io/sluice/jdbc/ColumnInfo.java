package io.sluice.jdbc;

import org.apache.hive.service.rpc.thrift.TColumnDesc;
import org.apache.hive.service.rpc.thrift.TPrimitiveTypeEntry;
import org.apache.hive.service.rpc.thrift.TTypeId;
import org.apache.hive.service.rpc.thrift.TTypeQualifierValue;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.Struct;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** A result column: its name, its HS2 type and what JDBC makes of it (type code, class, precision, scale). */
final class ColumnInfo
{
    private final String name;
    private final TTypeId type;
    private final int precision;
    private final int scale;

    ColumnInfo(String name, TTypeId type, int precision, int scale)
    {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        this.precision = precision;
        this.scale = scale;
    }

    static ColumnInfo of(TColumnDesc column)
    {
        TPrimitiveTypeEntry entry = column.getTypeDesc().getTypes().get(0).isSetPrimitiveEntry()
                ? column.getTypeDesc().getTypes().get(0).getPrimitiveEntry()
                : null;
        TTypeId type = entry == null ? complexType(column) : entry.getType();
        int precision = 0;
        int scale = 0;
        if (entry != null && entry.isSetTypeQualifiers()) {
            Map<String, TTypeQualifierValue> qualifiers = entry.getTypeQualifiers().getQualifiers();
            precision = qualifier(qualifiers, "precision", qualifier(qualifiers, "characterMaximumLength", 0));
            scale = qualifier(qualifiers, "scale", 0);
        }
        if (type == TTypeId.DECIMAL_TYPE && precision == 0) {
            precision = 38;
            scale = 18;
        }
        return new ColumnInfo(column.getColumnName(), type, precision, scale);
    }

    private static TTypeId complexType(TColumnDesc column)
    {
        var entry = column.getTypeDesc().getTypes().get(0);
        if (entry.isSetArrayEntry()) {
            return TTypeId.ARRAY_TYPE;
        }
        if (entry.isSetMapEntry()) {
            return TTypeId.MAP_TYPE;
        }
        if (entry.isSetStructEntry()) {
            return TTypeId.STRUCT_TYPE;
        }
        return TTypeId.STRING_TYPE;
    }

    private static int qualifier(Map<String, TTypeQualifierValue> qualifiers, String key, int defaultValue)
    {
        TTypeQualifierValue value = qualifiers.get(key);
        return value != null && value.isSetI32Value() ? value.getI32Value() : defaultValue;
    }

    String name()
    {
        return name;
    }

    TTypeId type()
    {
        return type;
    }

    int jdbcType()
    {
        return jdbcType(type);
    }

    static int jdbcType(TTypeId type)
    {
        switch (type) {
            case BOOLEAN_TYPE: return Types.BOOLEAN;
            case TINYINT_TYPE: return Types.TINYINT;
            case SMALLINT_TYPE: return Types.SMALLINT;
            case INT_TYPE: return Types.INTEGER;
            case BIGINT_TYPE: return Types.BIGINT;
            case FLOAT_TYPE: return Types.FLOAT;
            case DOUBLE_TYPE: return Types.DOUBLE;
            case DECIMAL_TYPE: return Types.DECIMAL;
            case STRING_TYPE: return Types.VARCHAR;
            case VARCHAR_TYPE: return Types.VARCHAR;
            case CHAR_TYPE: return Types.CHAR;
            case BINARY_TYPE: return Types.BINARY;
            case DATE_TYPE: return Types.DATE;
            case TIMESTAMP_TYPE: return Types.TIMESTAMP;
            case TIMESTAMPLOCALTZ_TYPE: return Types.TIMESTAMP_WITH_TIMEZONE;
            case ARRAY_TYPE: return Types.ARRAY;
            case STRUCT_TYPE: return Types.STRUCT;
            case MAP_TYPE: return Types.JAVA_OBJECT;
            case NULL_TYPE: return Types.NULL;
            default: return Types.OTHER;
        }
    }

    /** The HS2 type that carries values of a JDBC type, for result sets the driver builds itself. */
    static TTypeId typeOfJdbc(int jdbcType)
    {
        switch (jdbcType) {
            case Types.BOOLEAN: return TTypeId.BOOLEAN_TYPE;
            case Types.TINYINT: return TTypeId.TINYINT_TYPE;
            case Types.SMALLINT: return TTypeId.SMALLINT_TYPE;
            case Types.INTEGER: return TTypeId.INT_TYPE;
            case Types.BIGINT: return TTypeId.BIGINT_TYPE;
            case Types.FLOAT: return TTypeId.FLOAT_TYPE;
            case Types.DOUBLE: return TTypeId.DOUBLE_TYPE;
            case Types.DECIMAL: return TTypeId.DECIMAL_TYPE;
            case Types.BINARY: return TTypeId.BINARY_TYPE;
            case Types.DATE: return TTypeId.DATE_TYPE;
            case Types.TIMESTAMP: return TTypeId.TIMESTAMP_TYPE;
            case Types.ARRAY: return TTypeId.ARRAY_TYPE;
            case Types.STRUCT: return TTypeId.STRUCT_TYPE;
            case Types.JAVA_OBJECT: return TTypeId.MAP_TYPE;
            case Types.NULL: return TTypeId.NULL_TYPE;
            default: return TTypeId.STRING_TYPE;
        }
    }

    static String typeNameOfJdbc(int jdbcType)
    {
        return new ColumnInfo("", typeOfJdbc(jdbcType), 0, 0).typeName();
    }

    /** The type's name as HiveServer2 spells it ({@code int}, {@code decimal}, {@code array}, ...). */
    String typeName()
    {
        switch (type) {
            case BOOLEAN_TYPE: return "boolean";
            case TINYINT_TYPE: return "tinyint";
            case SMALLINT_TYPE: return "smallint";
            case INT_TYPE: return "int";
            case BIGINT_TYPE: return "bigint";
            case FLOAT_TYPE: return "float";
            case DOUBLE_TYPE: return "double";
            case DECIMAL_TYPE: return "decimal";
            case STRING_TYPE: return "string";
            case VARCHAR_TYPE: return "varchar";
            case CHAR_TYPE: return "char";
            case BINARY_TYPE: return "binary";
            case DATE_TYPE: return "date";
            case TIMESTAMP_TYPE: return "timestamp";
            case TIMESTAMPLOCALTZ_TYPE: return "timestamp with local time zone";
            case ARRAY_TYPE: return "array";
            case MAP_TYPE: return "map";
            case STRUCT_TYPE: return "struct";
            case UNION_TYPE: return "uniontype";
            case NULL_TYPE: return "void";
            case INTERVAL_YEAR_MONTH_TYPE: return "interval_year_month";
            case INTERVAL_DAY_TIME_TYPE: return "interval_day_time";
            default: return type.name().toLowerCase(java.util.Locale.ROOT).replace("_type", "");
        }
    }

    String className()
    {
        switch (type) {
            case BOOLEAN_TYPE: return Boolean.class.getName();
            case TINYINT_TYPE: return Byte.class.getName();
            case SMALLINT_TYPE: return Short.class.getName();
            case INT_TYPE: return Integer.class.getName();
            case BIGINT_TYPE: return Long.class.getName();
            case FLOAT_TYPE: return Float.class.getName();
            case DOUBLE_TYPE: return Double.class.getName();
            case DECIMAL_TYPE: return BigDecimal.class.getName();
            case BINARY_TYPE: return byte[].class.getName();
            case DATE_TYPE: return Date.class.getName();
            case TIMESTAMP_TYPE: return Timestamp.class.getName();
            case ARRAY_TYPE: return Array.class.getName();
            case MAP_TYPE: return Map.class.getName();
            case STRUCT_TYPE: return Struct.class.getName();
            default: return String.class.getName();
        }
    }

    /** JDBC's precision: digits for numbers, characters for text and temporal values. */
    int precision()
    {
        switch (type) {
            case BOOLEAN_TYPE: return 1;
            case TINYINT_TYPE: return 3;
            case SMALLINT_TYPE: return 5;
            case INT_TYPE: return 10;
            case BIGINT_TYPE: return 19;
            case FLOAT_TYPE: return 7;
            case DOUBLE_TYPE: return 15;
            case DECIMAL_TYPE: return precision;
            case DATE_TYPE: return 10;
            case TIMESTAMP_TYPE: return 29;
            case TIMESTAMPLOCALTZ_TYPE: return 31;
            case CHAR_TYPE:
            case VARCHAR_TYPE:
                return precision;
            case NULL_TYPE: return 0;
            default: return Integer.MAX_VALUE;
        }
    }

    int scale()
    {
        switch (type) {
            case DECIMAL_TYPE: return scale;
            case FLOAT_TYPE: return 7;
            case DOUBLE_TYPE: return 15;
            case TIMESTAMP_TYPE:
            case TIMESTAMPLOCALTZ_TYPE:
                return 9;
            default: return 0;
        }
    }

    int displaySize()
    {
        switch (type) {
            case BOOLEAN_TYPE: return 5;
            case TINYINT_TYPE: return 4;
            case SMALLINT_TYPE: return 6;
            case INT_TYPE: return 11;
            case BIGINT_TYPE: return 20;
            case FLOAT_TYPE: return 24;
            case DOUBLE_TYPE: return 25;
            case DECIMAL_TYPE: return precision + 2;
            default: return precision();
        }
    }

    boolean signed()
    {
        switch (type) {
            case TINYINT_TYPE:
            case SMALLINT_TYPE:
            case INT_TYPE:
            case BIGINT_TYPE:
            case FLOAT_TYPE:
            case DOUBLE_TYPE:
            case DECIMAL_TYPE:
                return true;
            default:
                return false;
        }
    }
}
