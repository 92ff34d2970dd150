package io.sluice.dialects.target;

import org.apache.calcite.sql.SqlWriter;

/** Verbatim SQL text written between the nodes a dialect unparses: templates and statements in an engine's words. */
public final class SqlText
{
    private SqlText() {}

    /**
     * Prints text as it is. Text that starts with a space, or with punctuation that closes a list or follows a
     * value ({@code , ) ] . [}), needs no space from the writer before it.
     */
    public static void print(SqlWriter writer, String text)
    {
        if (text.isEmpty()) {
            return;
        }
        char first = text.charAt(0);
        if (first == ' ' || first == ',' || first == ')' || first == ']' || first == '.' || first == '[') {
            writer.setNeedWhitespace(false);
        }
        writer.print(text);
    }
}
