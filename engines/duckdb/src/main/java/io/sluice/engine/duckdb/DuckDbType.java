package io.sluice.engine.duckdb;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.type.JsonText;
import io.sluice.spi.type.SluiceType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Struct;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A DuckDB type as DuckDB spells it ({@code DECIMAL(18,3)}, {@code INTEGER[]}, {@code STRUCT(a INTEGER, b VARCHAR)},
 * {@code MAP(VARCHAR, INTEGER)}), with the Sluice type it maps to and the reader of its values.
 * Unsigned integers widen to the next signed type (UBIGINT and HUGEINT to DECIMAL(20,0) and DECIMAL(38,0)); UUID,
 * JSON, ENUM, UNION, BIT and TIME WITH TIME ZONE travel as strings; DuckDB's INTERVAL, which mixes months, days
 * and time, travels as its text.
 */
record DuckDbType(SluiceType sluiceType, DuckDbValueReader reader)
{
    DuckDbType
    {
        requireNonNull(sluiceType, "sluiceType is null");
        requireNonNull(reader, "reader is null");
    }

    static DuckDbType parse(String duckDbTypeName)
    {
        Parser parser = new Parser(duckDbTypeName);
        SluiceType type = parser.parseType();
        parser.expectEnd();
        return new DuckDbType(type, readerFor(type, baseName(duckDbTypeName)));
    }

    /** Only the Sluice type, for metadata listings. */
    static SluiceType toSluiceType(String duckDbTypeName)
    {
        return parse(duckDbTypeName).sluiceType();
    }

    private static String baseName(String typeName)
    {
        String upper = typeName.trim().toUpperCase(Locale.ROOT);
        int end = upper.length();
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c == '(' || c == '[') {
                end = i;
                break;
            }
        }
        return upper.substring(0, end).trim();
    }

    private static DuckDbValueReader readerFor(SluiceType type, String baseName)
    {
        return switch (type.kind()) {
            case BOOLEAN -> (resultSet, column) -> {
                boolean value = resultSet.getBoolean(column);
                return resultSet.wasNull() ? null : value;
            };
            case TINYINT -> (resultSet, column) -> {
                byte value = resultSet.getByte(column);
                return resultSet.wasNull() ? null : value;
            };
            case SMALLINT -> (resultSet, column) -> {
                short value = resultSet.getShort(column);
                return resultSet.wasNull() ? null : value;
            };
            case INTEGER -> (resultSet, column) -> {
                int value = resultSet.getInt(column);
                return resultSet.wasNull() ? null : value;
            };
            case BIGINT -> (resultSet, column) -> {
                long value = resultSet.getLong(column);
                return resultSet.wasNull() ? null : value;
            };
            case FLOAT -> (resultSet, column) -> {
                float value = resultSet.getFloat(column);
                return resultSet.wasNull() ? null : value;
            };
            case DOUBLE -> (resultSet, column) -> {
                double value = resultSet.getDouble(column);
                return resultSet.wasNull() ? null : value;
            };
            case DECIMAL -> baseName.equals("DECIMAL") || baseName.equals("NUMERIC") ? ResultSet::getBigDecimal : DuckDbType::readWideInteger;
            case BINARY -> ResultSet::getBytes;
            case DATE -> (resultSet, column) -> resultSet.getObject(column, LocalDate.class);
            case TIME -> (resultSet, column) -> resultSet.getObject(column, LocalTime.class);
            case TIMESTAMP -> (resultSet, column) -> resultSet.getObject(column, LocalDateTime.class);
            case TIMESTAMP_WITH_TIME_ZONE -> (resultSet, column) -> resultSet.getObject(column, OffsetDateTime.class);
            case ARRAY, MAP, STRUCT -> (resultSet, column) -> {
                Object value = resultSet.getObject(column);
                return value == null ? null : JsonText.render(toJsonValue(value));
            };
            case NULL -> (resultSet, column) -> null;
            case CHAR, VARCHAR, STRING, INTERVAL, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH -> ResultSet::getString;
        };
    }

    private static BigDecimal readWideInteger(ResultSet resultSet, int column)
            throws SQLException
    {
        Object value = resultSet.getObject(column);
        if (value == null) {
            return null;
        }
        BigDecimal decimal = value instanceof BigInteger integer ? new BigDecimal(integer) : new BigDecimal(value.toString());
        if (decimal.precision() > SluiceType.MAX_DECIMAL_PRECISION) {
            throw new SluiceException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "Value " + decimal + " of column " + resultSet.getMetaData().getColumnLabel(column) + " does not fit in DECIMAL(38,0)");
        }
        return decimal;
    }

    /** Turns DuckDB's nested JDBC values into lists and maps that {@link JsonText} renders. */
    private static Object toJsonValue(Object value)
            throws SQLException
    {
        if (value instanceof Array array) {
            Object[] elements = (Object[]) array.getArray();
            List<Object> list = new ArrayList<>(elements.length);
            for (Object element : elements) {
                list.add(toJsonValue(element));
            }
            return list;
        }
        if (value instanceof Struct struct) {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (struct instanceof org.duckdb.DuckDBStruct duckDbStruct) {
                for (Map.Entry<String, Object> field : duckDbStruct.getMap().entrySet()) {
                    fields.put(field.getKey(), toJsonValue(field.getValue()));
                }
                return fields;
            }
            Object[] attributes = struct.getAttributes();
            for (int i = 0; i < attributes.length; i++) {
                fields.put("col" + (i + 1), toJsonValue(attributes[i]));
            }
            return fields;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> entries = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                entries.put(String.valueOf(toJsonValue(entry.getKey())), toJsonValue(entry.getValue()));
            }
            return entries;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        return value;
    }

    /** A recursive-descent parser of DuckDB's type names. */
    private static final class Parser
    {
        private final String text;
        private int position;

        Parser(String text)
        {
            this.text = requireNonNull(text, "text is null");
        }

        SluiceType parseType()
        {
            skipSpaces();
            String name = readName().toUpperCase(Locale.ROOT);
            SluiceType type = switch (name) {
                case "BOOLEAN", "BOOL", "LOGICAL" -> SluiceType.BOOLEAN;
                case "TINYINT", "INT1" -> SluiceType.TINYINT;
                case "SMALLINT", "INT2", "SHORT", "UTINYINT" -> SluiceType.SMALLINT;
                case "INTEGER", "INT", "INT4", "SIGNED", "USMALLINT" -> SluiceType.INTEGER;
                case "BIGINT", "INT8", "LONG", "UINTEGER" -> SluiceType.BIGINT;
                case "UBIGINT" -> SluiceType.decimal(20, 0);
                case "HUGEINT", "UHUGEINT", "INT128", "UINT128" -> SluiceType.decimal(38, 0);
                case "FLOAT", "FLOAT4", "REAL" -> SluiceType.FLOAT;
                case "DOUBLE", "FLOAT8", "DOUBLE PRECISION" -> SluiceType.DOUBLE;
                case "DECIMAL", "NUMERIC" -> parseDecimal();
                case "VARCHAR", "CHAR", "BPCHAR", "TEXT", "STRING", "UUID", "JSON", "BIT", "BITSTRING", "TIME WITH TIME ZONE", "TIMETZ", "VARINT", "BIGNUM" -> {
                    skipParameters();
                    yield SluiceType.STRING;
                }
                case "ENUM", "UNION" -> {
                    skipParameters();
                    yield SluiceType.STRING;
                }
                case "BLOB", "BYTEA", "BINARY", "VARBINARY" -> SluiceType.BINARY;
                case "DATE" -> SluiceType.DATE;
                case "TIME", "TIME_NS" -> SluiceType.TIME;
                case "TIMESTAMP", "DATETIME", "TIMESTAMP_US", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" -> SluiceType.TIMESTAMP;
                case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> SluiceType.TIMESTAMP_WITH_TIME_ZONE;
                case "INTERVAL" -> SluiceType.INTERVAL;
                case "STRUCT", "ROW" -> parseStruct();
                case "MAP" -> parseMap();
                case "LIST" -> {
                    expect('(');
                    SluiceType element = parseType();
                    expect(')');
                    yield SluiceType.array(element);
                }
                case "NULL", "\"NULL\"" -> SluiceType.NULL;
                default -> throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Unsupported DuckDB type: " + text);
            };
            skipSpaces();
            while (peek() == '[') {
                int end = text.indexOf(']', position);
                if (end < 0) {
                    throw malformed();
                }
                position = end + 1;
                type = SluiceType.array(type);
                skipSpaces();
            }
            return type;
        }

        private SluiceType parseDecimal()
        {
            skipSpaces();
            if (peek() != '(') {
                return SluiceType.decimal(18, 3);
            }
            expect('(');
            int precision = readInteger();
            int scale = 0;
            skipSpaces();
            if (peek() == ',') {
                position++;
                scale = readInteger();
            }
            expect(')');
            return SluiceType.decimal(precision, scale);
        }

        private SluiceType parseStruct()
        {
            expect('(');
            List<String> names = new ArrayList<>();
            List<SluiceType> types = new ArrayList<>();
            do {
                skipSpaces();
                names.add(readFieldName());
                types.add(parseType());
                skipSpaces();
            }
            while (consume(','));
            expect(')');
            return SluiceType.struct(names, types);
        }

        private SluiceType parseMap()
        {
            expect('(');
            SluiceType key = parseType();
            expect(',');
            SluiceType value = parseType();
            expect(')');
            return SluiceType.map(key, value);
        }

        private String readFieldName()
        {
            if (peek() == '"') {
                StringBuilder name = new StringBuilder();
                position++;
                while (position < text.length()) {
                    char c = text.charAt(position++);
                    if (c == '"') {
                        if (peek() == '"') {
                            name.append('"');
                            position++;
                            continue;
                        }
                        return name.toString();
                    }
                    name.append(c);
                }
                throw malformed();
            }
            int start = position;
            while (position < text.length() && !Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            return text.substring(start, position);
        }

        /** Reads a type name, which may be several words ({@code TIMESTAMP WITH TIME ZONE}). */
        private String readName()
        {
            int start = position;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == '(' || c == '[' || c == ',' || c == ')') {
                    break;
                }
                position++;
            }
            String name = text.substring(start, position).trim();
            if (name.isEmpty()) {
                throw malformed();
            }
            // Multi-word names are only the ones DuckDB spells so; anything after is the next token.
            return name.replaceAll("\\s+", " ");
        }

        private void skipParameters()
        {
            skipSpaces();
            if (peek() != '(') {
                return;
            }
            int depth = 0;
            boolean quoted = false;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '\'') {
                    quoted = !quoted;
                }
                else if (!quoted && c == '(') {
                    depth++;
                }
                else if (!quoted && c == ')' && --depth == 0) {
                    return;
                }
            }
            throw malformed();
        }

        private int readInteger()
        {
            skipSpaces();
            int start = position;
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
            if (start == position) {
                throw malformed();
            }
            return Integer.parseInt(text.substring(start, position));
        }

        private boolean consume(char expected)
        {
            skipSpaces();
            if (peek() == expected) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(char expected)
        {
            if (!consume(expected)) {
                throw malformed();
            }
        }

        void expectEnd()
        {
            skipSpaces();
            if (position != text.length()) {
                throw malformed();
            }
        }

        private char peek()
        {
            return position < text.length() ? text.charAt(position) : '\0';
        }

        private void skipSpaces()
        {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private SluiceException malformed()
        {
            return new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot parse DuckDB type '" + text + "' at position " + position);
        }
    }
}
