package io.sluice.engine.spark;

import io.sluice.spi.type.JsonText;
import io.sluice.spi.type.SluiceType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DayTimeIntervalType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.VarcharType;
import org.apache.spark.sql.types.YearMonthIntervalType;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spark's types as Sluice types, and the values the Spark Connect client decodes from Arrow (Java and Scala
 * objects) as the Java values of Sluice's row batches. Nested values become the JSON text Spark's Thrift server sends.
 */
final class SparkTypes
{
    private SparkTypes() {}

    static SluiceType toSluiceType(DataType type)
    {
        if (type instanceof BooleanType) {
            return SluiceType.BOOLEAN;
        }
        if (type instanceof ByteType) {
            return SluiceType.TINYINT;
        }
        if (type instanceof ShortType) {
            return SluiceType.SMALLINT;
        }
        if (type instanceof IntegerType) {
            return SluiceType.INTEGER;
        }
        if (type instanceof LongType) {
            return SluiceType.BIGINT;
        }
        if (type instanceof FloatType) {
            return SluiceType.FLOAT;
        }
        if (type instanceof DoubleType) {
            return SluiceType.DOUBLE;
        }
        if (type instanceof DecimalType decimal) {
            return SluiceType.decimal(decimal.precision(), decimal.scale());
        }
        if (type instanceof VarcharType varchar) {
            return SluiceType.varchar(varchar.length());
        }
        if (type instanceof CharType character) {
            return SluiceType.character(character.length());
        }
        if (type instanceof BinaryType) {
            return SluiceType.BINARY;
        }
        if (type instanceof DateType) {
            return SluiceType.DATE;
        }
        if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            return SluiceType.TIMESTAMP;
        }
        if (type instanceof YearMonthIntervalType) {
            return SluiceType.INTERVAL_YEAR_MONTH;
        }
        if (type instanceof DayTimeIntervalType) {
            return SluiceType.INTERVAL_DAY_TIME;
        }
        if (type instanceof ArrayType array) {
            return SluiceType.array(toSluiceType(array.elementType()));
        }
        if (type instanceof MapType map) {
            return SluiceType.map(toSluiceType(map.keyType()), toSluiceType(map.valueType()));
        }
        if (type instanceof StructType struct) {
            List<String> names = new ArrayList<>();
            List<SluiceType> types = new ArrayList<>();
            for (StructField field : struct.fields()) {
                names.add(field.name());
                types.add(toSluiceType(field.dataType()));
            }
            return SluiceType.struct(names, types);
        }
        if (type instanceof NullType) {
            return SluiceType.NULL;
        }
        // STRING, and types Sluice carries as their text (calendar intervals, variants, ...).
        return SluiceType.STRING;
    }

    /** A value as the client decoded it, as the Sluice value of its type. */
    static Object toValue(Object value, SluiceType type)
    {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case TINYINT -> ((Number) value).byteValue();
            case SMALLINT -> ((Number) value).shortValue();
            case INTEGER -> ((Number) value).intValue();
            case BIGINT -> ((Number) value).longValue();
            case FLOAT -> ((Number) value).floatValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case DECIMAL -> ((BigDecimal) value).setScale(type.scale());
            case DATE -> value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
            case TIMESTAMP -> timestamp(value);
            case INTERVAL_YEAR_MONTH -> value instanceof Period period ? period.toTotalMonths() / 12 + "-" + Math.abs(period.toTotalMonths() % 12) : value.toString();
            case INTERVAL_DAY_TIME -> value instanceof Duration duration ? dayTime(duration) : value.toString();
            case ARRAY, MAP, STRUCT -> JsonText.render(nested(value, type));
            case CHAR, VARCHAR, STRING, INTERVAL -> value.toString();
            case BOOLEAN, BINARY, TIMESTAMP_WITH_TIME_ZONE, TIME -> value;
            case NULL -> null;
        };
    }

    /** Spark's instants show in the session's time zone, UTC; TIMESTAMP_NTZ values are local already. */
    private static LocalDateTime timestamp(Object value)
    {
        if (value instanceof LocalDateTime local) {
            return local;
        }
        Instant instant = value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Hive's spelling of a day-time interval: {@code 1 02:03:04.000000000}, negative with a leading minus. */
    private static String dayTime(Duration duration)
    {
        Duration absolute = duration.abs();
        return String.format("%s%d %02d:%02d:%02d.%09d", duration.isNegative() ? "-" : "", absolute.toDays(), absolute.toHoursPart(),
                absolute.toMinutesPart(), absolute.toSecondsPart(), absolute.toNanosPart());
    }

    private static Object nested(Object value, SluiceType type)
    {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case ARRAY -> {
                List<Object> elements = new ArrayList<>();
                scala.collection.Iterator<?> iterator = ((scala.collection.Iterable<?>) value).iterator();
                while (iterator.hasNext()) {
                    elements.add(nested(iterator.next(), type.parameters().get(0)));
                }
                yield elements;
            }
            case MAP -> {
                Map<Object, Object> entries = new LinkedHashMap<>();
                scala.collection.Iterator<? extends scala.Tuple2<?, ?>> iterator = ((scala.collection.Map<?, ?>) value).iterator();
                while (iterator.hasNext()) {
                    scala.Tuple2<?, ?> entry = iterator.next();
                    entries.put(nested(entry._1(), type.parameters().get(0)), nested(entry._2(), type.parameters().get(1)));
                }
                yield entries;
            }
            case STRUCT -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                Row row = (Row) value;
                for (int i = 0; i < type.parameters().size(); i++) {
                    fields.put(type.fieldNames().get(i), nested(row.get(i), type.parameters().get(i)));
                }
                yield fields;
            }
            default -> {
                Object converted = toValue(value, type);
                yield converted instanceof LocalDateTime timestamp ? timestamp.toString().replace('T', ' ') : converted;
            }
        };
    }
}
