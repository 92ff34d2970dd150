package io.sluice.dialects.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compares an engine's answer with Spark's, value by value. Values are compared as text after a few
 * normalizations that do not change meaning: numbers compare by value (within a relative 1e-9 or 1e-12 absolute, since
 * engines sum floating point in different orders), timestamps without trailing zero fractions, booleans
 * case-insensitively, and arrays, maps and structs as JSON trees with the same rules at the leaves. Rows compare in
 * order when the query has a top-level ORDER BY, else as multisets.
 */
public final class AnswerComparator
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");
    private static final BigDecimal ABSOLUTE_TOLERANCE = new BigDecimal("1e-12");

    private AnswerComparator() {}

    /** The first difference between the answers, or empty if they agree. */
    public static Optional<String> difference(List<List<String>> expected, List<List<String>> actual, boolean ordered)
    {
        if (expected.size() != actual.size()) {
            return Optional.of("Spark returned " + expected.size() + " rows, the engine " + actual.size());
        }
        List<List<String>> left = expected;
        List<List<String>> right = actual;
        if (!ordered) {
            left = sorted(expected);
            right = sorted(actual);
        }
        for (int row = 0; row < left.size(); row++) {
            List<String> expectedRow = left.get(row);
            List<String> actualRow = right.get(row);
            if (expectedRow.size() != actualRow.size()) {
                return Optional.of("Spark returned " + expectedRow.size() + " columns, the engine " + actualRow.size());
            }
            for (int column = 0; column < expectedRow.size(); column++) {
                if (!sameValue(expectedRow.get(column), actualRow.get(column))) {
                    return Optional.of(String.format("row %d, column %d: Spark %s, engine %s", row + 1, column + 1,
                            display(expectedRow.get(column)), display(actualRow.get(column))));
                }
            }
        }
        return Optional.empty();
    }

    static boolean sameValue(String expected, String actual)
    {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if (expected.equals(actual)) {
            return true;
        }
        if (isBoolean(expected) && isBoolean(actual)) {
            return expected.equalsIgnoreCase(actual);
        }
        if (NUMBER.matcher(expected).matches() && NUMBER.matcher(actual).matches()) {
            return sameNumber(new BigDecimal(expected), new BigDecimal(actual));
        }
        if (TIMESTAMP.matcher(expected).matches() && TIMESTAMP.matcher(actual).matches()) {
            return normalizeTimestamp(expected).equals(normalizeTimestamp(actual));
        }
        if (isJson(expected) && isJson(actual)) {
            try {
                return sameJson(JSON.readTree(expected), JSON.readTree(actual));
            }
            catch (Exception e) {
                return false;
            }
        }
        return false;
    }

    private static boolean sameJson(JsonNode expected, JsonNode actual)
    {
        if (expected.isNull() || actual.isNull()) {
            return expected.isNull() && actual.isNull();
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!sameJson(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode other = actual.get(field.getKey());
                if (other == null || !sameJson(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        String left = expected.isValueNode() ? expected.asText() : expected.toString();
        String right = actual.isValueNode() ? actual.asText() : actual.toString();
        return sameValue(left, right);
    }

    private static boolean sameNumber(BigDecimal expected, BigDecimal actual)
    {
        if (expected.compareTo(actual) == 0) {
            return true;
        }
        BigDecimal scale = expected.abs().max(actual.abs());
        BigDecimal difference = expected.subtract(actual).abs();
        // Near zero a relative tolerance is no tolerance: a variance of equal values is 0 or -4.3e-19, depending on the order of the sums.
        return difference.compareTo(scale.multiply(TOLERANCE, MathContext.DECIMAL64)) <= 0 || difference.compareTo(ABSOLUTE_TOLERANCE) <= 0;
    }

    private static String normalizeTimestamp(String value)
    {
        String text = value.replace('T', ' ');
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "");
            if (text.endsWith(".")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        return text;
    }

    private static boolean isBoolean(String value)
    {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false");
    }

    private static boolean isJson(String value)
    {
        return value.startsWith("[") || value.startsWith("{");
    }

    private static List<List<String>> sorted(List<List<String>> rows)
    {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(row -> row.stream().map(AnswerComparator::sortKey).toList().toString()));
        return copy;
    }

    /** A sort key under which values the comparison treats as equal sort together. */
    private static String sortKey(String value)
    {
        if (value == null) {
            return "\u0000null";
        }
        if (NUMBER.matcher(value).matches()) {
            BigDecimal number = new BigDecimal(value).round(new MathContext(8));
            return number.stripTrailingZeros().toPlainString();
        }
        if (TIMESTAMP.matcher(value).matches()) {
            return normalizeTimestamp(value);
        }
        return isBoolean(value) ? value.toLowerCase(Locale.ROOT) : value;
    }

    private static String display(String value)
    {
        return value == null ? "NULL" : "'" + value + "'";
    }
}
