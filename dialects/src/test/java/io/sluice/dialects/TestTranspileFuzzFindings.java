package io.sluice.dialects;

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
}
