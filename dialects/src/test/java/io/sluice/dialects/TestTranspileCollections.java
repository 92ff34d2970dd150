package io.sluice.dialects;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.junit.jupiter.api.Test;

import static io.sluice.dialects.testing.Transpilation.spark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Arrays, maps, structs, lambdas and LATERAL VIEW: 0-based subscripts, ANSI index errors, explode. */
class TestTranspileCollections
{
    @Test
    void subscriptsAndFieldAccess()
    {
        spark("SELECT arr[0], m['k'], st.x FROM t")
                .toDuckDb("SELECT (CASE WHEN 0 < 0 OR 0 >= len(\"t\".\"arr\") THEN error('[INVALID_ARRAY_INDEX] The index ' || 0 || ' is out of bounds. The array has ' || len(\"t\".\"arr\") || ' elements.') ELSE \"t\".\"arr\"[0 + 1] END), (\"t\".\"m\"['k']), (\"t\".\"st\").\"x\" FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT (\"t\".\"arr\"[0 + 1]), element_at(\"t\".\"m\", 'k'), (\"t\".\"st\").\"x\" FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT (`t`.`arr`[0]), (`t`.`m`['k']), (`t`.`st`).`x` FROM `default`.`t` `t`")
                .toFlink("SELECT (CASE WHEN 0 < 0 OR 0 >= CARDINALITY(`t`.`arr`) THEN CAST(CAST('[INVALID_ARRAY_INDEX] The index ' || CAST(0 AS STRING) "
                        + "|| ' is out of bounds. The array has ' || CAST(CARDINALITY(`t`.`arr`) AS STRING) || ' elements.' AS INT) AS INTEGER) "
                        + "ELSE `t`.`arr`[0 + 1] END), (`t`.`m`['k']), (`t`.`st`).`x` FROM `default`.`t` AS `t`");
    }

    @Test
    void elementAtAndSize()
    {
        spark("SELECT element_at(arr, 2), size(arr), size(m) FROM t")
                .toDuckDb("SELECT (CASE WHEN 2 = 0 THEN error('[INVALID_INDEX_OF_ZERO] The index 0 is invalid: SQL array indices start at 1') WHEN abs(2) > len(\"t\".\"arr\") THEN error('[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] The index ' || 2 || ' is out of bounds. The array has ' || len(\"t\".\"arr\") || ' elements.') ELSE \"t\".\"arr\"[2] END), len(\"t\".\"arr\"), cardinality(\"t\".\"m\") FROM \"default\".\"t\" AS \"t\"")
                // Trino answers NULL out of bounds, where Spark fails.
                .toTrino("SELECT (CASE WHEN 2 = 0 THEN fail('[INVALID_INDEX_OF_ZERO] The index 0 is invalid: SQL array indices start at 1') WHEN abs(2) > cardinality(\"t\".\"arr\") THEN fail('[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] The index ' || CAST(2 AS VARCHAR) || ' is out of bounds. The array has ' || CAST(cardinality(\"t\".\"arr\") AS VARCHAR) || ' elements.') ELSE element_at(\"t\".\"arr\", 2) END), cardinality(\"t\".\"arr\"), cardinality(\"t\".\"m\") FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT element_at(`t`.`arr`, 2), size(`t`.`arr`), size(`t`.`m`) FROM `default`.`t` `t`")
                .refusedIn(Dialect.FLINK, "Not supported in flink: element_at()");
    }

    @Test
    void constructors()
    {
        spark("SELECT array(1, 2), map('a', 1), named_struct('q', a) FROM t")
                .toDuckDb("SELECT ([1, 2]), map(['a'], [1]), struct_pack(\"q\" := \"t\".\"a\") FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT (ARRAY[1, 2]), map(ARRAY['a'], ARRAY[1]), CAST(ROW(\"t\".\"a\") AS ROW(\"q\" INTEGER)) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT array(1, 2), map('a', 1), named_struct('q', `t`.`a`) FROM `default`.`t` `t`")
                .toFlink("SELECT (ARRAY[1, 2]), (MAP['a', 1]), CAST(ROW(`t`.`a`) AS ROW(`q` INTEGER)) FROM `default`.`t` AS `t`");
    }

    @Test
    void emptyArrayOnFlinkTakesItsElementType()
    {
        spark("SELECT CASE a WHEN 1 THEN array() ELSE array(a) END FROM t")
                .toFlink("SELECT CASE WHEN `t`.`a` = 1 THEN ARRAY_REMOVE(ARRAY[CAST(NULL AS INTEGER)], CAST(NULL AS INTEGER)) ELSE ARRAY[`t`.`a`] END "
                        + "FROM `default`.`t` AS `t`");
        spark("SELECT array()")
                .refusedIn(Dialect.FLINK, "Not supported in flink: array() (an empty array whose element type is not known; CAST it to its type)");
    }

    @Test
    void sortAndDistinct()
    {
        spark("SELECT sort_array(arr), sort_array(arr, false), array_distinct(arr) FROM t")
                .toDuckDb("SELECT list_sort(\"t\".\"arr\", 'ASC', 'NULLS FIRST'), list_sort(\"t\".\"arr\", 'DESC', 'NULLS LAST'), list_filter(\"t\".\"arr\", (__x, __i) -> __i = list_position(\"t\".\"arr\", __x)) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT concat(filter(\"t\".\"arr\", __x -> __x IS NULL), array_sort(filter(\"t\".\"arr\", __x -> __x IS NOT NULL))), concat(reverse(array_sort(filter(\"t\".\"arr\", __x -> __x IS NOT NULL))), filter(\"t\".\"arr\", __x -> __x IS NULL)), array_distinct(\"t\".\"arr\") FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT sort_array(`t`.`arr`), sort_array(`t`.`arr`, FALSE), array_distinct(`t`.`arr`) FROM `default`.`t` `t`")
                .toFlink("SELECT ARRAY_SORT(`t`.`arr`, TRUE, TRUE), ARRAY_SORT(`t`.`arr`, FALSE, FALSE), ARRAY_DISTINCT(`t`.`arr`) FROM `default`.`t` AS `t`");
        spark("SELECT sort_array(arr), sort_array(arr, false) FROM t")
                .toFlink("SELECT ARRAY_SORT(`t`.`arr`, TRUE, TRUE), ARRAY_SORT(`t`.`arr`, FALSE, FALSE) FROM `default`.`t` AS `t`");
    }

    @Test
    void transformWithIndexIsOneBasedInDuckDb()
    {
        spark("SELECT transform(arr, x -> x + 1), transform(arr, (x, i) -> x * i) FROM t")
                .toDuckDb("SELECT list_transform(\"t\".\"arr\", (\"x\") -> (\"x\" + 1)), list_transform(\"t\".\"arr\", (\"x\", \"i\") -> (\"x\" * (\"i\" - 1))) FROM \"default\".\"t\" AS \"t\"")
                .refusedIn(Dialect.TRINO, "Not supported in trino: transform() (a lambda with an index parameter)")
                .toSpark("SELECT transform(`t`.`arr`, `x` -> (`x` + 1)), transform(`t`.`arr`, (`x`, `i`) -> (`x` * `i`)) FROM `default`.`t` `t`")
                .refusedIn(Dialect.FLINK, "Not supported in flink: transform()");
        spark("SELECT transform(arr, x -> x + 1) FROM t")
                .toTrino("SELECT transform(\"t\".\"arr\", (\"x\") -> (\"x\" + 1)) FROM \"default\".\"t\" AS \"t\"");
    }

    @Test
    void filterAndAggregate()
    {
        spark("SELECT filter(arr, x -> x > 0), aggregate(arr, 0, (acc, x) -> acc + x) FROM t")
                .toDuckDb("SELECT list_filter(\"t\".\"arr\", (\"x\") -> (\"x\" > 0)), list_reduce(\"t\".\"arr\", (\"acc\", \"x\") -> (\"acc\" + \"x\"), 0) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT filter(\"t\".\"arr\", (\"x\") -> (\"x\" > 0)), reduce(\"t\".\"arr\", 0, (\"acc\", \"x\") -> (\"acc\" + \"x\"), __s -> __s) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT filter(`t`.`arr`, `x` -> (`x` > 0)), aggregate(`t`.`arr`, 0, (`acc`, `x`) -> (`acc` + `x`)) FROM `default`.`t` `t`")
                .refusedIn(Dialect.FLINK, "Not supported in flink: filter()");
    }

    @Test
    void containsAndJoin()
    {
        spark("SELECT array_contains(arr, 1), array_join(sarr, ',') FROM t")
                .toDuckDb("SELECT (CASE WHEN \"t\".\"arr\" IS NULL OR 1 IS NULL THEN NULL WHEN list_contains(\"t\".\"arr\", 1) THEN true WHEN len(list_filter(\"t\".\"arr\", __x -> __x IS NULL)) > 0 THEN NULL ELSE false END), (CASE WHEN \"t\".\"sarr\" IS NULL OR ',' IS NULL THEN NULL ELSE coalesce(array_to_string(\"t\".\"sarr\", ','), '') END) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT contains(\"t\".\"arr\", 1), array_join(\"t\".\"sarr\", ',') FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT array_contains(`t`.`arr`, 1), array_join(`t`.`sarr`, ',') FROM `default`.`t` `t`")
                .toFlink("SELECT (CASE WHEN `t`.`arr` IS NULL OR 1 IS NULL THEN CAST(NULL AS BOOLEAN) WHEN ARRAY_CONTAINS(`t`.`arr`, 1) THEN TRUE WHEN ARRAY_CONTAINS(`t`.`arr`, NULLIF(1, 1)) THEN CAST(NULL AS BOOLEAN) ELSE FALSE END), ARRAY_JOIN(`t`.`sarr`, ',') FROM `default`.`t` AS `t`");
        spark("SELECT array_join(arr, ',') FROM t")
                .refusedIn(Dialect.FLINK, "Not supported in flink: array_join() (an array of other than strings)");
    }

    @Test
    void lateralViewExplode()
    {
        spark("SELECT a, x FROM t LATERAL VIEW explode(arr) e AS x")
                .toDuckDb("SELECT \"t\".\"a\", \"e\".\"x\" FROM \"default\".\"t\" AS \"t\", UNNEST(\"t\".\"arr\") AS \"e\" (\"x\")")
                .toTrino("SELECT \"t\".\"a\", \"e\".\"x\" FROM \"default\".\"t\" AS \"t\", UNNEST(\"t\".\"arr\") AS \"e\" (\"x\")")
                .toSpark("SELECT `t`.`a`, `e`.`x` FROM `default`.`t` `t` LATERAL VIEW explode(`t`.`arr`) `e` AS `x`")
                .toFlink("SELECT `t`.`a`, `e`.`x` FROM `default`.`t` AS `t`, UNNEST(`t`.`arr`) AS `e` (`x`)");
    }

    @Test
    void lateralViewPosexplode()
    {
        spark("SELECT a, p, x FROM t LATERAL VIEW posexplode(arr) e AS p, x")
                .toDuckDb("SELECT \"t\".\"a\", \"e\".\"p\", \"e\".\"x\" FROM \"default\".\"t\" AS \"t\", LATERAL (SELECT \"$posexplode\".\"$ordinal\" - 1 AS \"p\", \"$posexplode\".\"x\" AS \"x\" FROM UNNEST(\"t\".\"arr\") WITH ORDINALITY AS \"$posexplode\" (\"x\", \"$ordinal\")) AS \"e\" (\"p\", \"x\")")
                .toTrino("SELECT \"t\".\"a\", \"e\".\"p\", \"e\".\"x\" FROM \"default\".\"t\" AS \"t\", LATERAL (SELECT \"$posexplode\".\"$ordinal\" - 1 AS \"p\", \"$posexplode\".\"x\" AS \"x\" FROM UNNEST(\"t\".\"arr\") WITH ORDINALITY AS \"$posexplode\" (\"x\", \"$ordinal\")) AS \"e\" (\"p\", \"x\")")
                .toSpark("SELECT `t`.`a`, `e`.`p`, `e`.`x` FROM `default`.`t` `t` LATERAL VIEW posexplode(`t`.`arr`) `e` AS `p`, `x`")
                .refusedIn(Dialect.FLINK, "Not supported in flink: posexplode() (Flink mixes up the columns of UNNEST WITH ORDINALITY in a lateral query)");
    }

    @Test
    void posexplodeAndInlineInASelectList()
    {
        // Spark plans a generator of several columns in a select list as a LATERAL VIEW; so does Sluice.
        spark("SELECT a, posexplode(arr) FROM t")
                .toSpark("SELECT `t`.`a`, `$generator`.`pos`, `$generator`.`col` FROM `default`.`t` `t` LATERAL VIEW posexplode(`t`.`arr`) `$generator`")
                .toDuckDb("SELECT \"t\".\"a\", \"$generator\".\"pos\", \"$generator\".\"col\" FROM \"default\".\"t\" AS \"t\", LATERAL (SELECT \"$posexplode\".\"$ordinal\" - 1 AS \"pos\", "
                        + "\"$posexplode\".\"col\" AS \"col\" FROM UNNEST(\"t\".\"arr\") WITH ORDINALITY AS \"$posexplode\" (\"col\", \"$ordinal\")) AS \"$generator\" (\"pos\", \"col\")")
                .toTrino("SELECT \"t\".\"a\", \"$generator\".\"pos\", \"$generator\".\"col\" FROM \"default\".\"t\" AS \"t\", LATERAL (SELECT \"$posexplode\".\"$ordinal\" - 1 AS \"pos\", "
                        + "\"$posexplode\".\"col\" AS \"col\" FROM UNNEST(\"t\".\"arr\") WITH ORDINALITY AS \"$posexplode\" (\"col\", \"$ordinal\")) AS \"$generator\" (\"pos\", \"col\")");
        spark("SELECT posexplode(array(10, 20))")
                .toSpark("SELECT `$generator`.`pos`, `$generator`.`col` FROM (SELECT 1) `$one` LATERAL VIEW posexplode(array(10, 20)) `$generator`")
                .toDuckDb("SELECT \"$generator\".\"pos\", \"$generator\".\"col\" FROM (SELECT 1) AS \"$one\", LATERAL (SELECT \"$posexplode\".\"$ordinal\" - 1 AS \"pos\", \"$posexplode\".\"col\" AS \"col\" FROM UNNEST([10, 20]) WITH ORDINALITY AS \"$posexplode\" (\"col\", \"$ordinal\")) AS \"$generator\" (\"pos\", \"col\")");
        spark("SELECT a, inline(array(struct(1, 'x'), struct(2, 'y'))) FROM t")
                .toSpark("SELECT `t`.`a`, `$generator`.`col1`, `$generator`.`col2` FROM `default`.`t` `t` LATERAL VIEW inline(array(struct(1, 'x'), struct(2, 'y'))) `$generator`")
                .toDuckDb("SELECT \"t\".\"a\", \"$generator\".\"col1\", \"$generator\".\"col2\" FROM \"default\".\"t\" AS \"t\", LATERAL (SELECT unnest(([struct_pack(\"col1\" := 1, \"col2\" := 'x'), struct_pack(\"col1\" := 2, \"col2\" := 'y')]), recursive := true)) AS \"$generator\"")
                .toTrino("SELECT \"t\".\"a\", \"$generator\".\"col1\", \"$generator\".\"col2\" FROM \"default\".\"t\" AS \"t\", UNNEST(ARRAY[CAST(ROW(1, 'x') AS ROW(\"col1\" INTEGER, \"col2\" VARCHAR)), CAST(ROW(2, 'y') AS ROW(\"col1\" INTEGER, \"col2\" VARCHAR))]) AS \"$generator\"");
        assertThatThrownBy(() -> Transpiler.parse("SELECT posexplode(arr) AS p FROM t", Dialect.SPARK))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR))
                .hasMessageContaining("posexplode in a select list gives several columns and takes no single alias");
        assertThatThrownBy(() -> Transpiler.parse("SELECT posexplode(arr), inline(arr) FROM t", Dialect.SPARK))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR))
                .hasMessageContaining("Only one generator is allowed in a select list, found inline after posexplode");
    }

    @Test
    void lateralViewOuter()
    {
        spark("SELECT a, x FROM t LATERAL VIEW OUTER explode(arr) e AS x")
                .toDuckDb("SELECT \"t\".\"a\", \"e\".\"x\" FROM \"default\".\"t\" AS \"t\" LEFT JOIN UNNEST(\"t\".\"arr\") AS \"e\" (\"x\") ON TRUE")
                .toTrino("SELECT \"t\".\"a\", \"e\".\"x\" FROM \"default\".\"t\" AS \"t\" LEFT JOIN UNNEST(\"t\".\"arr\") AS \"e\" (\"x\") ON TRUE")
                .toSpark("SELECT `t`.`a`, `e`.`x` FROM `default`.`t` `t` LATERAL VIEW OUTER explode(`t`.`arr`) `e` AS `x`")
                .toFlink("SELECT `t`.`a`, `e`.`x` FROM `default`.`t` AS `t` LEFT JOIN UNNEST(`t`.`arr`) AS `e` (`x`) ON TRUE");
    }

    @Test
    void lateralViewExplodeOfMap()
    {
        spark("SELECT k, v FROM t LATERAL VIEW explode(m) e AS k, v")
                .toDuckDb("SELECT \"e\".\"k\", \"e\".\"v\" FROM \"default\".\"t\" AS \"t\", LATERAL (SELECT unnest(map_keys(\"t\".\"m\")), unnest(map_values(\"t\".\"m\"))) AS \"e\" (\"k\", \"v\")")
                .toTrino("SELECT \"e\".\"k\", \"e\".\"v\" FROM \"default\".\"t\" AS \"t\", UNNEST(\"t\".\"m\") AS \"e\" (\"k\", \"v\")")
                .toSpark("SELECT `e`.`k`, `e`.`v` FROM `default`.`t` `t` LATERAL VIEW explode(`t`.`m`) `e` AS `k`, `v`")
                .toFlink("SELECT `e`.`k`, `e`.`v` FROM `default`.`t` AS `t`, UNNEST(`t`.`m`) AS `e` (`k`, `v`)");
    }

    /** Spark's generator in a select list: UNNEST where the engine has no generators. */
    @Test
    void explodeInTheSelectList()
    {
        spark("SELECT a, explode(arr) AS x FROM t ORDER BY a")
                .toTrino("SELECT \"t\".\"a\", \"$explode\".\"col\" AS \"x\" FROM \"default\".\"t\" AS \"t\" CROSS JOIN UNNEST(\"t\".\"arr\") AS \"$explode\" (\"col\") ORDER BY \"a\" NULLS FIRST")
                .toFlink("SELECT `t`.`a`, `$explode`.`col` AS `x` FROM `default`.`t` AS `t` CROSS JOIN UNNEST(`t`.`arr`) AS `$explode` (`col`) ORDER BY `a` NULLS FIRST");
        spark("SELECT explode(array(1, 2))")
                .toTrino("SELECT \"$explode\".\"col\" AS \"col\" FROM UNNEST(ARRAY[1, 2]) AS \"$explode\" (\"col\")")
                .toFlink("SELECT `$explode`.`col` AS `col` FROM UNNEST(ARRAY[1, 2]) AS `$explode` (`col`)");
        spark("SELECT explode(m) FROM t").refusedIn(Dialect.TRINO, "explode() of other than an array");
        spark("SELECT explode(arr), explode(sarr) FROM t").refusedIn(Dialect.FLINK, "more than one explode()");
    }
}
