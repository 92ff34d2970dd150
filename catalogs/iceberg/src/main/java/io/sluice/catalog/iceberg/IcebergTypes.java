package io.sluice.catalog.iceberg;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.type.SluiceType;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Iceberg's types as Sluice's and as DuckDB's SQL names them. */
public final class IcebergTypes
{
    private IcebergTypes() {}

    public static SluiceType toSluiceType(Type type)
    {
        return switch (type.typeId()) {
            case BOOLEAN -> SluiceType.BOOLEAN;
            case INTEGER -> SluiceType.INTEGER;
            case LONG -> SluiceType.BIGINT;
            case FLOAT -> SluiceType.FLOAT;
            case DOUBLE -> SluiceType.DOUBLE;
            case DECIMAL -> SluiceType.decimal(((Types.DecimalType) type).precision(), ((Types.DecimalType) type).scale());
            case DATE -> SluiceType.DATE;
            case TIME -> SluiceType.TIME;
            case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? SluiceType.TIMESTAMP_WITH_TIME_ZONE : SluiceType.TIMESTAMP;
            case STRING, UUID -> SluiceType.STRING;
            case BINARY, FIXED -> SluiceType.BINARY;
            case LIST -> SluiceType.array(toSluiceType(((Types.ListType) type).elementType()));
            case MAP -> SluiceType.map(toSluiceType(((Types.MapType) type).keyType()), toSluiceType(((Types.MapType) type).valueType()));
            case STRUCT -> SluiceType.struct(
                    ((Types.StructType) type).fields().stream().map(Types.NestedField::name).toList(),
                    ((Types.StructType) type).fields().stream().map(field -> toSluiceType(field.type())).toList());
            default -> throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Iceberg type " + type + " is not supported by Sluice yet");
        };
    }

    /** The type as DuckDB's SQL writes it (in {@code read_parquet}'s schema). */
    public static String toDuckDb(Type type)
    {
        return switch (type.typeId()) {
            case BOOLEAN -> "BOOLEAN";
            case INTEGER -> "INTEGER";
            case LONG -> "BIGINT";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case DECIMAL -> "DECIMAL(" + ((Types.DecimalType) type).precision() + ", " + ((Types.DecimalType) type).scale() + ")";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMPTZ" : "TIMESTAMP";
            case STRING -> "VARCHAR";
            case UUID -> "UUID";
            case BINARY, FIXED -> "BLOB";
            case LIST -> toDuckDb(((Types.ListType) type).elementType()) + "[]";
            case MAP -> "MAP(" + toDuckDb(((Types.MapType) type).keyType()) + ", " + toDuckDb(((Types.MapType) type).valueType()) + ")";
            case STRUCT -> ((Types.StructType) type).fields().stream()
                    .map(field -> DuckDbScans.identifier(field.name()) + " " + toDuckDb(field.type()))
                    .collect(Collectors.joining(", ", "STRUCT(", ")"));
            default -> throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Iceberg type " + type + " is not supported on DuckDB yet");
        };
    }

    /**
     * The Iceberg type a column of Sluice's type gets in a table Sluice creates (DuckDB's CREATE TABLE on the
     * lakehouse), as Spark's Iceberg catalog would create it: TIMESTAMP is Spark's, a point in time ({@code
     * timestamptz}); TINYINT and SMALLINT widen to {@code int}, CHAR and VARCHAR are strings. Nested fields are
     * numbered from {@code ids}; the catalog numbers the table's fields afresh.
     */
    public static Type fromSluiceType(SluiceType type, AtomicInteger ids)
    {
        return switch (type.kind()) {
            case BOOLEAN -> Types.BooleanType.get();
            case TINYINT, SMALLINT, INTEGER -> Types.IntegerType.get();
            case BIGINT -> Types.LongType.get();
            case FLOAT -> Types.FloatType.get();
            case DOUBLE -> Types.DoubleType.get();
            case DECIMAL -> Types.DecimalType.of(type.precision(), type.scale());
            case STRING, VARCHAR, CHAR -> Types.StringType.get();
            case BINARY -> Types.BinaryType.get();
            case DATE -> Types.DateType.get();
            case TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> Types.TimestampType.withZone();
            case ARRAY -> Types.ListType.ofOptional(ids.incrementAndGet(), fromSluiceType(type.parameters().get(0), ids));
            case MAP -> Types.MapType.ofOptional(ids.incrementAndGet(), ids.incrementAndGet(),
                    fromSluiceType(type.parameters().get(0), ids), fromSluiceType(type.parameters().get(1), ids));
            case STRUCT -> {
                List<Types.NestedField> fields = new ArrayList<>();
                for (int i = 0; i < type.parameters().size(); i++) {
                    fields.add(Types.NestedField.optional(ids.incrementAndGet(), type.fieldNames().get(i), fromSluiceType(type.parameters().get(i), ids)));
                }
                yield Types.StructType.of(fields);
            }
            default -> throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported: a lakehouse column of type " + type.displayName());
        };
    }
}
