package io.sluice.engine.trino;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.type.JsonText;
import io.sluice.spi.type.SluiceType;
import io.trino.client.Row;
import io.trino.client.RowField;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trino's types, as its client protocol spells them ({@code decimal(12,2)}, {@code timestamp(3) with time zone},
 * {@code row(a integer, b array(varchar))}), as Sluice types; and the values the Trino client decodes as the Java
 * values of Sluice's row batches. Nested values become the JSON text Spark's Thrift server sends.
 */
final class TrinoTypes
{
    private TrinoTypes() {}

    static SluiceType parse(String type)
    {
        Parser parser = new Parser(type);
        SluiceType parsed = parser.type();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw new SluiceException(ErrorCode.ENGINE_ERROR, "Unexpected Trino type: " + type);
        }
        return parsed;
    }

    /** A value as the Trino client decoded it (numbers, strings, byte arrays, lists, maps, rows) as the Sluice value of its type. */
    static Object toValue(Object value, SluiceType type)
    {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN -> value;
            case TINYINT -> ((Number) value).byteValue();
            case SMALLINT -> ((Number) value).shortValue();
            case INTEGER -> ((Number) value).intValue();
            case BIGINT -> ((Number) value).longValue();
            case FLOAT -> value instanceof Number number ? number.floatValue() : Float.parseFloat(value.toString());
            case DOUBLE -> value instanceof Number number ? number.doubleValue() : Double.parseDouble(value.toString());
            case DECIMAL -> new BigDecimal(value.toString()).setScale(type.scale());
            case CHAR, VARCHAR, STRING, INTERVAL, INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME -> value.toString();
            case BINARY -> value;
            case DATE -> LocalDate.parse(value.toString());
            case TIME -> LocalTime.parse(value.toString());
            case TIMESTAMP -> LocalDateTime.parse(value.toString().replace(' ', 'T'));
            case TIMESTAMP_WITH_TIME_ZONE -> timestampWithZone(value.toString());
            case ARRAY, MAP, STRUCT -> JsonText.render(nested(value, type));
            case NULL -> null;
        };
    }

    /** A nested value with its elements converted, rows as maps of their fields, ready for {@link JsonText}. */
    private static Object nested(Object value, SluiceType type)
    {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case ARRAY -> {
                List<Object> elements = new ArrayList<>();
                for (Object element : (List<?>) value) {
                    elements.add(nested(element, type.parameters().get(0)));
                }
                yield elements;
            }
            case MAP -> {
                Map<Object, Object> entries = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((key, element) -> entries.put(nested(key, type.parameters().get(0)), nested(element, type.parameters().get(1))));
                yield entries;
            }
            case STRUCT -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                List<RowField> rowFields = ((Row) value).getFields();
                for (int i = 0; i < rowFields.size(); i++) {
                    fields.put(type.fieldNames().get(i), nested(rowFields.get(i).getValue(), type.parameters().get(i)));
                }
                yield fields;
            }
            default -> toValue(value, type);
        };
    }

    /** {@code 2024-01-02 03:04:05.123 UTC}, {@code ... +01:00} or {@code ... Europe/Warsaw}. */
    private static OffsetDateTime timestampWithZone(String text)
    {
        int space = text.lastIndexOf(' ');
        LocalDateTime local = LocalDateTime.parse(text.substring(0, space).replace(' ', 'T'));
        return ZonedDateTime.of(local, ZoneId.of(text.substring(space + 1))).toOffsetDateTime();
    }

    /** A recursive-descent reader of Trino's type names. */
    private static final class Parser
    {
        private final String text;
        private int position;

        Parser(String text)
        {
            this.text = text;
        }

        SluiceType type()
        {
            skipSpaces();
            String name = word().toLowerCase(Locale.ROOT);
            return switch (name) {
                case "boolean" -> SluiceType.BOOLEAN;
                case "tinyint" -> SluiceType.TINYINT;
                case "smallint" -> SluiceType.SMALLINT;
                case "integer", "int" -> SluiceType.INTEGER;
                case "bigint" -> SluiceType.BIGINT;
                case "real" -> SluiceType.FLOAT;
                case "double" -> {
                    optionalWord("precision");
                    yield SluiceType.DOUBLE;
                }
                case "decimal" -> {
                    List<Long> numbers = numbers();
                    yield SluiceType.decimal(numbers.isEmpty() ? 38 : numbers.get(0).intValue(), numbers.size() < 2 ? 0 : numbers.get(1).intValue());
                }
                case "varchar" -> {
                    List<Long> numbers = numbers();
                    yield numbers.isEmpty() ? SluiceType.STRING : SluiceType.varchar(numbers.get(0).intValue());
                }
                case "char" -> {
                    List<Long> numbers = numbers();
                    yield SluiceType.character(numbers.isEmpty() ? 1 : numbers.get(0).intValue());
                }
                case "varbinary" -> SluiceType.BINARY;
                case "date" -> SluiceType.DATE;
                case "time" -> {
                    numbers();
                    yield withTimeZone() ? SluiceType.STRING : SluiceType.TIME;
                }
                case "timestamp" -> {
                    numbers();
                    yield withTimeZone() ? SluiceType.TIMESTAMP_WITH_TIME_ZONE : SluiceType.TIMESTAMP;
                }
                case "interval" -> {
                    String from = word().toLowerCase(Locale.ROOT);
                    skipWord("to");
                    word();
                    yield from.equals("year") ? SluiceType.INTERVAL_YEAR_MONTH : SluiceType.INTERVAL_DAY_TIME;
                }
                case "array" -> {
                    expect('(');
                    SluiceType element = type();
                    expect(')');
                    yield SluiceType.array(element);
                }
                case "map" -> {
                    expect('(');
                    SluiceType key = type();
                    expect(',');
                    SluiceType value = type();
                    expect(')');
                    yield SluiceType.map(key, value);
                }
                case "row" -> row();
                case "unknown" -> SluiceType.NULL;
                // json, uuid, ipaddress, geometry, HyperLogLog, ...: their text.
                default -> {
                    numbers();
                    yield SluiceType.STRING;
                }
            };
        }

        private SluiceType row()
        {
            expect('(');
            List<String> names = new ArrayList<>();
            List<SluiceType> types = new ArrayList<>();
            do {
                skipSpaces();
                String name;
                if (peek() == '"') {
                    name = quoted();
                }
                else {
                    int start = position;
                    String word = word();
                    skipSpaces();
                    if (peek() == ',' || peek() == ')' || peek() == '(') {
                        // An anonymous field: the word was its type.
                        position = start;
                        name = "col" + (names.size() + 1);
                    }
                    else {
                        name = word;
                    }
                }
                names.add(name);
                types.add(type());
                skipSpaces();
            }
            while (tryConsume(','));
            expect(')');
            return SluiceType.struct(names, types);
        }

        private boolean withTimeZone()
        {
            if (optionalWord("with")) {
                skipWord("time");
                skipWord("zone");
                return true;
            }
            return false;
        }

        private boolean optionalWord(String expected)
        {
            int start = position;
            skipSpaces();
            while (position < text.length() && Character.isLetter(text.charAt(position))) {
                position++;
            }
            if (text.substring(start, position).strip().equalsIgnoreCase(expected)) {
                return true;
            }
            position = start;
            return false;
        }

        private List<Long> numbers()
        {
            List<Long> numbers = new ArrayList<>();
            skipSpaces();
            if (!tryConsume('(')) {
                return numbers;
            }
            do {
                skipSpaces();
                int start = position;
                while (position < text.length() && Character.isDigit(text.charAt(position))) {
                    position++;
                }
                if (start == position) {
                    throw unexpected();
                }
                numbers.add(Long.parseLong(text.substring(start, position)));
                skipSpaces();
            }
            while (tryConsume(','));
            expect(')');
            return numbers;
        }

        private String word()
        {
            skipSpaces();
            int start = position;
            while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
                position++;
            }
            if (start == position) {
                throw unexpected();
            }
            return text.substring(start, position);
        }

        private String quoted()
        {
            expect('"');
            StringBuilder name = new StringBuilder();
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    if (peek() != '"') {
                        return name.toString();
                    }
                    position++;
                }
                name.append(c);
            }
            throw unexpected();
        }

        private void skipWord(String expected)
        {
            if (!word().equalsIgnoreCase(expected)) {
                throw unexpected();
            }
        }

        private void expect(char c)
        {
            skipSpaces();
            if (!tryConsume(c)) {
                throw unexpected();
            }
        }

        private boolean tryConsume(char c)
        {
            skipSpaces();
            if (peek() == c) {
                position++;
                return true;
            }
            return false;
        }

        private char peek()
        {
            return position < text.length() ? text.charAt(position) : '\0';
        }

        void skipSpaces()
        {
            while (position < text.length() && text.charAt(position) == ' ') {
                position++;
            }
        }

        boolean atEnd()
        {
            return position >= text.length();
        }

        private SluiceException unexpected()
        {
            return new SluiceException(ErrorCode.ENGINE_ERROR, "Unexpected Trino type at position " + position + ": " + text);
        }
    }
}
