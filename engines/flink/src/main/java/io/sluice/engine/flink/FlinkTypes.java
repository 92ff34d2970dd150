package io.sluice.engine.flink;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.spi.type.SluiceType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Flink's logical types (as the gateway describes result columns) as Sluice types, and the gateway's JSON
 * values as the Java values Sluice's row batches carry.
 */
final class FlinkTypes
{
    private FlinkTypes() {}

    static SluiceType toSluiceType(JsonNode logicalType)
    {
        String type = logicalType.path("type").asText();
        return switch (type) {
            case "BOOLEAN" -> SluiceType.BOOLEAN;
            case "TINYINT" -> SluiceType.TINYINT;
            case "SMALLINT" -> SluiceType.SMALLINT;
            case "INTEGER" -> SluiceType.INTEGER;
            case "BIGINT" -> SluiceType.BIGINT;
            case "FLOAT" -> SluiceType.FLOAT;
            case "DOUBLE" -> SluiceType.DOUBLE;
            case "DECIMAL" -> SluiceType.decimal(logicalType.path("precision").asInt(10), logicalType.path("scale").asInt(0));
            case "CHAR" -> SluiceType.character(logicalType.path("length").asInt(1));
            case "VARCHAR" -> {
                int length = logicalType.path("length").asInt(Integer.MAX_VALUE);
                yield length == Integer.MAX_VALUE ? SluiceType.STRING : SluiceType.varchar(length);
            }
            case "BINARY", "VARBINARY" -> SluiceType.BINARY;
            case "DATE" -> SluiceType.DATE;
            case "TIME_WITHOUT_TIME_ZONE" -> SluiceType.TIME;
            case "TIMESTAMP_WITHOUT_TIME_ZONE" -> SluiceType.TIMESTAMP;
            case "TIMESTAMP_WITH_LOCAL_TIME_ZONE", "TIMESTAMP_WITH_TIME_ZONE" -> SluiceType.TIMESTAMP_WITH_TIME_ZONE;
            case "ARRAY", "MULTISET" -> SluiceType.array(toSluiceType(logicalType.path("elementType")));
            case "MAP" -> SluiceType.map(toSluiceType(logicalType.path("keyType")), toSluiceType(logicalType.path("valueType")));
            case "ROW", "STRUCTURED_TYPE" -> {
                List<String> names = new ArrayList<>();
                List<SluiceType> types = new ArrayList<>();
                for (JsonNode field : logicalType.path("fields")) {
                    names.add(field.path("name").asText());
                    types.add(toSluiceType(field.path("fieldType")));
                }
                yield SluiceType.struct(names, types);
            }
            case "NULL" -> SluiceType.NULL;
            default -> SluiceType.STRING;
        };
    }

    /** A JSON value of the gateway's result as the Java value of its Sluice type. */
    static Object toValue(JsonNode value, SluiceType type)
    {
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN -> value.asBoolean();
            case TINYINT -> (byte) value.asInt();
            case SMALLINT -> (short) value.asInt();
            case INTEGER -> value.asInt();
            case BIGINT -> value.asLong();
            case FLOAT -> (float) value.asDouble();
            case DOUBLE -> value.asDouble();
            case DECIMAL -> new BigDecimal(value.asText()).setScale(type.scale(), java.math.RoundingMode.UNNECESSARY);
            case CHAR, VARCHAR, STRING -> value.isTextual() ? value.asText() : value.toString();
            case BINARY -> Base64.getDecoder().decode(value.asText());
            case DATE -> LocalDate.parse(value.asText());
            case TIME -> LocalTime.parse(value.asText());
            case TIMESTAMP -> LocalDateTime.parse(value.asText().replace(' ', 'T'));
            case TIMESTAMP_WITH_TIME_ZONE -> timestampWithZone(value.asText());
            case ARRAY, MAP, STRUCT -> value.toString();
            case NULL -> null;
            default -> value.asText();
        };
    }

    private static OffsetDateTime timestampWithZone(String text)
    {
        if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
            return OffsetDateTime.parse(text.replace(' ', 'T'));
        }
        // Sessions run in UTC: a local date-time is a UTC instant.
        return Instant.parse(text.replace(' ', 'T') + "Z").atOffset(ZoneOffset.UTC);
    }
}
