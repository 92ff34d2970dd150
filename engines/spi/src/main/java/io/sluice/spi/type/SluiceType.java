package io.sluice.spi.type;

import java.util.List;
import java.util.Locale;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * A SQL type: its kind, with precision and scale for DECIMAL, a length for CHAR and VARCHAR, the element, key
 * and value or field types for ARRAY, MAP and STRUCT.
 *
 * @param kind the kind of type
 * @param precision decimal precision, character length or timestamp fractional precision; 0 where not applicable
 * @param scale decimal scale; 0 where not applicable
 * @param parameters element type (ARRAY), key and value types (MAP) or field types (STRUCT)
 * @param fieldNames field names (STRUCT), one for each parameter; empty otherwise
 */
public record SluiceType(TypeKind kind, int precision, int scale, List<SluiceType> parameters, List<String> fieldNames)
{
    public static final int MAX_DECIMAL_PRECISION = 38;

    public static final SluiceType BOOLEAN = simple(TypeKind.BOOLEAN);
    public static final SluiceType TINYINT = simple(TypeKind.TINYINT);
    public static final SluiceType SMALLINT = simple(TypeKind.SMALLINT);
    public static final SluiceType INTEGER = simple(TypeKind.INTEGER);
    public static final SluiceType BIGINT = simple(TypeKind.BIGINT);
    public static final SluiceType FLOAT = simple(TypeKind.FLOAT);
    public static final SluiceType DOUBLE = simple(TypeKind.DOUBLE);
    public static final SluiceType STRING = simple(TypeKind.STRING);
    public static final SluiceType BINARY = simple(TypeKind.BINARY);
    public static final SluiceType DATE = simple(TypeKind.DATE);
    public static final SluiceType TIME = simple(TypeKind.TIME);
    public static final SluiceType TIMESTAMP = simple(TypeKind.TIMESTAMP);
    public static final SluiceType TIMESTAMP_WITH_TIME_ZONE = simple(TypeKind.TIMESTAMP_WITH_TIME_ZONE);
    public static final SluiceType INTERVAL_YEAR_MONTH = simple(TypeKind.INTERVAL_YEAR_MONTH);
    public static final SluiceType INTERVAL_DAY_TIME = simple(TypeKind.INTERVAL_DAY_TIME);
    public static final SluiceType INTERVAL = simple(TypeKind.INTERVAL);
    public static final SluiceType NULL = simple(TypeKind.NULL);

    public SluiceType
    {
        requireNonNull(kind, "kind is null");
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
        fieldNames = List.copyOf(requireNonNull(fieldNames, "fieldNames is null"));
        if (kind == TypeKind.DECIMAL && (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision)) {
            throw new IllegalArgumentException(format("Invalid decimal(%s,%s)", precision, scale));
        }
        if (kind == TypeKind.STRUCT && fieldNames.size() != parameters.size()) {
            throw new IllegalArgumentException("A struct needs one name for each field");
        }
    }

    private static SluiceType simple(TypeKind kind)
    {
        return new SluiceType(kind, 0, 0, List.of(), List.of());
    }

    public static SluiceType decimal(int precision, int scale)
    {
        return new SluiceType(TypeKind.DECIMAL, precision, scale, List.of(), List.of());
    }

    public static SluiceType varchar(int length)
    {
        return new SluiceType(TypeKind.VARCHAR, length, 0, List.of(), List.of());
    }

    public static SluiceType character(int length)
    {
        return new SluiceType(TypeKind.CHAR, length, 0, List.of(), List.of());
    }

    public static SluiceType array(SluiceType element)
    {
        return new SluiceType(TypeKind.ARRAY, 0, 0, List.of(element), List.of());
    }

    public static SluiceType map(SluiceType key, SluiceType value)
    {
        return new SluiceType(TypeKind.MAP, 0, 0, List.of(key, value), List.of());
    }

    public static SluiceType struct(List<String> fieldNames, List<SluiceType> fieldTypes)
    {
        return new SluiceType(TypeKind.STRUCT, 0, 0, fieldTypes, fieldNames);
    }

    /** Whether values of this type travel as JSON text. */
    public boolean isNested()
    {
        return kind == TypeKind.ARRAY || kind == TypeKind.MAP || kind == TypeKind.STRUCT;
    }

    /** The type as Hive and Spark spell it, e.g. {@code decimal(10,2)}, {@code array<int>}, {@code struct<a:int>}. */
    public String displayName()
    {
        return switch (kind) {
            case BOOLEAN -> "boolean";
            case TINYINT -> "tinyint";
            case SMALLINT -> "smallint";
            case INTEGER -> "int";
            case BIGINT -> "bigint";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case DECIMAL -> format("decimal(%s,%s)", precision, scale);
            case CHAR -> format("char(%s)", precision);
            case VARCHAR -> format("varchar(%s)", precision);
            case STRING -> "string";
            case BINARY -> "binary";
            case DATE -> "date";
            case TIME -> "time";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_WITH_TIME_ZONE -> "timestamp with time zone";
            case INTERVAL_YEAR_MONTH -> "interval_year_month";
            case INTERVAL_DAY_TIME -> "interval_day_time";
            case INTERVAL -> "interval";
            case ARRAY -> "array<" + parameters.get(0).displayName() + ">";
            case MAP -> "map<" + parameters.get(0).displayName() + "," + parameters.get(1).displayName() + ">";
            case STRUCT -> structDisplayName();
            case NULL -> "void";
        };
    }

    private String structDisplayName()
    {
        StringBuilder builder = new StringBuilder("struct<");
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) {
                builder.append(',');
            }
            builder.append(fieldNames.get(i)).append(':').append(parameters.get(i).displayName());
        }
        return builder.append('>').toString();
    }

    @Override
    public String toString()
    {
        return displayName().toUpperCase(Locale.ROOT);
    }
}
