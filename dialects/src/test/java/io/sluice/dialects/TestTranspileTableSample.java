package io.sluice.dialects;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.junit.jupiter.api.Test;

import static io.sluice.dialects.testing.Transpilation.spark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spark's {@code TABLESAMPLE (n PERCENT | n ROWS | BUCKET x OUT OF y) [REPEATABLE (seed)]} on each engine. */
class TestTranspileTableSample
{
    @Test
    void percent()
    {
        spark("SELECT id FROM sales.orders TABLESAMPLE (10 PERCENT)")
                .toSpark("SELECT `orders`.`id` FROM `sales`.`orders` TABLESAMPLE (10 PERCENT) `orders`")
                .toTrino("SELECT \"orders\".\"id\" FROM (SELECT * FROM \"sales\".\"orders\" TABLESAMPLE BERNOULLI (10)) AS \"orders\"")
                .toDuckDb("SELECT \"orders\".\"id\" FROM (SELECT * FROM \"sales\".\"orders\" USING SAMPLE 10 PERCENT (bernoulli)) AS \"orders\"")
                .refusedIn(Dialect.FLINK, "Not supported in flink: TABLESAMPLE (n PERCENT)");
        // Spark's order: the sample, then the alias.
        spark("SELECT o.id FROM sales.orders TABLESAMPLE (12.5 PERCENT) REPEATABLE (7) AS o WHERE o.id > 1")
                .toSpark("SELECT `o`.`id` FROM `sales`.`orders` TABLESAMPLE (12.5 PERCENT) REPEATABLE (7) `o` WHERE `o`.`id` > CAST(1 AS BIGINT)")
                .toDuckDb("SELECT \"o\".\"id\" FROM (SELECT * FROM \"sales\".\"orders\" USING SAMPLE 12.5 PERCENT (bernoulli, 7)) AS \"o\" WHERE \"o\".\"id\" > CAST(1 AS BIGINT)")
                .refusedIn(Dialect.TRINO, "Not supported in trino: TABLESAMPLE ... REPEATABLE (Trino's samples take no seed)");
    }

    @Test
    void bucketIsItsFraction()
    {
        spark("SELECT id FROM sales.orders TABLESAMPLE (BUCKET 1 OUT OF 4) o")
                .toSpark("SELECT `o`.`id` FROM `sales`.`orders` TABLESAMPLE (25 PERCENT) `o`")
                .toTrino("SELECT \"o\".\"id\" FROM (SELECT * FROM \"sales\".\"orders\" TABLESAMPLE BERNOULLI (25)) AS \"o\"");
    }

    @Test
    void rowsAreALimit()
    {
        spark("SELECT count(*) FROM sales.orders TABLESAMPLE (5 ROWS)")
                .toSpark("SELECT count(*) FROM `sales`.`orders` TABLESAMPLE (5 ROWS) `orders`")
                .toTrino("SELECT count(*) FROM (SELECT * FROM \"sales\".\"orders\" LIMIT 5) AS \"orders\"")
                .toDuckDb("SELECT count(*) FROM (SELECT * FROM \"sales\".\"orders\" LIMIT 5) AS \"orders\"")
                .toFlink("SELECT count(*) FROM (SELECT * FROM `sales`.`orders` LIMIT 5) AS `orders`");
    }

    @Test
    void aSampleOfAJoinedTableKeepsItsName()
    {
        spark("SELECT o.id, u.k FROM sales.orders TABLESAMPLE (50 PERCENT) o JOIN u TABLESAMPLE (2 ROWS) ON o.id = u.k")
                .toSpark("SELECT `o`.`id`, `u`.`k` FROM `sales`.`orders` TABLESAMPLE (50 PERCENT) `o` INNER JOIN `default`.`u` TABLESAMPLE (2 ROWS) `u` ON `o`.`id` = CAST(`u`.`k` AS BIGINT)")
                .toDuckDb("SELECT \"o\".\"id\", \"u\".\"k\" FROM (SELECT * FROM \"sales\".\"orders\" USING SAMPLE 50 PERCENT (bernoulli)) AS \"o\" "
                        + "INNER JOIN (SELECT * FROM \"default\".\"u\" LIMIT 2) AS \"u\" ON \"o\".\"id\" = CAST(\"u\".\"k\" AS BIGINT)");
    }

    @Test
    void aSampleOfAnOlderVersion()
    {
        spark("SELECT id FROM sales.orders VERSION AS OF 42 TABLESAMPLE (10 PERCENT)")
                .toSpark("SELECT `orders`.`id` FROM `sales`.`orders` VERSION AS OF 42 TABLESAMPLE (10 PERCENT) `orders`")
                .toTrino("SELECT \"orders\".\"id\" FROM (SELECT * FROM \"sales\".\"orders\" FOR VERSION AS OF 42 TABLESAMPLE BERNOULLI (10)) AS \"orders\"")
                .toDuckDb("SELECT \"orders\".\"id\" FROM (SELECT * FROM (SELECT * FROM read_parquet('orders-version-42.parquet')) USING SAMPLE 10 PERCENT (bernoulli)) AS \"orders\"");
    }

    @Test
    void badSamplesNameWhatIsWrong()
    {
        assertThatThrownBy(() -> Transpiler.parse("SELECT * FROM u TABLESAMPLE (150 PERCENT)", Dialect.SPARK))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR))
                .hasMessageContaining("TABLESAMPLE takes a percentage from 0 to 100, not 150");
        assertThatThrownBy(() -> Transpiler.parse("SELECT * FROM u TABLESAMPLE (BUCKET 5 OUT OF 4)", Dialect.SPARK))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR))
                .hasMessageContaining("0 <= x <= y");
        assertThatThrownBy(() -> Transpiler.parse("SELECT * FROM u TABLESAMPLE (2.5 ROWS)", Dialect.SPARK))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR))
                .hasMessageContaining("whole number of rows");
        // BUCKET stays a name.
        spark("SELECT bucket.k FROM u bucket")
                .toSpark("SELECT `bucket`.`k` FROM `default`.`u` `bucket`");
    }
}
