package io.sluice.dialects.functions;

import io.sluice.dialects.Dialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static io.sluice.dialects.Dialect.DUCKDB;
import static io.sluice.dialects.Dialect.FLINK;
import static io.sluice.dialects.Dialect.TRINO;
import static io.sluice.dialects.functions.ReturnTypeInferences.BIGINT;
import static io.sluice.dialects.functions.ReturnTypeInferences.DATE;
import static io.sluice.dialects.functions.ReturnTypeInferences.DOUBLE;
import static io.sluice.dialects.functions.ReturnTypeInferences.INTEGER;
import static io.sluice.dialects.functions.ReturnTypeInferences.STRING;
import static io.sluice.dialects.functions.ReturnTypeInferences.TIMESTAMP;

/**
 * Date and time functions. Spark's datetime patterns are Java's ({@code yyyy-MM-dd}); DuckDB's are strftime's,
 * converted when the pattern is a literal. Sessions are in UTC, so Spark's TIMESTAMP reads as a timestamp
 * without a zone everywhere.
 */
final class DateTimeFunctions
{
    private static final String SPARK_DEFAULT_PATTERN = "yyyy-MM-dd HH:mm:ss";

    private static final Map<String, String> TRUNC_UNITS = Map.ofEntries(
            Map.entry("YEAR", "year"), Map.entry("YYYY", "year"), Map.entry("YY", "year"),
            Map.entry("QUARTER", "quarter"),
            Map.entry("MONTH", "month"), Map.entry("MON", "month"), Map.entry("MM", "month"),
            Map.entry("WEEK", "week"));
    private static final Map<String, String> DATE_TRUNC_UNITS = Map.ofEntries(
            Map.entry("YEAR", "year"), Map.entry("YYYY", "year"), Map.entry("YY", "year"),
            Map.entry("QUARTER", "quarter"),
            Map.entry("MONTH", "month"), Map.entry("MON", "month"), Map.entry("MM", "month"),
            Map.entry("WEEK", "week"),
            Map.entry("DAY", "day"), Map.entry("DD", "day"),
            Map.entry("HOUR", "hour"), Map.entry("MINUTE", "minute"), Map.entry("SECOND", "second"),
            Map.entry("MILLISECOND", "millisecond"), Map.entry("MICROSECOND", "microsecond"));

    private DateTimeFunctions() {}

    static void register(FunctionCatalog.Builder functions)
    {
        functions.scalar("date_add", DATE, 2, 2)
                .duckdb("(CAST({0} AS DATE) + CAST({1} AS INTEGER))")
                .trino("date_add('day', {1}, CAST({0} AS DATE))")
                .flink("CAST(TIMESTAMPADD(DAY, {1}, CAST({0} AS DATE)) AS DATE)");
        functions.scalar("date_sub", DATE, 2, 2)
                .duckdb("(CAST({0} AS DATE) - CAST({1} AS INTEGER))")
                .trino("date_add('day', -({1}), CAST({0} AS DATE))")
                .flink("CAST(TIMESTAMPADD(DAY, -({1}), CAST({0} AS DATE)) AS DATE)");
        functions.scalar("datediff", INTEGER, 2, 2)
                .duckdb("date_diff('day', CAST({1} AS DATE), CAST({0} AS DATE))")
                .trino("date_diff('day', CAST({1} AS DATE), CAST({0} AS DATE))")
                .flink("TIMESTAMPDIFF(DAY, CAST(CAST({1} AS DATE) AS TIMESTAMP), CAST(CAST({0} AS DATE) AS TIMESTAMP))");
        functions.scalar("add_months", DATE, 2, 2)
                .duckdb("CAST(CAST({0} AS DATE) + to_months(CAST({1} AS INTEGER)) AS DATE)")
                .trino("date_add('month', {1}, CAST({0} AS DATE))")
                .flink("CAST(TIMESTAMPADD(MONTH, {1}, CAST({0} AS DATE)) AS DATE)");
        functions.scalar("months_between", DOUBLE, 2, 3)
                .rewrite(DUCKDB, call -> monthsBetween(call, "CAST({%d} AS TIMESTAMP)", "last_day(%1$s)", "day(%1$s)",
                        "(floor(epoch(%1$s)) - epoch(CAST(CAST(%1$s AS DATE) AS TIMESTAMP)))"))
                .rewrite(TRINO, call -> monthsBetween(call, "CAST({%d} AS TIMESTAMP(6))", "last_day_of_month(%1$s)", "day(%1$s)",
                        "(hour(%1$s) * 3600 + minute(%1$s) * 60 + second(%1$s))"))
                // Flink's SECOND is whole seconds, as Spark counts them here.
                .rewrite(FLINK, call -> monthsBetween(call, "CAST({%d} AS TIMESTAMP(6))", FLINK_LAST_DAY, "DAYOFMONTH(%1$s)",
                        "(HOUR(%1$s) * 3600 + MINUTE(%1$s) * 60 + SECOND(%1$s))"))
                .note(DUCKDB, MONTHS_BETWEEN_NOTE)
                .note(TRINO, MONTHS_BETWEEN_NOTE)
                .note(FLINK, MONTHS_BETWEEN_NOTE);
        functions.scalar("last_day", DATE, 1, 1)
                .duckdb("last_day(CAST({0} AS DATE))")
                .trino("last_day_of_month(CAST({0} AS DATE))")
                .flink(String.format(FLINK_LAST_DAY, "CAST({0} AS DATE)"));
        String weekdayNumber = "(CASE upper(substr({1}, 1, 2)) WHEN 'SU' THEN 0 WHEN 'MO' THEN 1 WHEN 'TU' THEN 2 "
                + "WHEN 'WE' THEN 3 WHEN 'TH' THEN 4 WHEN 'FR' THEN 5 WHEN 'SA' THEN 6 END)";
        functions.scalar("next_day", DATE, 2, 2)
                .duckdb("(CAST({0} AS DATE) + CAST((" + weekdayNumber + " - dayofweek(CAST({0} AS DATE)) + 6) % 7 + 1 AS INTEGER))")
                .trino("date_add('day', (" + weekdayNumber + " - day_of_week(CAST({0} AS DATE)) % 7 + 6) % 7 + 1, CAST({0} AS DATE))")
                // Flink's DAYOFWEEK is 1 (Sunday) to 7.
                .flink("CAST(TIMESTAMPADD(DAY, MOD(" + weekdayNumber.replace("upper(substr(", "UPPER(SUBSTR(")
                        + " - DAYOFWEEK(CAST({0} AS DATE)) + 7, 7) + 1, CAST({0} AS DATE)) AS DATE)");
        functions.scalar("trunc", DATE, 2, 2)
                .rewrite(DUCKDB, call -> trunc(call, "CAST(date_trunc('%s', CAST({0} AS DATE)) AS DATE)"))
                .rewrite(TRINO, call -> trunc(call, "date_trunc('%s', CAST({0} AS DATE))"))
                .rewrite(FLINK, call -> trunc(call, flinkFloor(call, "CAST(FLOOR(CAST({0} AS TIMESTAMP(6)) TO %s) AS DATE)")));
        functions.scalar("date_trunc", TIMESTAMP, 2, 2)
                .rewrite(DUCKDB, call -> dateTrunc(call, "CAST(date_trunc('%s', CAST({1} AS TIMESTAMP)) AS TIMESTAMP)"))
                .rewrite(TRINO, call -> dateTrunc(call, "date_trunc('%s', CAST({1} AS TIMESTAMP(6)))"))
                .rewrite(FLINK, call -> dateTrunc(call, flinkFloor(call, "FLOOR(CAST({1} AS TIMESTAMP(6)) TO %s)")));
        functions.scalar("date_format", STRING, 2, 2)
                .rewrite(DUCKDB, call -> call.template("strftime(CAST({0} AS TIMESTAMP), " + strftime(call, 1, false) + ")"))
                .rewrite(TRINO, call -> call.template("format_datetime(CAST({0} AS TIMESTAMP(6)), "
                        + quote(javaPattern(call, call.requireStringLiteral(1, "the pattern"))) + ")"))
                .rewrite(FLINK, call -> call.template("DATE_FORMAT(CAST({0} AS TIMESTAMP(6)), "
                        + quote(javaPattern(call, call.requireStringLiteral(1, "the pattern"))) + ")"));
        functions.scalar("to_date", DATE, 1, 2)
                .rewrite(DUCKDB, call -> call.operandCount() == 1
                        ? call.template(call.operandIs(0, SqlTypeName.DATE) ? "{0}" : "CAST(CAST({0} AS TIMESTAMP) AS DATE)")
                        : call.template("CAST(strptime({0}, " + strftime(call, 1, true) + ") AS DATE)"))
                .rewrite(TRINO, call -> call.operandCount() == 1
                        ? call.template("CAST(CAST({0} AS TIMESTAMP(6)) AS DATE)")
                        : call.template("CAST(parse_datetime({0}, " + quote(javaPattern(call, call.requireStringLiteral(1, "the pattern"))) + ") AS DATE)"))
                // Flink's TO_DATE reads strings only.
                .rewrite(FLINK, call -> call.operandCount() == 1 && !call.operandIsString(0) ? call.template("CAST({0} AS DATE)") : call.rename("to_date"));
        functions.scalar("to_timestamp", TIMESTAMP, 1, 2)
                .rewrite(DUCKDB, call -> call.operandCount() == 1
                        ? call.template("CAST({0} AS TIMESTAMP)")
                        : call.template("strptime({0}, " + strftime(call, 1, true) + ")"))
                .rewrite(TRINO, call -> call.operandCount() == 1
                        ? call.template("CAST({0} AS TIMESTAMP(6))")
                        : call.template("CAST(parse_datetime({0}, " + quote(javaPattern(call, call.requireStringLiteral(1, "the pattern"))) + ") AS TIMESTAMP(6))"))
                .same(FLINK);
        functions.scalar("from_unixtime", STRING, 1, 2)
                .rewrite(DUCKDB, call -> call.template("strftime(epoch_ms(CAST({0} AS BIGINT) * 1000), "
                        + (call.operandCount() == 1 ? quote(convert(call, SPARK_DEFAULT_PATTERN, false)) : strftime(call, 1, false)) + ")"))
                .rewrite(TRINO, call -> call.template("format_datetime(from_unixtime({0}) AT TIME ZONE 'UTC', "
                        + quote(call.operandCount() == 1 ? SPARK_DEFAULT_PATTERN : javaPattern(call, call.requireStringLiteral(1, "the pattern"))) + ")"))
                .same(FLINK);
        for (String name : new String[] {"unix_timestamp", "to_unix_timestamp"}) {
            functions.scalar(name, BIGINT, name.equals("unix_timestamp") ? 0 : 1, 2)
                    .rewrite(DUCKDB, DateTimeFunctions::unixTimestampDuckDb)
                    .rewrite(TRINO, DateTimeFunctions::unixTimestampTrino);
        }
        for (String field : new String[] {"year", "month", "quarter", "hour", "minute", "second", "dayofyear"}) {
            String trinoName = field.equals("dayofyear") ? "day_of_year" : field;
            functions.scalar(field, INTEGER, 1, 1)
                    .duckdb(field + "(CAST({0} AS TIMESTAMP))")
                    .trino(trinoName + "(CAST({0} AS TIMESTAMP(6)))")
                    .flink(field.toUpperCase(Locale.ROOT) + "(CAST({0} AS TIMESTAMP(6)))");
        }
        for (String name : new String[] {"day", "dayofmonth"}) {
            functions.scalar(name, INTEGER, 1, 1)
                    .duckdb("day(CAST({0} AS TIMESTAMP))")
                    .trino("day(CAST({0} AS TIMESTAMP(6)))")
                    .flink("DAYOFMONTH(CAST({0} AS TIMESTAMP(6)))");
        }
        // Spark numbers weekdays 1 (Sunday) to 7; DuckDB's dayofweek is 0 (Sunday) to 6, Trino's 1 (Monday) to 7.
        functions.scalar("dayofweek", INTEGER, 1, 1)
                .duckdb("(dayofweek(CAST({0} AS TIMESTAMP)) + 1)")
                .trino("(day_of_week(CAST({0} AS TIMESTAMP(6))) % 7 + 1)")
                .flink("DAYOFWEEK(CAST({0} AS DATE))");
        functions.scalar("weekday", INTEGER, 1, 1)
                .duckdb("(isodow(CAST({0} AS TIMESTAMP)) - 1)")
                .trino("(day_of_week(CAST({0} AS TIMESTAMP(6))) - 1)")
                .flink("MOD(EXTRACT(DOW FROM CAST({0} AS TIMESTAMP(6))) + 5, 7)");
        functions.scalar("weekofyear", INTEGER, 1, 1)
                .duckdb("weekofyear(CAST({0} AS TIMESTAMP))")
                .trino("week_of_year(CAST({0} AS TIMESTAMP(6)))")
                .flink("WEEK(CAST({0} AS TIMESTAMP(6)))");
        // Spark (ANSI) fails on a field out of range or a day the month does not have; so does the cast of its text.
        String anyNull3 = "{0} IS NULL OR {1} IS NULL OR {2} IS NULL";
        functions.scalar("make_date", DATE, 3, 3)
                .duckdb("make_date({0}, {1}, {2})")
                .trino("CASE WHEN " + anyNull3 + " THEN NULL ELSE CAST(format('%04d-%02d-%02d', {0}, {1}, {2}) AS DATE) END")
                // Flink's LPAD cuts a longer text: fields out of range fail before.
                .flink("CASE WHEN {0} NOT BETWEEN 1 AND 9999 OR {1} NOT BETWEEN 1 AND 12 OR {2} NOT BETWEEN 1 AND 31 THEN "
                        + Failures.flink("'[DATETIME_FIELD_OUT_OF_BOUNDS] Invalid date: ' || CAST({0} AS STRING) || '-' || CAST({1} AS STRING) || '-' || CAST({2} AS STRING)", "DATE")
                        + " ELSE " + FLINK_DATE_TEXT + " END");
        functions.scalar("make_timestamp", TIMESTAMP, 6, 6)
                .duckdb("make_timestamp({0}, {1}, {2}, {3}, {4}, {5})")
                // Seconds are a DECIMAL(8, 6): written with six digits, the cast keeps microseconds.
                .trino("CASE WHEN " + anyNull3 + " OR {3} IS NULL OR {4} IS NULL OR {5} IS NULL THEN NULL "
                        + "ELSE CAST(format('%04d-%02d-%02d %02d:%02d:%09.6f', {0}, {1}, {2}, {3}, {4}, CAST({5} AS DECIMAL(8, 6))) AS TIMESTAMP(6)) END")
                // The text yyyy-MM-dd HH:mm:ss.ffffff, its date cast first: Flink's cast to a TIMESTAMP takes 2024-02-31 for
                // 2024-02-29 (its cast to a DATE fails, as Spark does). Spark's second 60 (the next minute) fails here.
                .flink("CASE WHEN {0} NOT BETWEEN 1 AND 9999 OR {1} NOT BETWEEN 1 AND 12 OR {2} NOT BETWEEN 1 AND 31 OR {3} NOT BETWEEN 0 AND 23 "
                        + "OR {4} NOT BETWEEN 0 AND 59 OR CAST({5} AS DECIMAL(8, 6)) < 0 OR CAST({5} AS DECIMAL(8, 6)) >= 60 THEN "
                        + Failures.flink("'[DATETIME_FIELD_OUT_OF_BOUNDS] Invalid timestamp: ' || CAST({0} AS STRING) || '-' || CAST({1} AS STRING) || '-' "
                                + "|| CAST({2} AS STRING) || ' ' || CAST({3} AS STRING) || ':' || CAST({4} AS STRING) || ':' || CAST({5} AS STRING)", "TIMESTAMP(6)")
                        + " ELSE CAST(CONCAT(CAST(" + FLINK_DATE_TEXT + " AS STRING), ' ', "
                        + "LPAD(CAST({3} AS STRING), 2, '0'), ':', LPAD(CAST({4} AS STRING), 2, '0'), ':', LPAD(CAST(CAST({5} AS DECIMAL(8, 6)) AS STRING), 9, '0')) "
                        + "AS TIMESTAMP(6)) END");
    }

    /** A DATE from year {0}, month {1} and day {2}, each in range, through Flink's cast of the text yyyy-MM-dd. */
    private static final String FLINK_DATE_TEXT = "CAST(CONCAT(LPAD(CAST({0} AS STRING), 4, '0'), '-', LPAD(CAST({1} AS STRING), 2, '0'), '-', "
            + "LPAD(CAST({2} AS STRING), 2, '0')) AS DATE)";

    private static SqlNode trunc(CallContext call, String template)
    {
        return trunc(call, unit -> String.format(template, unit));
    }

    /** trunc(date, format) with the engine's SQL for a unit. */
    private static SqlNode trunc(CallContext call, Function<String, String> template)
    {
        String format = call.requireStringLiteral(1, "the format");
        String unit = TRUNC_UNITS.get(format.toUpperCase(Locale.ROOT));
        // Spark returns NULL for a format it does not know.
        return unit == null ? call.template("CAST(NULL AS DATE)") : call.template(template.apply(unit));
    }

    private static SqlNode dateTrunc(CallContext call, String template)
    {
        return dateTrunc(call, unit -> String.format(template, unit));
    }

    /** date_trunc(unit, timestamp) with the engine's SQL for a unit. */
    private static SqlNode dateTrunc(CallContext call, Function<String, String> template)
    {
        String format = call.requireStringLiteral(0, "the unit");
        String unit = DATE_TRUNC_UNITS.get(format.toUpperCase(Locale.ROOT));
        return unit == null ? call.template("CAST(NULL AS TIMESTAMP)") : call.template(template.apply(unit));
    }

    /**
     * Truncation on Flink, FLOOR(... TO unit): Flink's weeks do not start on Monday, as Spark's do, and it floors no
     * finer than a second.
     */
    private static Function<String, String> flinkFloor(CallContext call, String template)
    {
        return unit -> {
            if (unit.equals("week") || unit.equals("millisecond") || unit.equals("microsecond")) {
                throw call.unsupported("truncating to a " + unit);
            }
            return String.format(template, unit.toUpperCase(Locale.ROOT));
        };
    }

    /**
     * Spark's months_between: whole months when the days of month match or both are month ends, else the months
     * between plus the difference of days and of seconds of day (whole seconds, as Spark counts them) over 31-day
     * months, rounded to 8 digits unless roundOff is false.
     *
     * @param timestamp the engine's cast of operand {@code %d} to a timestamp
     * @param lastDay the engine's function for the last day of a date's month
     * @param secondsOfDay the whole seconds since midnight of timestamp {@code %1$s}
     */
    private static final String MONTHS_BETWEEN_NOTE = "emulated with Spark's formula (whole months when the days match or both are month ends, else 31-day months)";
    /** The last day of the month of a DATE, from Flink's date arithmetic (it has no LAST_DAY). */
    private static final String FLINK_LAST_DAY = "CAST(TIMESTAMPADD(DAY, -1, TIMESTAMPADD(MONTH, 1, TIMESTAMPADD(DAY, 1 - DAYOFMONTH(%1$s), %1$s))) AS DATE)";

    /** Spark's months_between; {@code lastDay}, {@code day} and {@code secondsOfDay} are the engine's, over {@code %1$s}. */
    private static SqlNode monthsBetween(CallContext call, String timestamp, String lastDay, String day, String secondsOfDay)
    {
        boolean roundOff = true;
        if (call.operandCount() == 3) {
            String flag = call.operand(2).toString().toUpperCase(Locale.ROOT);
            if (!flag.equals("TRUE") && !flag.equals("FALSE")) {
                throw call.unsupported("roundOff must be the literal true or false");
            }
            roundOff = flag.equals("TRUE");
        }
        String a = String.format(timestamp, 0);
        String b = String.format(timestamp, 1);
        String months = "((year(" + a + ") - year(" + b + ")) * 12 + month(" + a + ") - month(" + b + "))";
        String dateA = "CAST(" + a + " AS DATE)";
        String dateB = "CAST(" + b + " AS DATE)";
        String bothMonthEnds = "(" + dateA + " = " + String.format(lastDay, dateA) + " AND " + dateB + " = " + String.format(lastDay, dateB) + ")";
        String dayA = String.format(day, a);
        String dayB = String.format(day, b);
        String fraction = "((" + dayA + " - " + dayB + ") * 86400 + " + String.format(secondsOfDay, a) + " - " + String.format(secondsOfDay, b) + ") / CAST(2678400 AS DOUBLE)";
        String value = "CASE WHEN " + dayA + " = " + dayB + " OR " + bothMonthEnds + " THEN CAST(" + months + " AS DOUBLE) "
                + "ELSE " + months + " + " + fraction + " END";
        return call.template(roundOff ? "round(" + value + ", 8)" : "(" + value + ")");
    }

    private static SqlNode unixTimestampDuckDb(CallContext call)
    {
        if (call.operandCount() == 0) {
            return call.template("CAST(floor(epoch(current_timestamp)) AS BIGINT)");
        }
        if (call.operandCount() == 1 && call.operandIs(0, SqlTypeName.DATE, SqlTypeName.TIMESTAMP, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)) {
            return call.template("CAST(floor(epoch(CAST({0} AS TIMESTAMP))) AS BIGINT)");
        }
        String pattern = call.operandCount() == 1 ? quote(convert(call, SPARK_DEFAULT_PATTERN, true)) : strftime(call, 1, true);
        return call.template("CAST(floor(epoch(strptime({0}, " + pattern + "))) AS BIGINT)");
    }

    private static SqlNode unixTimestampTrino(CallContext call)
    {
        if (call.operandCount() == 0) {
            return call.template("CAST(floor(to_unixtime(current_timestamp)) AS BIGINT)");
        }
        if (call.operandCount() == 1 && call.operandIs(0, SqlTypeName.DATE, SqlTypeName.TIMESTAMP, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)) {
            return call.template("CAST(floor(to_unixtime(CAST({0} AS TIMESTAMP(6)) AT TIME ZONE 'UTC')) AS BIGINT)");
        }
        String pattern = call.operandCount() == 1 ? SPARK_DEFAULT_PATTERN : javaPattern(call, call.requireStringLiteral(1, "the pattern"));
        return call.template("CAST(floor(to_unixtime(parse_datetime({0}, " + quote(pattern) + "))) AS BIGINT)");
    }

    /** The operand's Spark pattern as a quoted strftime pattern. */
    private static String strftime(CallContext call, int operand, boolean parsing)
    {
        return quote(convert(call, call.requireStringLiteral(operand, "the pattern"), parsing));
    }

    /**
     * The pattern for an engine that reads Java-style patterns (Trino's Joda patterns, Flink's SimpleDateFormat). The
     * letter {@code u} is Hive's day number of the week (Monday is 1), Joda's {@code e}; Spark 3 and later refuse it.
     */
    private static String javaPattern(CallContext call, String pattern)
    {
        if (!DateTimePatterns.hasLetter(pattern, 'u')) {
            return pattern;
        }
        if (call.input() != Dialect.HIVE) {
            throw call.unsupported("datetime pattern '" + pattern + "' has the letter 'u', which Spark 3 and later refuse (Hive reads it as the day number of the week)");
        }
        return call.target() == TRINO ? DateTimePatterns.replaceLetter(pattern, 'u', 'e') : pattern;
    }

    private static String convert(CallContext call, String pattern, boolean parsing)
    {
        if (DateTimePatterns.hasLetter(pattern, 'u') && call.input() != Dialect.HIVE) {
            throw call.unsupported("datetime pattern '" + pattern + "' has the letter 'u', which Spark 3 and later refuse (Hive reads it as the day number of the week)");
        }
        DateTimePatterns.Result result = DateTimePatterns.toStrftime(pattern, parsing);
        return result.pattern().orElseThrow(() -> call.unsupported("datetime pattern '" + pattern + "' has " + result.problem()));
    }

    static String quote(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }
}
