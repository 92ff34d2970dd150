package io.sluice.server.thrift;

import io.sluice.spi.type.SluiceType;
import io.sluice.spi.type.TypeKind;
import org.apache.hive.service.rpc.thrift.TTypeId;

import java.sql.Types;

/**
 * How Sluice types appear to Hive clients, in one place: the {@link TTypeId} on the wire, the JDBC type, the type
 * name as Hive spells it, and the JDBC metadata sizes. Types Hive lacks travel as strings: TIME, DuckDB-style
 * intervals; TIMESTAMP WITH TIME ZONE travels as a TIMESTAMP in UTC, as Spark's Thrift server sends its timestamps.
 */
public final class HiveTypes
{
    private HiveTypes() {}

    public static TTypeId typeId(SluiceType type)
    {
        return switch (type.kind()) {
            case BOOLEAN -> TTypeId.BOOLEAN_TYPE;
            case TINYINT -> TTypeId.TINYINT_TYPE;
            case SMALLINT -> TTypeId.SMALLINT_TYPE;
            case INTEGER -> TTypeId.INT_TYPE;
            case BIGINT -> TTypeId.BIGINT_TYPE;
            case FLOAT -> TTypeId.FLOAT_TYPE;
            case DOUBLE -> TTypeId.DOUBLE_TYPE;
            case DECIMAL -> TTypeId.DECIMAL_TYPE;
            case CHAR -> TTypeId.CHAR_TYPE;
            case VARCHAR -> TTypeId.VARCHAR_TYPE;
            case STRING, TIME, INTERVAL -> TTypeId.STRING_TYPE;
            case BINARY -> TTypeId.BINARY_TYPE;
            case DATE -> TTypeId.DATE_TYPE;
            case TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> TTypeId.TIMESTAMP_TYPE;
            case INTERVAL_YEAR_MONTH -> TTypeId.INTERVAL_YEAR_MONTH_TYPE;
            case INTERVAL_DAY_TIME -> TTypeId.INTERVAL_DAY_TIME_TYPE;
            case ARRAY -> TTypeId.ARRAY_TYPE;
            case MAP -> TTypeId.MAP_TYPE;
            case STRUCT -> TTypeId.STRUCT_TYPE;
            case NULL -> TTypeId.NULL_TYPE;
        };
    }

    /** The {@link java.sql.Types} code, as the Hive JDBC driver maps the wire type. */
    public static int jdbcType(SluiceType type)
    {
        return switch (type.kind()) {
            case BOOLEAN -> Types.BOOLEAN;
            case TINYINT -> Types.TINYINT;
            case SMALLINT -> Types.SMALLINT;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case FLOAT -> Types.FLOAT;
            case DOUBLE -> Types.DOUBLE;
            case DECIMAL -> Types.DECIMAL;
            case CHAR -> Types.CHAR;
            case VARCHAR, STRING, TIME, INTERVAL -> Types.VARCHAR;
            case BINARY -> Types.BINARY;
            case DATE -> Types.DATE;
            case TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> Types.TIMESTAMP;
            case INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME -> Types.OTHER;
            case ARRAY -> Types.ARRAY;
            case MAP -> Types.JAVA_OBJECT;
            case STRUCT -> Types.STRUCT;
            case NULL -> Types.NULL;
        };
    }

    /** The type name as Hive spells it: {@code int}, {@code decimal(10,2)}, {@code array<string>}. */
    public static String typeName(SluiceType type)
    {
        return switch (type.kind()) {
            case TIME, INTERVAL -> "string";
            case TIMESTAMP_WITH_TIME_ZONE -> "timestamp";
            default -> type.displayName();
        };
    }

    /** JDBC COLUMN_SIZE: precision for numbers, length for text, display size for dates; null where none. */
    public static Integer columnSize(SluiceType type)
    {
        return switch (type.kind()) {
            case BOOLEAN -> 1;
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            case FLOAT -> 7;
            case DOUBLE -> 15;
            case DECIMAL, CHAR, VARCHAR -> type.precision();
            case STRING, BINARY, TIME, INTERVAL -> Integer.MAX_VALUE;
            case DATE -> 10;
            case TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> 29;
            default -> null;
        };
    }

    /** JDBC DECIMAL_DIGITS: scale for decimals, fractional digits for timestamps; null where none. */
    public static Integer decimalDigits(SluiceType type)
    {
        return switch (type.kind()) {
            case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT -> 0;
            case FLOAT -> 7;
            case DOUBLE -> 15;
            case DECIMAL -> type.scale();
            case TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> 9;
            default -> null;
        };
    }

    /** JDBC NUM_PREC_RADIX: 10 for numbers, null otherwise. */
    public static Integer radix(SluiceType type)
    {
        return isNumeric(type.kind()) ? 10 : null;
    }

    /** Whether values of the type are numbers, for GetTypeInfo. */
    public static boolean isNumeric(TypeKind kind)
    {
        return switch (kind) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL -> true;
            default -> false;
        };
    }
}
