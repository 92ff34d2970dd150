package io.sluice.spi.type;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders nested values (lists, maps, records) as the JSON text that Spark's Thrift server sends for ARRAY, MAP and
 * STRUCT columns: {@code [1,2,3]}, {@code {"a":1}}, strings and temporal values quoted, binary as base64.
 */
public final class JsonText
{
    private JsonText() {}

    /** Renders {@code value}: a {@link Collection}, array, {@link Map} (struct fields in their order) or scalar. */
    public static String render(Object value)
    {
        StringBuilder builder = new StringBuilder();
        append(builder, value);
        return builder.toString();
    }

    private static void append(StringBuilder builder, Object value)
    {
        if (value == null) {
            builder.append("null");
        }
        else if (value instanceof Boolean || value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            builder.append(value);
        }
        else if (value instanceof Float || value instanceof Double) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                appendString(builder, value.toString());
            }
            else {
                builder.append(value);
            }
        }
        else if (value instanceof BigDecimal decimal) {
            builder.append(decimal.toPlainString());
        }
        else if (value instanceof Number number) {
            builder.append(number);
        }
        else if (value instanceof byte[] bytes) {
            appendString(builder, Base64.getEncoder().encodeToString(bytes));
        }
        else if (value instanceof Map<?, ?> map) {
            builder.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                appendString(builder, String.valueOf(entry.getKey()));
                builder.append(':');
                append(builder, entry.getValue());
                if (entries.hasNext()) {
                    builder.append(',');
                }
            }
            builder.append('}');
        }
        else if (value instanceof Collection<?> collection) {
            appendArray(builder, collection.toArray());
        }
        else if (value instanceof Object[] array) {
            appendArray(builder, array);
        }
        else {
            // Strings, dates, times and timestamps are quoted in their ISO-like text.
            appendString(builder, value.toString());
        }
    }

    private static void appendArray(StringBuilder builder, Object[] values)
    {
        builder.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                builder.append(',');
            }
            append(builder, values[i]);
        }
        builder.append(']');
    }

    private static void appendString(StringBuilder builder, String text)
    {
        builder.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> builder.append("\\\"");
                case '\\' -> builder.append("\\\\");
                case '\n' -> builder.append("\\n");
                case '\r' -> builder.append("\\r");
                case '\t' -> builder.append("\\t");
                case '\b' -> builder.append("\\b");
                case '\f' -> builder.append("\\f");
                default -> {
                    if (c < 0x20) {
                        builder.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        builder.append(c);
                    }
                }
            }
        }
        builder.append('"');
    }
}
