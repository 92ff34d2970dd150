package io.sluice.dialects;

import org.junit.jupiter.api.Test;

import static io.sluice.dialects.testing.Transpilation.from;

/** Input dialects other than Spark: their division and subscript semantics, and the functions they read. */
class TestTranspileInputDialects
{
    @Test
    void trinoInputDividesIntegersAndCountsFromOne()
    {
        from(Dialect.TRINO, "SELECT a / 2, arr[1], \"b\" FROM t")
                .toDuckDb("SELECT CAST(\"t\".\"a\" // 2 AS BIGINT), (\"t\".\"arr\"[1]), \"t\".\"b\" FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT ((\"t\".\"a\" / 2)), (\"t\".\"arr\"[1]), \"t\".\"b\" FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT ((`t`.`a` DIV 2)), (`t`.`arr`[1 - 1]), `t`.`b` FROM `default`.`t` `t`")
                .toFlink("SELECT CAST(`t`.`a` / 2 AS BIGINT), (`t`.`arr`[1]), `t`.`b` FROM `default`.`t` AS `t`");
    }

    @Test
    void duckDbInputCountsFromOne()
    {
        from(Dialect.DUCKDB, "SELECT a / 2, arr[1] FROM t")
                .toDuckDb("SELECT ((\"t\".\"a\" / 2)), (\"t\".\"arr\"[1]) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT ((CAST(\"t\".\"a\" AS DOUBLE) / 2)), (\"t\".\"arr\"[1]) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT ((`t`.`a` / 2)), (`t`.`arr`[1 - 1]) FROM `default`.`t` `t`")
                .toFlink("SELECT ((CAST(`t`.`a` AS DOUBLE) / 2)), (`t`.`arr`[1]) FROM `default`.`t` AS `t`");
    }

    @Test
    void hiveInputReadsLikeSpark()
    {
        from(Dialect.HIVE, "SELECT `a`, concat(b, 'x') FROM t")
                .toDuckDb("SELECT \"t\".\"a\", ((\"t\".\"b\" || 'x')) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT \"t\".\"a\", concat(\"t\".\"b\", 'x') FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT `t`.`a`, concat(`t`.`b`, 'x') FROM `default`.`t` `t`")
                .toFlink("SELECT `t`.`a`, CONCAT(`t`.`b`, 'x') FROM `default`.`t` AS `t`");
    }

    @Test
    void flinkInputDividesIntegers()
    {
        from(Dialect.FLINK, "SELECT `a` / 2 FROM t")
                .toDuckDb("SELECT CAST(\"t\".\"a\" // 2 AS BIGINT) FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT CAST(\"t\".\"a\" / 2 AS BIGINT) FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT ((`t`.`a` DIV 2)) FROM `default`.`t` `t`")
                .toFlink("SELECT ((`t`.`a` / 2)) FROM `default`.`t` AS `t`");
    }

    @Test
    void trinoInputStandardFunctions()
    {
        from(Dialect.TRINO, "SELECT upper(b), count(*) FROM t GROUP BY upper(b)")
                .toDuckDb("SELECT upper(\"t\".\"b\"), count(*) FROM \"default\".\"t\" AS \"t\" GROUP BY upper(\"t\".\"b\")")
                .toTrino("SELECT upper(\"t\".\"b\"), count(*) FROM \"default\".\"t\" AS \"t\" GROUP BY upper(\"t\".\"b\")")
                .toSpark("SELECT upper(`t`.`b`), count(*) FROM `default`.`t` `t` GROUP BY upper(`t`.`b`)")
                .toFlink("SELECT UPPER(`t`.`b`), count(*) FROM `default`.`t` AS `t` GROUP BY UPPER(`t`.`b`)");
    }

    @Test
    void trinoInputDoesNotReadSparkOnlyFunctions()
    {
        from(Dialect.TRINO, "SELECT date_add(dt, 1) FROM t")
                .refusedIn(Dialect.DUCKDB, "Function date_add is not supported in trino input: Sluice reads it with Spark's meaning only")
                .refusedIn(Dialect.TRINO, "Function date_add is not supported in trino input: Sluice reads it with Spark's meaning only")
                .refusedIn(Dialect.SPARK, "Function date_add is not supported in trino input: Sluice reads it with Spark's meaning only")
                .refusedIn(Dialect.FLINK, "Function date_add is not supported in trino input: Sluice reads it with Spark's meaning only");
    }
}
