package io.sluice.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes parameter values into statement text, as HS2 has no bind parameters: every value becomes a literal of the
 * session's dialect that reads back as exactly that value. Strings are the only free text, and they are escaped by
 * the dialect's own rules (backslash escapes in Spark and Hive, doubled quotes elsewhere), so a value can never end
 * its literal early.
 */
final class SqlLiterals
{
    private SqlLiterals() {}

    /** Spark and Hive read backslash escapes and double-quoted strings; the other dialects are standard SQL. */
    static boolean sparkLexical(String dialect)
    {
        return dialect.equals("spark") || dialect.equals("hive");
    }

    /**
     * The statement text split around its {@code ?} placeholders: {@code n} placeholders give {@code n + 1} parts.
     * Question marks inside strings, quoted identifiers and comments are not placeholders.
     */
    static List<String> split(String sql, String dialect)
            throws SQLException
    {
        boolean spark = sparkLexical(dialect);
        List<String> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'' || (c == '"' && spark)) {
                i = skipString(sql, i, c, spark);
            }
            else if (c == '"' || c == '`') {
                i = skipQuoted(sql, i, c);
            }
            else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            }
            else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new SQLException("The statement has a /* comment that is never closed", "42601");
                }
                i = end + 2;
            }
            else if (c == '?') {
                parts.add(sql.substring(start, i));
                start = i + 1;
                i++;
            }
            else {
                i++;
            }
        }
        parts.add(sql.substring(start));
        return parts;
    }

    private static int skipString(String sql, int open, char quote, boolean backslashEscapes)
            throws SQLException
    {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new SQLException("The statement has a string starting at character " + (open + 1) + " that is never closed", "42601");
    }

    private static int skipQuoted(String sql, int open, char quote)
            throws SQLException
    {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new SQLException("The statement has a quoted name starting at character " + (open + 1) + " that is never closed", "42601");
    }

    static String string(String value, String dialect)
    {
        StringBuilder literal = new StringBuilder(value.length() + 2).append('\'');
        boolean spark = sparkLexical(dialect);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                literal.append(spark ? "\\'" : "''");
            }
            else if (c == '\\' && spark) {
                literal.append("\\\\");
            }
            else {
                literal.append(c);
            }
        }
        return literal.append('\'').toString();
    }

    /** A value of a Java type JDBC knows as the literal of the dialect. */
    static String literal(Object value, String dialect)
            throws SQLException
    {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String || value instanceof Character) {
            return string(value.toString(), dialect);
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "TRUE" : "FALSE";
        }
        if (value instanceof Byte) {
            return "CAST(" + value + " AS TINYINT)";
        }
        if (value instanceof Short) {
            return "CAST(" + value + " AS SMALLINT)";
        }
        if (value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Long) {
            long number = (Long) value;
            // Spark reads a literal that fits in an int as INT: keep the parameter's type.
            return number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE ? "CAST(" + number + " AS BIGINT)" : Long.toString(number);
        }
        if (value instanceof BigInteger) {
            return "CAST(" + value + " AS DECIMAL(38,0))";
        }
        if (value instanceof BigDecimal) {
            BigDecimal decimal = (BigDecimal) value;
            if (decimal.scale() < 0) {
                decimal = decimal.setScale(0);
            }
            String plain = decimal.toPlainString();
            int scale = decimal.scale();
            int precision = Math.max(decimal.precision(), scale + 1);
            if (precision > 38) {
                throw new SQLException("Decimal " + plain + " has more than 38 digits", "22003");
            }
            return "CAST(" + string(plain, dialect) + " AS DECIMAL(" + precision + "," + scale + "))";
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            String type = value instanceof Float ? "FLOAT" : "DOUBLE";
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                String text = Double.isNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity";
                return "CAST(" + string(text, dialect) + " AS " + type + ")";
            }
            String text = value instanceof Float ? Float.toString((Float) value) : Double.toString(number);
            if (!text.contains("E")) {
                text = text + "E0";
            }
            return value instanceof Float ? "CAST(" + text + " AS FLOAT)" : text;
        }
        if (value instanceof java.sql.Date) {
            return "DATE " + string(((java.sql.Date) value).toLocalDate().toString(), dialect);
        }
        if (value instanceof LocalDate) {
            return "DATE " + string(value.toString(), dialect);
        }
        if (value instanceof Timestamp) {
            return timestamp(((Timestamp) value).toLocalDateTime(), dialect);
        }
        if (value instanceof LocalDateTime) {
            return timestamp((LocalDateTime) value, dialect);
        }
        if (value instanceof Time) {
            return string(((Time) value).toLocalTime().toString(), dialect);
        }
        if (value instanceof LocalTime) {
            return string(value.toString(), dialect);
        }
        if (value instanceof Instant) {
            return timestamp(LocalDateTime.ofInstant((Instant) value, java.time.ZoneId.systemDefault()), dialect);
        }
        if (value instanceof OffsetDateTime) {
            return timestamp(((OffsetDateTime) value).atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime(), dialect);
        }
        if (value instanceof ZonedDateTime) {
            return timestamp(((ZonedDateTime) value).withZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime(), dialect);
        }
        if (value instanceof java.util.Date) {
            return timestamp(new Timestamp(((java.util.Date) value).getTime()).toLocalDateTime(), dialect);
        }
        if (value instanceof byte[]) {
            StringBuilder hex = new StringBuilder("X'");
            for (byte b : (byte[]) value) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.append('\'').toString().toUpperCase(Locale.ROOT);
        }
        throw new SQLException("A parameter of class " + value.getClass().getName() + " cannot be written as SQL; use a string, number, "
                + "boolean, date/time or byte[] value", "22023");
    }

    private static String timestamp(LocalDateTime value, String dialect)
    {
        String text = value.toLocalDate() + " " + value.toLocalTime();
        if (value.getSecond() == 0 && value.getNano() == 0) {
            text += ":00";
        }
        return "TIMESTAMP " + string(text, dialect);
    }
}
