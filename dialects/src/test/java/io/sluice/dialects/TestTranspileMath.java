package io.sluice.dialects;

import org.junit.jupiter.api.Test;

import static io.sluice.dialects.testing.Transpilation.spark;

/** Arithmetic and numeric functions: fractional division, DIV, decimal precision, truncating casts. */
class TestTranspileMath
{
    @Test
    void divisionIsFractionalAndDivTruncates()
    {
        spark("SELECT a / 2, a DIV 2, a % 3 FROM t")
                .toDuckDb("SELECT ((CAST(\"t\".\"a\" AS DOUBLE) / 2)), CAST(\"t\".\"a\" // 2 AS BIGINT), ((\"t\".\"a\" % 3)) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT ((CAST(\"t\".\"a\" AS DOUBLE) / 2)), CAST(\"t\".\"a\" / 2 AS BIGINT), mod(\"t\".\"a\", 3) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT ((`t`.`a` / 2)), ((`t`.`a` DIV 2)), ((`t`.`a` % 3)) FROM `default`.`t` `t`")
                .toFlink("SELECT ((CAST(`t`.`a` AS DOUBLE) / 2)), CAST(`t`.`a` / 2 AS BIGINT), MOD(`t`.`a`, 3) FROM `default`.`t` AS `t`");
    }

    @Test
    void integerOverflowFailsOnFlinkAsInSpark()
    {
        // Flink wraps around; computed wider, a result out of range fails the query instead. Doubles are not checked.
        spark("SELECT a * 2, a + d FROM t")
                .toFlink("SELECT (CASE WHEN (CAST(`t`.`a` AS BIGINT) * CAST(2 AS BIGINT)) NOT BETWEEN -2147483648 AND 2147483647 "
                        + "THEN CAST('[ARITHMETIC_OVERFLOW] integer overflow: ' || CAST((CAST(`t`.`a` AS BIGINT) * CAST(2 AS BIGINT)) AS STRING) AS INT) "
                        + "ELSE (`t`.`a` * 2) END), `t`.`a` + `t`.`d` FROM `default`.`t` AS `t`");
        // A tree of integer operations is checked once, at its result: its size grows linearly, not with its depth.
        spark("SELECT a * 3 - a FROM t")
                .toFlink("SELECT (CASE WHEN ((CAST(`t`.`a` AS BIGINT) * CAST(3 AS BIGINT)) - CAST(`t`.`a` AS BIGINT)) NOT BETWEEN -2147483648 AND 2147483647 "
                        + "THEN CAST('[ARITHMETIC_OVERFLOW] integer overflow: ' || CAST(((CAST(`t`.`a` AS BIGINT) * CAST(3 AS BIGINT)) - CAST(`t`.`a` AS BIGINT)) AS STRING) AS INT) "
                        + "ELSE (`t`.`a` * 3 - `t`.`a`) END) FROM `default`.`t` AS `t`");
    }

    @Test
    void decimalDivisionKeepsSparkPrecision()
    {
        spark("SELECT dc / 3, d / a FROM t")
                .toDuckDb("SELECT CAST(CAST(\"t\".\"dc\" AS DOUBLE) / 3 AS DECIMAL(14, 6)), ((CAST(\"t\".\"d\" AS DOUBLE) / CASE WHEN \"t\".\"a\" = 0 AND \"t\".\"d\" IS NOT NULL THEN error('[DIVIDE_BY_ZERO] Division by zero') ELSE \"t\".\"a\" END)) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT CAST(CAST(\"t\".\"dc\" AS DOUBLE) / 3 AS DECIMAL(14, 6)), ((CAST(\"t\".\"d\" AS DOUBLE) / CASE WHEN \"t\".\"a\" = 0 AND \"t\".\"d\" IS NOT NULL THEN fail('[DIVIDE_BY_ZERO] Division by zero') ELSE \"t\".\"a\" END)) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT ((`t`.`dc` / 3)), ((`t`.`d` / `t`.`a`)) FROM `default`.`t` `t`")
                .toFlink("SELECT CAST(CAST(`t`.`dc` AS DOUBLE) / 3 AS DECIMAL(14, 6)), ((CAST(`t`.`d` AS DOUBLE) / CASE WHEN `t`.`a` = 0 AND `t`.`d` IS NOT NULL "
                        + "THEN CAST('[DIVIDE_BY_ZERO] Division by zero: ' || CAST(`t`.`d` AS STRING) || ' / 0' AS INT) ELSE `t`.`a` END)) FROM `default`.`t` AS `t`");
    }

    @Test
    void pmodRoundBround()
    {
        spark("SELECT pmod(a, 3), round(d, 1), bround(d, 1) FROM t")
                .toDuckDb("SELECT (CASE WHEN \"t\".\"a\" % 3 < 0 THEN (\"t\".\"a\" % 3 + 3) % 3 ELSE \"t\".\"a\" % 3 END), round(\"t\".\"d\", 1), round_even(\"t\".\"d\", 1) FROM \"default\".\"t\" AS \"t\"")
                .refusedIn(Dialect.TRINO, "Not supported in trino: bround()")
                .toSpark("SELECT pmod(`t`.`a`, 3), round(`t`.`d`, 1), bround(`t`.`d`, 1) FROM `default`.`t` `t`")
                .refusedIn(Dialect.FLINK, "Not supported in flink: bround()");
        // Half-even on Trino by hand, for exact numbers: a tie goes to the even neighbour.
        spark("SELECT bround(2.345, 2), bround(a) FROM t")
                .toTrino("SELECT (CASE WHEN abs((2.345 * 100) - truncate((2.345 * 100))) = 0.5 THEN (truncate((2.345 * 100)) + CASE WHEN truncate((2.345 * 100)) % 2 = 0 "
                        + "THEN 0 ELSE sign((2.345 * 100)) END) / 100.00 ELSE round(2.345, 2) END), (\"t\".\"a\") FROM \"default\".\"t\" AS \"t\"");
        spark("SELECT pmod(a, 3) FROM t")
                .toFlink("SELECT (CASE WHEN MOD(`t`.`a`, 3) < 0 THEN MOD(MOD(`t`.`a`, 3) + 3, 3) ELSE MOD(`t`.`a`, 3) END) FROM `default`.`t` AS `t`");
    }

    @Test
    void castToIntegerTruncates()
    {
        spark("SELECT CAST(d AS INT), CAST(dc AS BIGINT), CAST(a AS STRING) FROM t")
                .toDuckDb("SELECT CAST(trunc(\"t\".\"d\") AS INTEGER), CAST(trunc(\"t\".\"dc\") AS BIGINT), CAST(\"t\".\"a\" AS VARCHAR) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT CAST(truncate(\"t\".\"d\") AS INTEGER), CAST(truncate(\"t\".\"dc\") AS BIGINT), CAST(\"t\".\"a\" AS VARCHAR) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT CAST(`t`.`d` AS INTEGER), CAST(`t`.`dc` AS BIGINT), CAST(`t`.`a` AS STRING) FROM `default`.`t` `t`")
                .toFlink("SELECT (CASE WHEN `t`.`d` <= -2147483649 OR `t`.`d` >= 2147483648 THEN CAST(CAST('[CAST_OVERFLOW] The value ' || CAST(`t`.`d` AS STRING) "
                        + "|| ' cannot be cast to INTEGER due to an overflow.' AS INT) AS INTEGER) ELSE CAST(`t`.`d` AS INTEGER) END), CAST(`t`.`dc` AS BIGINT), "
                        + "CAST(`t`.`a` AS STRING) FROM `default`.`t` AS `t`");
    }

    @Test
    void castOfDoubleToStringIsRefused()
    {
        spark("SELECT CAST(d AS STRING) FROM t")
                .refusedIn(Dialect.DUCKDB, "Not supported in duckdb: cast() (casting a floating-point number to a string: engines write numbers differently from Spark)")
                .refusedIn(Dialect.TRINO, "Not supported in trino: cast() (casting a floating-point number to a string: engines write numbers differently from Spark)")
                .toSpark("SELECT CAST(`t`.`d` AS STRING) FROM `default`.`t` `t`")
                .refusedIn(Dialect.FLINK, "Not supported in flink: cast() (casting a floating-point number to a string: engines write numbers differently from Spark)");
    }

    @Test
    void bitwiseOperators()
    {
        spark("SELECT a ^ 3, ~a, a & 6 FROM t")
                .toDuckDb("SELECT xor(\"t\".\"a\", 3), (~\"t\".\"a\"), ((\"t\".\"a\" & 6)) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT bitwise_xor(\"t\".\"a\", 3), bitwise_not(\"t\".\"a\"), bitwise_and(\"t\".\"a\", 6) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT ((`t`.`a` ^ 3)), (~`t`.`a`), ((`t`.`a` & 6)) FROM `default`.`t` `t`")
                .refusedIn(Dialect.FLINK, "Not supported in flink: operator ^");
    }

    @Test
    void comparisonOperators()
    {
        spark("SELECT a <=> NULL, a == 1, a != 2 FROM t")
                .toDuckDb("SELECT \"t\".\"a\" IS NOT DISTINCT FROM NULL, \"t\".\"a\" = 1, \"t\".\"a\" <> 2 FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT \"t\".\"a\" IS NOT DISTINCT FROM NULL, \"t\".\"a\" = 1, \"t\".\"a\" <> 2 FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT `t`.`a` IS NOT DISTINCT FROM NULL, `t`.`a` = 1, `t`.`a` <> 2 FROM `default`.`t` `t`")
                .toFlink("SELECT `t`.`a` IS NOT DISTINCT FROM CAST(NULL AS INTEGER), `t`.`a` = 1, `t`.`a` <> 2 FROM `default`.`t` AS `t`");
    }

    @Test
    void logarithmsAndGreatest()
    {
        spark("SELECT ln(d), log(2, d), greatest(a, 1, NULL) FROM t")
                .toDuckDb("SELECT (CASE WHEN \"t\".\"d\" <= 0 THEN NULL ELSE ln(\"t\".\"d\") END), (CASE WHEN 2 <= 0 OR \"t\".\"d\" <= 0 THEN NULL ELSE ln(\"t\".\"d\") / ln(2) END), greatest(\"t\".\"a\", 1, NULL) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT (CASE WHEN \"t\".\"d\" <= 0 THEN NULL ELSE ln(\"t\".\"d\") END), (CASE WHEN 2 <= 0 OR \"t\".\"d\" <= 0 THEN NULL ELSE ln(\"t\".\"d\") / ln(2) END), greatest(coalesce(\"t\".\"a\", \"t\".\"a\", 1, NULL), coalesce(1, \"t\".\"a\", 1, NULL), coalesce(NULL, \"t\".\"a\", 1, NULL)) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT ln(`t`.`d`), log(2, `t`.`d`), greatest(`t`.`a`, 1, NULL) FROM `default`.`t` `t`")
                .toFlink("SELECT (CASE WHEN `t`.`d` <= 0 THEN CAST(NULL AS DOUBLE) ELSE LN(`t`.`d`) END), (CASE WHEN 2 <= 0 OR `t`.`d` <= 0 THEN CAST(NULL AS DOUBLE) "
                        + "ELSE LN(`t`.`d`) / LN(2) END), GREATEST(coalesce(`t`.`a`, `t`.`a`, 1, CAST(NULL AS INTEGER)), coalesce(1, `t`.`a`, 1, CAST(NULL AS INTEGER)), "
                        + "coalesce(CAST(NULL AS INTEGER), `t`.`a`, 1, CAST(NULL AS INTEGER))) FROM `default`.`t` AS `t`");
    }

    @Test
    void conditionals()
    {
        spark("SELECT if(a > 0, 'p', 'n'), nvl(b, 'x'), nvl2(b, 1, 2) FROM t")
                .toDuckDb("SELECT (CASE WHEN (\"t\".\"a\" > 0) THEN 'p' ELSE 'n' END), coalesce(\"t\".\"b\", 'x'), (CASE WHEN \"t\".\"b\" IS NOT NULL THEN 1 ELSE 2 END) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT (CASE WHEN (\"t\".\"a\" > 0) THEN 'p' ELSE 'n' END), coalesce(\"t\".\"b\", 'x'), (CASE WHEN \"t\".\"b\" IS NOT NULL THEN 1 ELSE 2 END) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT if((`t`.`a` > 0), 'p', 'n'), nvl(`t`.`b`, 'x'), nvl2(`t`.`b`, 1, 2) FROM `default`.`t` `t`")
                .toFlink("SELECT CAST((CASE WHEN (`t`.`a` > 0) THEN 'p' ELSE 'n' END) AS STRING), coalesce(`t`.`b`, 'x'), (CASE WHEN `t`.`b` IS NOT NULL THEN 1 ELSE 2 END) FROM `default`.`t` AS `t`");
    }

    @Test
    void bitwiseOrAndDecode()
    {
        // | binds looser than + and &, as in Spark: (a + 1) | (a & 2).
        spark("SELECT a + 1 | a & 2 AS o FROM t")
                .toDuckDb("SELECT (((\"t\".\"a\" + 1) | ((\"t\".\"a\" & 2)))) AS \"o\" FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT bitwise_or((\"t\".\"a\" + 1), bitwise_and(\"t\".\"a\", 2)) AS \"o\" FROM \"default\".\"t\" AS \"t\"")
                .refusedIn(Dialect.FLINK, "Not supported in flink: operator");
        spark("SELECT decode(a, 1, 'one', NULL, 'none', 'other') AS d FROM t")
                .toDuckDb("SELECT (CASE WHEN \"t\".\"a\" IS NOT DISTINCT FROM 1 THEN 'one' WHEN \"t\".\"a\" IS NOT DISTINCT FROM NULL THEN 'none' ELSE 'other' END) AS \"d\" FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT decode(`t`.`a`, 1, 'one', NULL, 'none', 'other') `d` FROM `default`.`t` `t`");
        spark("SELECT decode(a, 1, 'one') AS d FROM t")
                .toTrino("SELECT (CASE WHEN \"t\".\"a\" IS NOT DISTINCT FROM 1 THEN 'one' END) AS \"d\" FROM \"default\".\"t\" AS \"t\"");
        spark("SELECT decode(CAST('abc' AS BINARY), 'UTF-8') AS d")
                .toTrino("SELECT from_utf8(CAST('abc' AS VARBINARY)) AS \"d\"");
        spark("SELECT decode(CAST('abc' AS BINARY), 'latin1') AS d")
                .refusedIn(Dialect.DUCKDB, "the charset latin1 (UTF-8 only)");
    }

    /** Regression: a negative argument after a minus sign wrote "--5", which ends the statement in a comment. */
    @Test
    void negatedNegativeArgumentsStayExpressions()
    {
        spark("SELECT negative(-5), positive(-5), date_sub(dt, -2) FROM t")
                .toDuckDb("SELECT ((-(-5))), ((+(-5))), ((CAST(\"t\".\"dt\" AS DATE) - CAST(-2 AS INTEGER))) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT ((-(-5))), ((+(-5))), date_add('day', -(-2), CAST(\"t\".\"dt\" AS DATE)) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT negative(-5), positive(-5), date_sub(`t`.`dt`, -2) FROM `default`.`t` `t`")
                .toFlink("SELECT ((-(-5))), ((+(-5))), CAST(TIMESTAMPADD(DAY, -(-2), CAST(`t`.`dt` AS DATE)) AS DATE) FROM `default`.`t` AS `t`");
    }
}
