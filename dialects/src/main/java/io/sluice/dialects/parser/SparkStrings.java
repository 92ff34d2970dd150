package io.sluice.dialects.parser;

import org.apache.calcite.avatica.util.Casing;

/**
 * Spark's string literals: quoted with {@code '} or {@code "}, with backslash escapes as Spark reads them
 * (newline, tab, backslash, quote, unicode and octal escapes, ...). A backslash before % and
 * _ is kept, so that LIKE patterns mean what they meant to Spark.
 */
public final class SparkStrings
{
    private SparkStrings() {}

    /** The value of a quoted literal token; called by the generated parser for Spark's and Hive's string literals. */
    public static String unquote(String image, String startQuote, String endQuote, String escapedQuote, Casing casing)
    {
        return unescape(image.substring(startQuote.length(), image.length() - endQuote.length()));
    }

    static String unescape(String text)
    {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == 'u' && i + 6 <= text.length() && text.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 6;
                continue;
            }
            if (i + 4 <= text.length() && text.substring(i + 1, i + 4).matches("[0-3][0-7][0-7]")) {
                out.append((char) Integer.parseInt(text.substring(i + 1, i + 4), 8));
                i += 4;
                continue;
            }
            switch (next) {
                case '0' -> out.append('\u0000');
                case 'b' -> out.append('\b');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'Z' -> out.append('\u001A');
                case '%', '_' -> out.append('\\').append(next);
                default -> out.append(next);
            }
            i += 2;
        }
        return out.toString();
    }
}
