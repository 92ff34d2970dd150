package io.sluice.dialects.functions;

/**
 * Spark's runtime errors where an engine has no function raising one. Flink has none: a cast that cannot succeed fails
 * the statement, and its message names the text. The message must depend on the row (a column or an argument in it),
 * so that the planner does not fold the failure into every plan.
 */
public final class Failures
{
    private Failures() {}

    /** An INT expression failing with the SQL string expression {@code message}. */
    public static String flink(String message)
    {
        return flink(message, "INT");
    }

    /** An expression of a type Flink parses strings into (INT, DATE, TIMESTAMP, ...) failing with {@code message}. */
    public static String flink(String message, String type)
    {
        return "CAST(" + message + " AS " + type + ")";
    }
}
