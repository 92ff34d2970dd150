package io.sluice.dialects;

import io.sluice.spi.ErrorCode;
import org.junit.jupiter.api.Test;

import static io.sluice.dialects.testing.Transpilation.spark;
import static org.assertj.core.api.Assertions.assertThat;

/** Translations the differential fuzzer showed wrong or missing (docs/dialects.md); the corpus holds Spark's answers to them. */
class TestTranspileFuzzFindings
{
    @Test
    void dateAndDaysAreDateAddAndDateSub()
    {
        spark("SELECT dt + 1, dt - a FROM t")
                .toTrino("SELECT date_add('day', 1, CAST(\"t\".\"dt\" AS DATE)), date_add('day', -(\"t\".\"a\"), CAST(\"t\".\"dt\" AS DATE)) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT date_add(`t`.`dt`, 1), date_sub(`t`.`dt`, `t`.`a`) FROM `default`.`t` `t`");
    }

    @Test
    void predicatesInComparisonsKeepTheirParentheses()
    {
        // DuckDB reads "a IS NOT DISTINCT FROM b < c" as "a IS NOT DISTINCT FROM (b < c)"; Trino cannot parse it.
        spark("SELECT (a <=> a) < (dt IS NULL), CASE (a > 1) WHEN (b IN ('x', 'y')) THEN 1 END FROM t")
                .toDuckDb("SELECT (\"t\".\"a\" IS NOT DISTINCT FROM \"t\".\"a\") < (\"t\".\"dt\" IS NULL), "
                        + "CASE WHEN (\"t\".\"a\" > 1) = (\"t\".\"b\" IN ('x', 'y')) THEN 1 ELSE NULL END FROM \"default\".\"t\" AS \"t\"");
    }

    @Test
    void ilikeAndTryCast()
    {
        spark("SELECT b ILIKE 'a%', try_cast(b AS INT) FROM t")
                .toDuckDb("SELECT \"t\".\"b\" ILIKE 'a%', TRY_CAST(\"t\".\"b\" AS INTEGER) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT ((lower(\"t\".\"b\") LIKE lower('a%'))), TRY_CAST(\"t\".\"b\" AS INTEGER) FROM \"default\".\"t\" AS \"t\"");
        // Flink reads '123' as the year 123.
        assertThat(spark("SELECT try_cast(b AS DATE) FROM t").translate(Dialect.FLINK)).contains("REGEXP(`t`.`b`, '^\\s*[0-9][0-9][0-9][0-9]')");
    }

    @Test
    void flinkSelfComparisonsAndSemiJoins()
    {
        // Flink takes x = x in a WHERE for TRUE even for a NULL x.
        spark("SELECT a FROM t WHERE b = b")
                .toFlink("SELECT `t`.`a` FROM `default`.`t` AS `t` WHERE (CASE WHEN `t`.`b` IS NULL THEN CAST(NULL AS BOOLEAN) ELSE TRUE END)");
        // Flink joins on l.flag when decorrelating (r.x = 0 OR l.flag): a NULL flag finds no row.
        spark("SELECT t.a FROM t LEFT ANTI JOIN u ON (u.k = 0 OR t.a > 1)")
                .refusedIn(Dialect.FLINK, "LEFT ANTI JOIN whose condition uses a column of the left side other than in an equality with the right side");
        spark("SELECT t.a FROM t LEFT SEMI JOIN u ON t.a = u.k AND u.v > 'x'")
                .toFlink("SELECT `t`.`a` FROM (SELECT * FROM `default`.`t` AS `t` WHERE EXISTS (SELECT 1 FROM `default`.`u` AS `u` "
                        + "WHERE `t`.`a` = `u`.`k` AND `u`.`v` > 'x')) AS `t`");
    }

    @Test
    void nullsWhereSparkAnswersNull()
    {
        spark("SELECT flatten(array(arr, arr)), array_union(arr, arr) FROM t")
                .toDuckDb("SELECT (CASE WHEN len(list_filter(([\"t\".\"arr\", \"t\".\"arr\"]), __x -> __x IS NULL)) > 0 THEN NULL ELSE flatten(([\"t\".\"arr\", \"t\".\"arr\"])) END), "
                        + "(CASE WHEN \"t\".\"arr\" IS NULL OR \"t\".\"arr\" IS NULL THEN NULL ELSE list_filter(list_concat(\"t\".\"arr\", \"t\".\"arr\"), (__x, __i) -> __i = list_position(list_concat(\"t\".\"arr\", \"t\".\"arr\"), __x)) END) FROM \"default\".\"t\" AS \"t\"");
        spark("SELECT max_by(b, a), corr(d, d) FROM t")
                .toDuckDb("SELECT arg_max_null(\"t\".\"b\", \"t\".\"a\"), "
                        + "(CASE WHEN regr_count(\"t\".\"d\", \"t\".\"d\") < 2 THEN CAST(NULL AS DOUBLE) ELSE corr(\"t\".\"d\", \"t\".\"d\") END) FROM \"default\".\"t\" AS \"t\"");
    }
    @Test
    void flinkSliceOfLengthZeroIsEmpty()
    {
        // Flink's ARRAY_SLICE(a, 1, 0) is [a[1]].
        assertThat(spark("SELECT slice(arr, 1, 0) FROM t").translate(Dialect.FLINK))
                .contains("WHEN 0 = 0 OR (CASE WHEN 1 < 0 THEN 1 + CARDINALITY(`t`.`arr`) ELSE 1 - 1 END) < 0")
                .contains("THEN ARRAY_SLICE(`t`.`arr`, 2, 1)");
    }

    @Test
    void flinkAggregatesOfTypesItsFunctionsDoNotTake()
    {
        // ARRAY_AGG of a CHAR literal is an ARRAY<CHAR(1)>, which ARRAY_REMOVE of a STRING does not take.
        spark("SELECT collect_set('a') FROM t")
                .toFlink("SELECT COALESCE(ARRAY_DISTINCT(ARRAY_REMOVE(ARRAY_AGG(CAST('a' AS STRING)), CAST(NULL AS STRING))), "
                        + "ARRAY_REMOVE(ARRAY[CAST(NULL AS STRING)], CAST(NULL AS STRING))) FROM `default`.`t` AS `t`");
        // Flink's FIRST_VALUE takes no timestamps: through their text and back.
        spark("SELECT first_value(ts) OVER (ORDER BY a) FROM t")
                .toFlink("SELECT (CASE WHEN (FIRST_VALUE(CASE WHEN `t`.`ts` IS NULL THEN 1 ELSE 0 END) OVER (ORDER BY `t`.`a` NULLS FIRST)) = 0 "
                        + "THEN CAST((FIRST_VALUE(CAST(`t`.`ts` AS STRING)) OVER (ORDER BY `t`.`a` NULLS FIRST)) AS TIMESTAMP(6)) END) FROM `default`.`t` AS `t`");
        spark("SELECT first_value(arr) OVER (ORDER BY a) FROM t")
                .refusedIn(Dialect.FLINK, "Not supported in flink: first_value() (a value of type ARRAY (Flink's FIRST_VALUE does not take it))");
    }

    @Test
    void flinkLagBesideAnotherWindowIsRefused()
    {
        spark("SELECT lag(a) OVER (ORDER BY a), sum(a) OVER (PARTITION BY b ORDER BY a) FROM t")
                .refusedIn(Dialect.FLINK, "Not supported in flink: lag() or lead() next to a window function over another window");
        // Over one window, a default is computed with a companion lag of a constant.
        spark("SELECT lag(a, 1, 0) OVER (ORDER BY a), lead(a) OVER (ORDER BY a) FROM t")
                .toFlink("SELECT (CASE WHEN (lag(1, 1) OVER (ORDER BY `t`.`a` NULLS FIRST)) IS NULL THEN 0 ELSE (lag(`t`.`a`, 1) OVER (ORDER BY `t`.`a` NULLS FIRST)) END), "
                        + "lead(`t`.`a`) OVER (ORDER BY `t`.`a` NULLS FIRST) FROM `default`.`t` AS `t`");
    }

    @Test
    void arraysOfSequencesAreTyped()
    {
        // sequence was an ARRAY<ANY>, which Calcite's array constructor failed on with an internal error.
        spark("SELECT array(sequence(1, 3), arr) FROM t")
                .toTrino("SELECT (ARRAY[sequence(1, 3), \"t\".\"arr\"]) FROM \"default\".\"t\" AS \"t\"");
        spark("SELECT array(transform(arr, x -> x + 1), arr) FROM t")
                .fails(ErrorCode.NOT_SUPPORTED, "a value whose type it cannot derive in this expression; CAST it to its type");
    }
}
