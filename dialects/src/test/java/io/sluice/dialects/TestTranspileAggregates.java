package io.sluice.dialects;

import io.sluice.dialects.Dialect;
import io.sluice.spi.ErrorCode;
import org.junit.jupiter.api.Test;

import static io.sluice.dialects.testing.Transpilation.spark;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/** Aggregates, windows and grouping sets: NULL handling, FILTER, Spark's NULL ordering. */
class TestTranspileAggregates
{
    @Test
    void basicAggregates()
    {
        spark("SELECT count(*), count(DISTINCT a), sum(a), avg(dc) FROM t")
                .toDuckDb("SELECT count(*), count(DISTINCT \"t\".\"a\"), sum(\"t\".\"a\"), CAST(avg(\"t\".\"dc\") AS DECIMAL(14, 6)) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT count(*), count(DISTINCT \"t\".\"a\"), sum(\"t\".\"a\"), avg(CAST(\"t\".\"dc\" AS DECIMAL(14, 6))) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT count(*), count(DISTINCT `t`.`a`), sum(`t`.`a`), avg(`t`.`dc`) FROM `default`.`t` `t`")
                // Flink sums integers in their own type and averages them as integers: the arguments are widened.
                .toFlink("SELECT count(*), count(DISTINCT `t`.`a`), sum(CAST(`t`.`a` AS BIGINT)), avg(CAST(`t`.`dc` AS DECIMAL(14, 6))) FROM `default`.`t` AS `t`");
    }

    @Test
    void collectListSkipsNulls()
    {
        spark("SELECT collect_list(a), collect_set(b) FROM t")
                .toDuckDb("SELECT coalesce((list(\"t\".\"a\") FILTER (WHERE (\"t\".\"a\" IS NOT NULL))), []), coalesce((list(DISTINCT \"t\".\"b\") FILTER (WHERE (\"t\".\"b\" IS NOT NULL))), []) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT coalesce((array_agg(\"t\".\"a\") FILTER (WHERE (\"t\".\"a\" IS NOT NULL))), ARRAY[]), coalesce((array_agg(DISTINCT \"t\".\"b\") FILTER (WHERE (\"t\".\"b\" IS NOT NULL))), ARRAY[]) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT collect_list(`t`.`a`), collect_set(`t`.`b`) FROM `default`.`t` `t`")
                .toFlink("SELECT COALESCE(ARRAY_REMOVE(ARRAY_AGG(`t`.`a`), CAST(NULL AS INTEGER)), ARRAY_REMOVE(ARRAY[CAST(NULL AS INTEGER)], CAST(NULL AS INTEGER))), COALESCE(ARRAY_DISTINCT(ARRAY_REMOVE(ARRAY_AGG(CAST(`t`.`b` AS STRING)), CAST(NULL AS STRING))), ARRAY_REMOVE(ARRAY[CAST(NULL AS STRING)], CAST(NULL AS STRING))) FROM `default`.`t` AS `t`");
    }

    @Test
    void aggregateFilters()
    {
        spark("SELECT count(*) FILTER (WHERE a > 0), collect_list(a) FILTER (WHERE a > 1) FROM t")
                .toDuckDb("SELECT count(*) FILTER (WHERE \"t\".\"a\" > 0), coalesce((list(\"t\".\"a\") FILTER (WHERE \"t\".\"a\" > 1 AND (\"t\".\"a\" IS NOT NULL))), []) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT count(*) FILTER (WHERE \"t\".\"a\" > 0), coalesce((array_agg(\"t\".\"a\") FILTER (WHERE \"t\".\"a\" > 1 AND (\"t\".\"a\" IS NOT NULL))), ARRAY[]) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT count(*) FILTER (WHERE `t`.`a` > 0), collect_list(`t`.`a`) FILTER (WHERE `t`.`a` > 1) FROM `default`.`t` `t`")
                .toFlink("SELECT count(*) FILTER (WHERE `t`.`a` > 0), COALESCE(ARRAY_REMOVE(ARRAY_AGG(CASE WHEN `t`.`a` > 1 THEN `t`.`a` ELSE NULL END), CAST(NULL AS INTEGER)), ARRAY_REMOVE(ARRAY[CAST(NULL AS INTEGER)], CAST(NULL AS INTEGER))) FROM `default`.`t` AS `t`");
    }

    @Test
    void statisticsAndCounts()
    {
        spark("SELECT percentile(d, 0.5), approx_count_distinct(b), count_if(a > 1) FROM t")
                .toDuckDb("SELECT quantile_cont(CAST(\"t\".\"d\" AS DOUBLE), 0.5), count(DISTINCT \"t\".\"b\"), count_if((\"t\".\"a\" > 1)) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT percentile(`t`.`d`, 0.5), approx_count_distinct(`t`.`b`), count_if((`t`.`a` > 1)) FROM `default`.`t` `t`")
                .toFlink("SELECT PERCENTILE(CAST(`t`.`d` AS DOUBLE), 0.5), COUNT(DISTINCT `t`.`b`), count(CASE WHEN (`t`.`a` > 1) THEN 1 END) FROM `default`.`t` AS `t`");
        // Exact on Trino over the sorted values; the percentage must be a literal in [0, 1].
        assertThat(spark("SELECT percentile(d, 0.25) FROM t").translate(Dialect.TRINO))
                .contains("array_sort(filter(array_agg(\"t\".\"d\"), v -> v IS NOT NULL))")
                .contains("CAST(0.25 AS DOUBLE)");
        spark("SELECT percentile(d, array(0.25, 0.75)) FROM t")
                .refusedIn(Dialect.TRINO, "the percentage must be a numeric literal");
        assertThatThrownBy(() -> spark("SELECT percentile(d, 1.5) FROM t").translate(Dialect.TRINO))
                .hasMessageContaining("The percentage of percentile must be between 0.0 and 1.0, not 1.5");
    }

    @Test
    void firstAndLastAsAggregatesAndOverWindows()
    {
        // Calcite reads FIRST(...) as MATCH_RECOGNIZE's navigation and FIRST_VALUE(...) as a window function only.
        spark("SELECT first(a), last(b), first_value(a), any_value(a) FROM t GROUP BY l")
                .toDuckDb("SELECT first(\"t\".\"a\"), last(\"t\".\"b\"), first(\"t\".\"a\"), first(\"t\".\"a\") FROM \"default\".\"t\" AS \"t\" GROUP BY \"t\".\"l\"")
                // A group's first and last values depend on the order of its rows: any of them.
                .toTrino("SELECT arbitrary(\"t\".\"a\"), arbitrary(\"t\".\"b\"), arbitrary(\"t\".\"a\"), arbitrary(\"t\".\"a\") FROM \"default\".\"t\" AS \"t\" GROUP BY \"t\".\"l\"");
        // The second argument skips NULL values.
        spark("SELECT first(a, true), last(b, false) FILTER (WHERE a > 1) FROM t")
                .toDuckDb("SELECT first(\"t\".\"a\") FILTER (WHERE \"t\".\"a\" IS NOT NULL), last(\"t\".\"b\") FILTER (WHERE \"t\".\"a\" > 1) FROM \"default\".\"t\" AS \"t\"");
        spark("SELECT first(a) FILTER (WHERE a > 1) IGNORE NULLS FROM t")
                .toTrino("SELECT arbitrary(\"t\".\"a\") FILTER (WHERE \"t\".\"a\" > 1 AND \"t\".\"a\" IS NOT NULL) FROM \"default\".\"t\" AS \"t\"");
        // Over a window, first and last are the window functions, which Trino has too.
        spark("SELECT first(a) OVER (ORDER BY ts), last_value(a) RESPECT NULLS OVER (ORDER BY ts) FROM t")
                .toTrino("SELECT first_value(\"t\".\"a\") OVER (ORDER BY \"t\".\"ts\" NULLS FIRST), last_value(\"t\".\"a\") OVER (ORDER BY \"t\".\"ts\" NULLS FIRST) FROM \"default\".\"t\" AS \"t\"");
        spark("SELECT first(a, true) OVER (ORDER BY ts) FROM t")
                .refusedIn(Dialect.DUCKDB, "Not supported in duckdb: IGNORE NULLS");
        spark("SELECT first(a, 1) FROM t")
                .fails(ErrorCode.SYNTAX_ERROR, "The second argument of first(), whether to skip NULL values, must be TRUE or FALSE");
        // Still names of columns.
        spark("SELECT first, last FROM (SELECT 1 AS first, 2 AS last) x")
                .toDuckDb("SELECT \"x\".\"first\", \"x\".\"last\" FROM (SELECT 1 AS \"first\", 2 AS \"last\") AS \"x\"");
    }

    @Test
    void countOfSeveralDistinctColumns()
    {
        spark("SELECT count(DISTINCT a, b) FROM t")
                .toDuckDb("SELECT count(DISTINCT CASE WHEN \"t\".\"a\" IS NOT NULL AND \"t\".\"b\" IS NOT NULL THEN (\"t\".\"a\", \"t\".\"b\") END) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT count(DISTINCT CASE WHEN \"t\".\"a\" IS NOT NULL AND \"t\".\"b\" IS NOT NULL THEN (\"t\".\"a\", \"t\".\"b\") END) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT count(DISTINCT `t`.`a`, `t`.`b`) FROM `default`.`t` `t`")
                .toFlink("SELECT count(DISTINCT CASE WHEN `t`.`a` IS NOT NULL AND `t`.`b` IS NOT NULL THEN (`t`.`a`, `t`.`b`) END) FROM `default`.`t` AS `t`");
    }

    @Test
    void windowFunctionsSortNullsAsSpark()
    {
        spark("SELECT a, rank() OVER (PARTITION BY b ORDER BY a), lag(a, 1, 0) OVER (ORDER BY ts DESC) FROM t")
                .toDuckDb("SELECT \"t\".\"a\", rank() OVER (PARTITION BY \"t\".\"b\" ORDER BY \"t\".\"a\" NULLS FIRST), lag(\"t\".\"a\", 1, 0) OVER (ORDER BY \"t\".\"ts\" DESC NULLS LAST) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT \"t\".\"a\", rank() OVER (PARTITION BY \"t\".\"b\" ORDER BY \"t\".\"a\" NULLS FIRST), lag(\"t\".\"a\", 1, 0) OVER (ORDER BY \"t\".\"ts\" DESC NULLS LAST) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT `t`.`a`, rank() OVER (PARTITION BY `t`.`b` ORDER BY `t`.`a`), lag(`t`.`a`, 1, 0) OVER (ORDER BY `t`.`ts` DESC) FROM `default`.`t` `t`")
                // Flink's planner fails on lag next to a window function over another window.
                .refusedIn(Dialect.FLINK, "Not supported in flink: lag() or lead() next to a window function over another window");
        spark("SELECT a, lag(a, 1) OVER (ORDER BY ts DESC) FROM t")
                .toFlink("SELECT `t`.`a`, lag(`t`.`a`, 1) OVER (ORDER BY `t`.`ts` DESC NULLS LAST) FROM `default`.`t` AS `t`");
    }

    @Test
    void withRollup()
    {
        spark("SELECT a, b, count(*) FROM t GROUP BY a, b WITH ROLLUP")
                .toDuckDb("SELECT \"t\".\"a\", \"t\".\"b\", count(*) FROM \"default\".\"t\" AS \"t\" GROUP BY ROLLUP(\"t\".\"a\", \"t\".\"b\")")
                .toTrino("SELECT \"t\".\"a\", \"t\".\"b\", count(*) FROM \"default\".\"t\" AS \"t\" GROUP BY ROLLUP(\"t\".\"a\", \"t\".\"b\")")
                .toSpark("SELECT `t`.`a`, `t`.`b`, count(*) FROM `default`.`t` `t` GROUP BY ROLLUP(`t`.`a`, `t`.`b`)")
                .toFlink("SELECT `t`.`a`, `t`.`b`, count(*) FROM `default`.`t` AS `t` GROUP BY ROLLUP(`t`.`a`, `t`.`b`)");
    }

    @Test
    void groupingSets()
    {
        spark("SELECT a, count(*) FROM t GROUP BY GROUPING SETS ((a), ()) ORDER BY a")
                .toDuckDb("SELECT \"t\".\"a\", count(*) FROM \"default\".\"t\" AS \"t\" GROUP BY GROUPING SETS(\"t\".\"a\", ()) ORDER BY \"a\" NULLS FIRST")
                .toTrino("SELECT \"t\".\"a\", count(*) FROM \"default\".\"t\" AS \"t\" GROUP BY GROUPING SETS(\"t\".\"a\", ()) ORDER BY \"a\" NULLS FIRST")
                .toSpark("SELECT `t`.`a`, count(*) FROM `default`.`t` `t` GROUP BY GROUPING SETS(`t`.`a`, ()) ORDER BY `a`")
                .toFlink("SELECT `t`.`a`, count(*) FROM `default`.`t` AS `t` GROUP BY GROUPING SETS(`t`.`a`, ()) ORDER BY `a` NULLS FIRST");
    }
}
