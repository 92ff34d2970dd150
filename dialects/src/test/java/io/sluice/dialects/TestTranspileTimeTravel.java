package io.sluice.dialects;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.junit.jupiter.api.Test;

import static io.sluice.dialects.testing.Transpilation.spark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spark's time travel, {@code t VERSION AS OF n} and {@code t TIMESTAMP AS OF 'ts'}, on each engine. */
class TestTranspileTimeTravel
{
    @Test
    void versionAsOf()
    {
        spark("SELECT id FROM sales.orders VERSION AS OF 42")
                .toSpark("SELECT `orders`.`id` FROM `sales`.`orders` VERSION AS OF 42 `orders`")
                .toTrino("SELECT \"orders\".\"id\" FROM \"sales\".\"orders\" FOR VERSION AS OF 42 AS \"orders\"")
                .toDuckDb("SELECT \"orders\".\"id\" FROM (SELECT * FROM read_parquet('orders-version-42.parquet')) AS \"orders\"")
                .toFlink("SELECT `orders`.`id` FROM `sales`.`orders` /*+ OPTIONS('snapshot-id'='42') */ AS `orders`");
        spark("SELECT o.id FROM sales.orders VERSION AS OF 'audit-tag' AS o WHERE o.id > 1")
                .toSpark("SELECT `o`.`id` FROM `sales`.`orders` VERSION AS OF 'audit-tag' `o` WHERE `o`.`id` > CAST(1 AS BIGINT)")
                .toTrino("SELECT \"o\".\"id\" FROM \"sales\".\"orders\" FOR VERSION AS OF 'audit-tag' AS \"o\" WHERE \"o\".\"id\" > CAST(1 AS BIGINT)")
                .toDuckDb("SELECT \"o\".\"id\" FROM (SELECT * FROM read_parquet('orders-version-audit-tag.parquet')) AS \"o\" WHERE \"o\".\"id\" > CAST(1 AS BIGINT)")
                .refusedIn(Dialect.FLINK, "Not supported in flink: time travel to a branch or tag ('audit-tag'): name the snapshot by its id (VERSION AS OF <snapshot id>)");
    }

    @Test
    void timestampAsOf()
    {
        spark("SELECT count(*) FROM sales.orders TIMESTAMP AS OF '2024-05-01 10:00:00'")
                .toSpark("SELECT count(*) FROM `sales`.`orders` TIMESTAMP AS OF '2024-05-01 10:00:00' `orders`")
                .toTrino("SELECT count(*) FROM \"sales\".\"orders\" FOR TIMESTAMP AS OF TIMESTAMP '2024-05-01 10:00:00 UTC' AS \"orders\"")
                .toDuckDb("SELECT count(*) FROM (SELECT * FROM read_parquet('orders-timestamp-2024-05-01 10:00:00.parquet')) AS \"orders\"")
                // 2024-05-01T10:00:00Z
                .toFlink("SELECT count(*) FROM `sales`.`orders` /*+ OPTIONS('as-of-timestamp'='1714557600000') */ AS `orders`");
        assertThatThrownBy(() -> spark("SELECT count(*) FROM sales.orders TIMESTAMP AS OF 'yesterday'").translate(Dialect.FLINK))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("TIMESTAMP AS OF 'yesterday' is not a timestamp");
    }

    @Test
    void aTableDuckDbReadsByNameHasNoVersions()
    {
        spark("SELECT * FROM u VERSION AS OF 1")
                .refusedIn(Dialect.DUCKDB, "Not supported in duckdb: time travel (VERSION AS OF) of a table that is not a lakehouse table");
    }

    @Test
    void versionNeedsAValue()
    {
        assertThatThrownBy(() -> Transpiler.parse("SELECT * FROM u VERSION AS OF", Dialect.SPARK))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR));
        // A table aliased "version" is still an alias.
        spark("SELECT version.k FROM u version")
                .toSpark("SELECT `version`.`k` FROM `default`.`u` `version`");
    }
}
