package io.sluice.dialects.fuzz;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.sluice.dialects.fuzz.FuzzType.BIGINT;
import static io.sluice.dialects.fuzz.FuzzType.BOOLEAN;
import static io.sluice.dialects.fuzz.FuzzType.DATE;
import static io.sluice.dialects.fuzz.FuzzType.DECIMAL;
import static io.sluice.dialects.fuzz.FuzzType.DOUBLE;
import static io.sluice.dialects.fuzz.FuzzType.INT;
import static io.sluice.dialects.fuzz.FuzzType.INT_ARRAY;
import static io.sluice.dialects.fuzz.FuzzType.STRING;
import static io.sluice.dialects.fuzz.FuzzType.STRING_ARRAY;
import static io.sluice.dialects.fuzz.FuzzType.TIMESTAMP;

/**
 * The two tables every generated statement reads, {@code fz} and {@code fz2}, with the same typed columns and edge
 * values in them: NULLs, negatives and zeros, empty strings and arrays, arrays holding NULLs, leap days, the epoch,
 * fractions of seconds. Written in Spark SQL; the same statements create them on Spark and, through Sluice, on each
 * engine. {@code id} is unique and {@code g} a small grouping key with NULLs.
 */
public final class FuzzTables
{
    /** Each column and its type, in table order. */
    public static final Map<String, FuzzType> COLUMNS = columns();

    private FuzzTables() {}

    public static List<String> setupStatements()
    {
        return List.of(table("fz", """
                        (1, 0, 10, 5, 2.5, 12.34, 'Apple', 'a,b,c', DATE '2020-01-31', TIMESTAMP '2020-01-31 10:11:12', true),
                        (2, 1, -7, -3, -1.25, -0.5, 'banana split', '', DATE '2020-02-29', TIMESTAMP '2020-02-29 23:59:59', false),
                        (3, 2, 0, 0, 0.0, 0.0, '', ' padded ', DATE '2021-12-31', TIMESTAMP '2021-12-31 00:00:00', NULL),
                        (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                        (5, 0, 3, 7, 3.75, 1.01, 'Zebra Crossing', 'x', DATE '1999-06-15', TIMESTAMP '1999-06-15 12:30:45', true),
                        (6, 1, 2, 100, -0.5, 99.99, 'apple', 'MiXeD cAsE', DATE '2024-03-01', TIMESTAMP '2024-03-01 08:00:00', false),
                        (7, 2, 1, -1, 12345.678, -99.99, 'x', 'x', DATE '2000-02-29', TIMESTAMP '2000-02-29 00:00:01.5', true),
                        (8, 0, -3, 2, 0.1, 3.14, 'hello world', 'a', DATE '1970-01-01', TIMESTAMP '1970-01-01 00:00:00', false),
                        (9, NULL, 7, 9, -2.0, -12.34, 'a%b_c', 'A', DATE '1900-03-01', TIMESTAMP '2038-01-19 03:14:07', false),
                        (10, 1, 5, 11, 1.5, 0.01, 'NULL', 'b', DATE '2023-12-31', TIMESTAMP '2023-12-31 23:59:59.999', NULL)"""),
                table("fz2", """
                        (3, 2, 0, 0, 0.0, 0.0, '', 'x', DATE '2021-12-31', TIMESTAMP '2021-12-31 00:00:00', true),
                        (4, 0, 10, 5, 2.5, 12.34, 'Apple', 'a', DATE '2020-01-31', TIMESTAMP '2020-01-31 10:11:12', false),
                        (5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                        (6, 1, 3, -3, -1.25, 1.01, 'apple', '', DATE '2024-02-29', TIMESTAMP '2024-02-29 12:00:00', true),
                        (11, 1, 7, 100, 3.75, -0.5, 'x', 'A', DATE '1999-06-15', TIMESTAMP '1999-06-15 12:30:45', NULL),
                        (12, 2, -7, 7, 0.1, 99.99, 'Zebra Crossing', 'b', DATE '2000-02-29', TIMESTAMP '2000-02-29 00:00:01.5', false),
                        (13, 0, 2, 2, -0.5, 3.14, 'banana split', ' padded ', DATE '1970-01-01', TIMESTAMP '1970-01-01 00:00:00', true)"""));
    }

    private static String table(String name, String rows)
    {
        return "CREATE TABLE " + name + " AS\n"
                + "SELECT CAST(id AS INT) AS id, CAST(g AS INT) AS g, CAST(i AS INT) AS i, CAST(j AS BIGINT) AS j,\n"
                + "       CAST(d AS DOUBLE) AS d, CAST(m AS DECIMAL(10, 2)) AS m, CAST(s AS STRING) AS s, CAST(t AS STRING) AS t,\n"
                + "       CAST(dt AS DATE) AS dt, CAST(ts AS TIMESTAMP) AS ts, CAST(bo AS BOOLEAN) AS bo,\n"
                + "       CASE id % 5 WHEN 0 THEN array(3, 1, 2) WHEN 1 THEN array(1, NULL, 1) WHEN 2 THEN array() WHEN 3 THEN array(-5, 0, 5, 10) "
                + "ELSE CAST(NULL AS ARRAY<INT>) END AS ai,\n"
                + "       CASE id % 4 WHEN 0 THEN array('b', 'a') WHEN 1 THEN array('x', NULL, '') WHEN 2 THEN array('p', 'q', 'p') "
                + "ELSE array() END AS sa\n"
                + "FROM VALUES\n" + rows + "\n     AS v(id, g, i, j, d, m, s, t, dt, ts, bo)";
    }

    private static Map<String, FuzzType> columns()
    {
        Map<String, FuzzType> columns = new LinkedHashMap<>();
        columns.put("id", INT);
        columns.put("g", INT);
        columns.put("i", INT);
        columns.put("j", BIGINT);
        columns.put("d", DOUBLE);
        columns.put("m", DECIMAL);
        columns.put("s", STRING);
        columns.put("t", STRING);
        columns.put("dt", DATE);
        columns.put("ts", TIMESTAMP);
        columns.put("bo", BOOLEAN);
        columns.put("ai", INT_ARRAY);
        columns.put("sa", STRING_ARRAY);
        return Collections.unmodifiableMap(columns);
    }
}
