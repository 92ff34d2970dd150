package io.sluice.dialects;

import org.junit.jupiter.api.Test;

import static io.sluice.dialects.testing.Transpilation.spark;

/** Statements and query shapes: joins, table functions, DDL, INSERT OVERWRITE, EXPLAIN. */
class TestTranspileStatements
{
    @Test
    void quotedIdentifiersAndLimit()
    {
        spark("SELECT `a`, b AS `the b` FROM t WHERE a IN (1, 2) ORDER BY a DESC LIMIT 3")
                .toDuckDb("SELECT \"t\".\"a\", \"t\".\"b\" AS \"the b\" FROM \"default\".\"t\" AS \"t\" WHERE \"t\".\"a\" IN (1, 2) ORDER BY \"a\" DESC NULLS LAST LIMIT 3")
                .toTrino("SELECT \"t\".\"a\", \"t\".\"b\" AS \"the b\" FROM \"default\".\"t\" AS \"t\" WHERE \"t\".\"a\" IN (1, 2) ORDER BY \"a\" DESC NULLS LAST FETCH NEXT 3 ROWS ONLY")
                .toSpark("SELECT `t`.`a`, `t`.`b` `the b` FROM `default`.`t` `t` WHERE `t`.`a` IN (1, 2) ORDER BY `a` DESC LIMIT 3")
                .toFlink("SELECT `t`.`a`, `t`.`b` AS `the b` FROM `default`.`t` AS `t` WHERE `t`.`a` IN (1, 2) ORDER BY `a` DESC NULLS LAST LIMIT 3");
    }

    @Test
    void leftSemiJoin()
    {
        spark("SELECT * FROM t t1 LEFT SEMI JOIN u ON t1.a = u.k")
                .toDuckDb("SELECT \"t1\".\"a\", \"t1\".\"b\", \"t1\".\"l\", \"t1\".\"d\", \"t1\".\"dc\", \"t1\".\"dt\", \"t1\".\"ts\", \"t1\".\"arr\", \"t1\".\"sarr\", \"t1\".\"m\", \"t1\".\"st\" FROM \"default\".\"t\" AS \"t1\" SEMI JOIN \"default\".\"u\" AS \"u\" ON \"t1\".\"a\" = \"u\".\"k\"")
                .toTrino("SELECT \"t1\".\"a\", \"t1\".\"b\", \"t1\".\"l\", \"t1\".\"d\", \"t1\".\"dc\", \"t1\".\"dt\", \"t1\".\"ts\", \"t1\".\"arr\", \"t1\".\"sarr\", \"t1\".\"m\", \"t1\".\"st\" FROM (SELECT * FROM \"default\".\"t\" AS \"t1\" WHERE EXISTS (SELECT 1 FROM \"default\".\"u\" AS \"u\" WHERE \"t1\".\"a\" = \"u\".\"k\")) AS \"t1\"")
                .toSpark("SELECT `t1`.`a`, `t1`.`b`, `t1`.`l`, `t1`.`d`, `t1`.`dc`, `t1`.`dt`, `t1`.`ts`, `t1`.`arr`, `t1`.`sarr`, `t1`.`m`, `t1`.`st` FROM `default`.`t` `t1` LEFT SEMI JOIN `default`.`u` `u` ON `t1`.`a` = `u`.`k`")
                .toFlink("SELECT `t1`.`a`, `t1`.`b`, `t1`.`l`, `t1`.`d`, `t1`.`dc`, `t1`.`dt`, `t1`.`ts`, `t1`.`arr`, `t1`.`sarr`, `t1`.`m`, `t1`.`st` FROM (SELECT * FROM `default`.`t` AS `t1` WHERE EXISTS (SELECT 1 FROM `default`.`u` AS `u` WHERE `t1`.`a` = `u`.`k`)) AS `t1`");
    }

    @Test
    void usingAndNaturalJoinsOnTrino()
    {
        // Trino does not let a USING column be qualified: written with ON; NATURAL is refused by name.
        spark("SELECT t1.a FROM t t1 JOIN t t2 USING (a, b)")
                .toTrino("SELECT \"t1\".\"a\" FROM \"default\".\"t\" AS \"t1\" INNER JOIN \"default\".\"t\" AS \"t2\" ON \"t1\".\"a\" = \"t2\".\"a\" AND \"t1\".\"b\" = \"t2\".\"b\"");
        spark("SELECT * FROM t t1 NATURAL JOIN t t2")
                .refusedIn(Dialect.TRINO, "Not supported in trino: NATURAL JOIN; name the columns with USING or ON");
    }

    @Test
    void leftAntiJoin()
    {
        spark("SELECT a FROM t LEFT ANTI JOIN u ON a = k")
                .toDuckDb("SELECT \"t\".\"a\" FROM \"default\".\"t\" AS \"t\" ANTI JOIN \"default\".\"u\" AS \"u\" ON \"t\".\"a\" = \"u\".\"k\"")
                .toTrino("SELECT \"t\".\"a\" FROM (SELECT * FROM \"default\".\"t\" AS \"t\" WHERE NOT EXISTS (SELECT 1 FROM \"default\".\"u\" AS \"u\" WHERE \"t\".\"a\" = \"u\".\"k\")) AS \"t\"")
                .toSpark("SELECT `t`.`a` FROM `default`.`t` `t` LEFT ANTI JOIN `default`.`u` `u` ON `t`.`a` = `u`.`k`")
                .toFlink("SELECT `t`.`a` FROM (SELECT * FROM `default`.`t` AS `t` WHERE NOT EXISTS (SELECT 1 FROM `default`.`u` AS `u` WHERE `t`.`a` = `u`.`k`)) AS `t`");
    }

    private static final String TEN = "(VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9))";

    @Test
    void rangeTableFunction()
    {
        spark("SELECT id FROM range(3)")
                .toDuckDb("SELECT \"EXPR$0\".\"id\" FROM ((SELECT range AS id FROM range(0, 3))) AS \"EXPR$0\"")
                .toTrino("SELECT \"EXPR$0\".\"id\" FROM ((SELECT id FROM UNNEST(sequence(CAST(0 AS BIGINT), CAST(3 AS BIGINT) - 1)) AS t(id))) AS \"EXPR$0\"")
                .toSpark("SELECT `EXPR$0`.`id` FROM range(3) `EXPR$0`")
                // Flink has no series function: one ten-row VALUES per decimal digit of the count.
                .toFlink("SELECT `EXPR$0`.`id` FROM (SELECT CAST(0 + 1 * n AS BIGINT) AS id FROM (SELECT d0.d AS n FROM %s AS d0(d)) AS digits WHERE n < 3) AS `EXPR$0`".formatted(TEN));
    }

    @Test
    void rangeWithStep()
    {
        spark("SELECT id FROM range(1, 10, 2)")
                .toDuckDb("SELECT \"EXPR$0\".\"id\" FROM ((SELECT range AS id FROM range(1, 10, 2))) AS \"EXPR$0\"")
                .toTrino("SELECT \"EXPR$0\".\"id\" FROM ((SELECT id FROM UNNEST(sequence(CAST(1 AS BIGINT), CAST(10 AS BIGINT) - 1, CAST(2 AS BIGINT))) AS t(id) WHERE id < 10)) AS \"EXPR$0\"")
                .toSpark("SELECT `EXPR$0`.`id` FROM range(1, 10, 2) `EXPR$0`")
                .toFlink("SELECT `EXPR$0`.`id` FROM (SELECT CAST(1 + 2 * n AS BIGINT) AS id FROM (SELECT d0.d AS n FROM %s AS d0(d)) AS digits WHERE n < 5) AS `EXPR$0`".formatted(TEN));
        spark("SELECT id FROM range(10, 0, -3)")
                .toFlink("SELECT `EXPR$0`.`id` FROM (SELECT CAST(10 + -3 * n AS BIGINT) AS id FROM (SELECT d0.d AS n FROM %s AS d0(d)) AS digits WHERE n < 4) AS `EXPR$0`".formatted(TEN));
        spark("SELECT id FROM range(1234)")
                .toFlink(("SELECT `EXPR$0`.`id` FROM (SELECT CAST(0 + 1 * n AS BIGINT) AS id FROM (SELECT d0.d + 10 * d1.d + 100 * d2.d + 1000 * d3.d AS n "
                        + "FROM %1$s AS d0(d), %1$s AS d1(d), %1$s AS d2(d), %1$s AS d3(d)) AS digits WHERE n < 1234) AS `EXPR$0`").formatted(TEN));
        spark("SELECT id FROM range(1, 10, 0)")
                .refusedIn(Dialect.FLINK, "Not supported in flink: range() (step 0)");
    }

    @Test
    void flinkTypesBareNulls()
    {
        spark("SELECT if(NULL, 1, 2), a > 0 AND NULL FROM t")
                .toFlink("SELECT (CASE WHEN CAST(NULL AS BOOLEAN) THEN 1 ELSE 2 END), `t`.`a` > 0 AND CAST(NULL AS BOOLEAN) FROM `default`.`t` AS `t`");
        spark("SELECT NULL AS nothing, concat('x', NULL), CASE WHEN a > 0 THEN NULL ELSE a END, coalesce(NULL, a) FROM t")
                .toFlink("SELECT CAST(NULL AS STRING) AS `nothing`, CONCAT('x', CAST(CAST(NULL AS STRING) AS STRING)), "
                        + "CASE WHEN `t`.`a` > 0 THEN CAST(NULL AS INTEGER) ELSE `t`.`a` END, coalesce(CAST(NULL AS INTEGER), `t`.`a`) FROM `default`.`t` AS `t`");
    }

    @Test
    void flinkTypesNullsInValues()
    {
        spark("SELECT * FROM VALUES (1, 'a'), (2, NULL), (NULL, NULL) AS v(id, name)")
                .toFlink("SELECT `v`.`id`, CAST(`v`.`name` AS STRING) AS `name` FROM (VALUES ROW(1, 'a'), ROW(2, CAST(NULL AS STRING)), ROW(CAST(NULL AS INTEGER), CAST(NULL AS STRING))) "
                        + "AS `v` (`id`, `name`)");
    }

    @Test
    void inlineValuesTable()
    {
        spark("SELECT * FROM VALUES (1, 'a'), (2, 'b') AS v(id, name)")
                .toDuckDb("SELECT \"v\".\"id\", \"v\".\"name\" FROM (VALUES (1, 'a'), (2, 'b')) AS \"v\" (\"id\", \"name\")")
                .toTrino("SELECT \"v\".\"id\", \"v\".\"name\" FROM (VALUES (1, 'a'), (2, 'b')) AS \"v\" (\"id\", \"name\")")
                .toSpark("SELECT `v`.`id`, `v`.`name` FROM (VALUES (1, 'a'), (2, 'b')) `v` (`id`, `name`)")
                .toFlink("SELECT `v`.`id`, CAST(`v`.`name` AS STRING) AS `name` FROM (VALUES ROW(1, 'a'), ROW(2, 'b')) AS `v` (`id`, `name`)");
    }

    @Test
    void commonTableExpression()
    {
        spark("WITH w AS (SELECT a FROM t) SELECT count(*) FROM w")
                .toDuckDb("WITH \"w\" AS (SELECT \"t\".\"a\" FROM \"default\".\"t\" AS \"t\") SELECT count(*) FROM \"w\" AS \"w\"")
                .toTrino("WITH \"w\" AS (SELECT \"t\".\"a\" FROM \"default\".\"t\" AS \"t\") SELECT count(*) FROM \"w\" AS \"w\"")
                .toSpark("WITH `w` AS (SELECT `t`.`a` FROM `default`.`t` `t`) SELECT count(*) FROM `w` `w`")
                .toFlink("WITH `w` AS (SELECT `t`.`a` FROM `default`.`t` AS `t`) SELECT count(*) FROM `w` AS `w`");
    }

    @Test
    void engineHintIsDropped()
    {
        spark("SELECT /*+ ENGINE(trino) */ a FROM t")
                .toDuckDb("SELECT \"t\".\"a\" FROM \"default\".\"t\" AS \"t\"")
                .toTrino("SELECT \"t\".\"a\" FROM \"default\".\"t\" AS \"t\"")
                .toSpark("SELECT `t`.`a` FROM `default`.`t` `t`")
                .toFlink("SELECT `t`.`a` FROM `default`.`t` AS `t`");
    }

    @Test
    void qualifiedTable()
    {
        spark("SELECT o.id FROM sales.orders o WHERE o.day > DATE '2020-01-01'")
                .toDuckDb("SELECT \"o\".\"id\" FROM \"sales\".\"orders\" AS \"o\" WHERE \"o\".\"day\" > DATE '2020-01-01'")
                .toTrino("SELECT \"o\".\"id\" FROM \"sales\".\"orders\" AS \"o\" WHERE \"o\".\"day\" > DATE '2020-01-01'")
                .toSpark("SELECT `o`.`id` FROM `sales`.`orders` `o` WHERE `o`.`day` > DATE '2020-01-01'")
                .toFlink("SELECT `o`.`id` FROM `sales`.`orders` AS `o` WHERE `o`.`day` > DATE '2020-01-01'");
    }

    @Test
    void createTableWithSparkTypes()
    {
        spark("CREATE TABLE x (c STRING, n DECIMAL(10, 2), f FLOAT, bin BINARY, arr ARRAY<INT>, m MAP<STRING, BIGINT>, s STRUCT<p: INT, q: STRING>) USING parquet")
                .toDuckDb("CREATE TABLE \"x\" (\"c\" VARCHAR, \"n\" DECIMAL(10, 2), \"f\" FLOAT, \"bin\" BLOB, \"arr\" INTEGER[], \"m\" MAP(VARCHAR, BIGINT), \"s\" STRUCT(\"p\" INTEGER, \"q\" VARCHAR))")
                .toTrino("CREATE TABLE \"x\" (\"c\" VARCHAR, \"n\" DECIMAL(10, 2), \"f\" REAL, \"bin\" VARBINARY, \"arr\" ARRAY(INTEGER), \"m\" MAP(VARCHAR, BIGINT), \"s\" ROW(\"p\" INTEGER, \"q\" VARCHAR))")
                .toSpark("CREATE TABLE `x` (`c` STRING, `n` DECIMAL(10, 2), `f` FLOAT, `bin` BINARY, `arr` ARRAY<INTEGER>, `m` MAP<STRING, BIGINT>, `s` STRUCT<`p`: INTEGER, `q`: STRING>) USING `parquet`")
                .toFlink("CREATE TABLE `x` (`c` STRING, `n` DECIMAL(10, 2), `f` FLOAT, `bin` BYTES, `arr` ARRAY<INTEGER>, `m` MAP<STRING, BIGINT>, `s` ROW<`p` INTEGER, `q` STRING>)");
    }

    /** Regression: Spark lost a table's format and partitioning (Superset's SHOW PARTITIONS found none). */
    @Test
    void createPartitionedTable()
    {
        spark("CREATE TABLE events (id INT, ds STRING) USING parquet PARTITIONED BY (ds)")
                .toSpark("CREATE TABLE `events` (`id` INTEGER, `ds` STRING) USING `parquet` PARTITIONED BY (`ds`)")
                .toDuckDb("CREATE TABLE \"events\" (\"id\" INTEGER, \"ds\" VARCHAR)")
                .toFlink("CREATE TABLE `events` (`id` INTEGER, `ds` STRING)");
        // A lakehouse table keeps its partitions in Iceberg's spec, in each engine's words.
        spark("CREATE TABLE lakehouse.sales.events (id INT, ds STRING, region STRING) PARTITIONED BY (ds, region)")
                .toTrino("CREATE TABLE \"lakehouse\".\"sales\".\"events\" (\"id\" INTEGER, \"ds\" VARCHAR, \"region\" VARCHAR) WITH (partitioning = ARRAY['ds', 'region'])")
                .toFlink("CREATE TABLE `lakehouse`.`sales`.`events` (`id` INTEGER, `ds` STRING, `region` STRING) PARTITIONED BY (`ds`, `region`)");
        spark("CREATE TABLE lakehouse.sales.daily PARTITIONED BY (ds) AS SELECT a AS ds, b FROM t")
                .toTrino("CREATE TABLE \"lakehouse\".\"sales\".\"daily\" WITH (partitioning = ARRAY['ds']) AS SELECT \"t\".\"a\" AS \"ds\", \"t\".\"b\" FROM \"default\".\"t\" AS \"t\"");
    }

    @Test
    void createTableAsSelect()
    {
        spark("CREATE TABLE y AS SELECT a, b FROM t")
                .toDuckDb("CREATE TABLE \"y\" AS SELECT \"t\".\"a\", \"t\".\"b\" FROM \"default\".\"t\" AS \"t\"")
                .toTrino("CREATE TABLE \"y\" AS SELECT \"t\".\"a\", \"t\".\"b\" FROM \"default\".\"t\" AS \"t\"")
                .toSpark("CREATE TABLE `y` AS SELECT `t`.`a`, `t`.`b` FROM `default`.`t` `t`")
                .toFlink("CREATE TABLE `y` AS SELECT `t`.`a`, `t`.`b` FROM `default`.`t` AS `t`");
    }

    @Test
    void temporaryView()
    {
        spark("CREATE TEMPORARY VIEW v AS SELECT a FROM t")
                .toDuckDb("CREATE TEMPORARY VIEW \"v\" AS SELECT \"t\".\"a\" FROM \"default\".\"t\" AS \"t\"")
                .refusedIn(Dialect.TRINO, "Not supported in trino: temporary views")
                .toSpark("CREATE TEMPORARY VIEW `v` AS SELECT `t`.`a` FROM `default`.`t` `t`")
                .toFlink("CREATE TEMPORARY VIEW `v` AS SELECT `t`.`a` FROM `default`.`t` AS `t`");
    }

    @Test
    void insertInto()
    {
        spark("INSERT INTO u SELECT a, b FROM t")
                .toDuckDb("INSERT INTO \"u\" SELECT \"t\".\"a\", \"t\".\"b\" FROM \"default\".\"t\" AS \"t\"")
                .toTrino("INSERT INTO \"u\" SELECT \"t\".\"a\", \"t\".\"b\" FROM \"default\".\"t\" AS \"t\"")
                .toSpark("INSERT INTO `u` SELECT `t`.`a`, `t`.`b` FROM `default`.`t` `t`")
                .toFlink("INSERT INTO `u` SELECT `t`.`a`, `t`.`b` FROM `default`.`t` AS `t`");
    }

    @Test
    void insertOverwrite()
    {
        spark("INSERT OVERWRITE TABLE u SELECT a, b FROM t")
                .matchesIn(Dialect.DUCKDB, "BEGIN TRANSACTION; CREATE TEMPORARY TABLE \"(__sluice_overwrite_[0-9a-f]{32})\" AS SELECT \"t\".\"a\", \"t\".\"b\" "
                        + "FROM \"default\".\"t\" AS \"t\"; DELETE FROM \"u\"; INSERT INTO \"u\" SELECT \\* FROM \"\\1\"; DROP TABLE \"\\1\"; COMMIT")
                .refusedIn(Dialect.TRINO, "Not supported in trino: INSERT OVERWRITE")
                .toSpark("INSERT OVERWRITE TABLE `u` SELECT `t`.`a`, `t`.`b` FROM `default`.`t` `t`")
                .toFlink("INSERT OVERWRITE `u` SELECT `t`.`a`, `t`.`b` FROM `default`.`t` AS `t`");
    }

    @Test
    void dropTable()
    {
        spark("DROP TABLE IF EXISTS u")
                .toDuckDb("DROP TABLE IF EXISTS \"u\"")
                .toTrino("DROP TABLE IF EXISTS \"u\"")
                .toSpark("DROP TABLE IF EXISTS `u`")
                .toFlink("DROP TABLE IF EXISTS `u`");
    }

    @Test
    void externalTableOptionsAreRefused()
    {
        spark("CREATE TABLE z (c STRING) USING parquet OPTIONS (path '/tmp/z')")
                .refusedIn(Dialect.DUCKDB, "Not supported in duckdb: CREATE TABLE with OPTIONS (tables over external files come with the lakehouse catalog)")
                .refusedIn(Dialect.TRINO, "Not supported in trino: CREATE TABLE with OPTIONS (tables over external files come with the lakehouse catalog)")
                .refusedIn(Dialect.SPARK, "Not supported in spark: CREATE TABLE with OPTIONS (tables over external files come with the lakehouse catalog)")
                .refusedIn(Dialect.FLINK, "Not supported in flink: CREATE TABLE with OPTIONS (tables over external files come with the lakehouse catalog)");
    }

    @Test
    void explain()
    {
        spark("EXPLAIN SELECT a FROM t")
                .toDuckDb("EXPLAIN SELECT \"t\".\"a\" FROM \"default\".\"t\" AS \"t\"")
                .toTrino("EXPLAIN SELECT \"t\".\"a\" FROM \"default\".\"t\" AS \"t\"")
                .toSpark("EXPLAIN SELECT `t`.`a` FROM `default`.`t` `t`")
                .toFlink("EXPLAIN SELECT `t`.`a` FROM `default`.`t` AS `t`");
    }
}
