package io.sluice.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON text ARRAY, MAP and STRUCT values travel as over HS2 ({@code [1,2,null]}, {@code {"k":1}}) into
 * Java values: lists, insertion-ordered maps, strings, booleans, integers (Integer, Long or BigInteger, the smallest
 * that holds them) and fractional numbers (Double; BigDecimal when a double would not keep every digit).
 */
final class Json
{
    private final String text;
    private int position;

    private Json(String text)
    {
        this.text = text;
    }

    static List<Object> parseList(String text)
            throws SQLException
    {
        Object value = parse(text);
        if (!(value instanceof List)) {
            throw new SQLDataException("Not a JSON array: " + abbreviate(text), "22032");
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) value;
        return list;
    }

    static Map<String, Object> parseMap(String text)
            throws SQLException
    {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new SQLDataException("Not a JSON object: " + abbreviate(text), "22032");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    static Object parse(String text)
            throws SQLException
    {
        Json json = new Json(text);
        try {
            Object value = json.value();
            json.skipSpace();
            if (json.position != text.length()) {
                throw json.error("unexpected text after the value");
            }
            return value;
        }
        catch (StringIndexOutOfBoundsException e) {
            throw new SQLDataException("Malformed JSON value (it ends early): " + abbreviate(text), "22032");
        }
    }

    private Object value()
            throws SQLException
    {
        skipSpace();
        char c = text.charAt(position);
        switch (c) {
            case '[':
                return list();
            case '{':
                return map();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private List<Object> list()
            throws SQLException
    {
        position++;
        List<Object> values = new ArrayList<>();
        skipSpace();
        if (text.charAt(position) == ']') {
            position++;
            return values;
        }
        while (true) {
            values.add(value());
            skipSpace();
            char c = text.charAt(position++);
            if (c == ']') {
                return values;
            }
            if (c != ',') {
                throw error("expected , or ]");
            }
        }
    }

    private Map<String, Object> map()
            throws SQLException
    {
        position++;
        Map<String, Object> values = new LinkedHashMap<>();
        skipSpace();
        if (text.charAt(position) == '}') {
            position++;
            return values;
        }
        while (true) {
            skipSpace();
            if (text.charAt(position) != '"') {
                throw error("expected a quoted key");
            }
            String key = string();
            skipSpace();
            if (text.charAt(position++) != ':') {
                throw error("expected :");
            }
            values.put(key, value());
            skipSpace();
            char c = text.charAt(position++);
            if (c == '}') {
                return values;
            }
            if (c != ',') {
                throw error("expected , or }");
            }
        }
    }

    private String string()
            throws SQLException
    {
        position++;
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case '"': value.append('"'); break;
                case '\\': value.append('\\'); break;
                case '/': value.append('/'); break;
                case 'b': value.append('\b'); break;
                case 'f': value.append('\f'); break;
                case 'n': value.append('\n'); break;
                case 'r': value.append('\r'); break;
                case 't': value.append('\t'); break;
                case 'u':
                    try {
                        value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    }
                    catch (NumberFormatException e) {
                        throw error("bad \\u escape");
                    }
                    position += 4;
                    break;
                default:
                    throw error("bad escape \\" + escaped);
            }
        }
    }

    private Object literal(String word, Object value)
            throws SQLException
    {
        if (!text.startsWith(word, position)) {
            throw error("unexpected character");
        }
        position += word.length();
        return value;
    }

    private Object number()
            throws SQLException
    {
        int start = position;
        boolean fractional = false;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '.' || c == 'e' || c == 'E') {
                fractional = true;
            }
            else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
                break;
            }
            position++;
        }
        String number = text.substring(start, position);
        if (number.isEmpty()) {
            // Spark writes NaN and Infinity of doubles inside complex values unquoted.
            for (String word : new String[] {"NaN", "Infinity", "-Infinity"}) {
                if (text.startsWith(word, position)) {
                    position += word.length();
                    return Double.valueOf(word);
                }
            }
            throw error("unexpected character");
        }
        try {
            if (!fractional) {
                BigInteger integer = new BigInteger(number);
                if (integer.bitLength() < 32) {
                    return integer.intValue();
                }
                return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
            }
            BigDecimal decimal = new BigDecimal(number);
            double asDouble = decimal.doubleValue();
            return !Double.isInfinite(asDouble) && new BigDecimal(Double.toString(asDouble)).compareTo(decimal) == 0 ? (Object) asDouble : decimal;
        }
        catch (NumberFormatException e) {
            throw error("'" + number + "' is not a number");
        }
    }

    private void skipSpace()
    {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private SQLException error(String problem)
    {
        return new SQLDataException("Malformed JSON value at character " + position + " (" + problem + "): " + abbreviate(text), "22032");
    }

    private static String abbreviate(String text)
    {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
