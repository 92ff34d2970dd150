package io.sluice.dialects;

import io.sluice.spi.ErrorCode;
import org.junit.jupiter.api.Test;

import static io.sluice.dialects.testing.Transpilation.spark;

/** ALTER TABLE and TRUNCATE TABLE, in Spark's syntax, on each engine. */
class TestTranspileTableChanges
{
    @Test
    void addColumns()
    {
        spark("ALTER TABLE t ADD COLUMNS (c INT, note STRING)")
                .toDuckDb("BEGIN TRANSACTION; ALTER TABLE \"t\" ADD COLUMN \"c\" INTEGER; ALTER TABLE \"t\" ADD COLUMN \"note\" VARCHAR; COMMIT")
                .refusedIn(Dialect.TRINO, "Not supported in trino: adding more than one column in one ALTER TABLE")
                .toSpark("ALTER TABLE `t` ADD COLUMNS (`c` INTEGER, `note` STRING)")
                .toFlink("ALTER TABLE `t` ADD (`c` INTEGER, `note` STRING)");
        spark("ALTER TABLE default.t ADD COLUMN c DECIMAL(10, 2)")
                .toDuckDb("ALTER TABLE \"default\".\"t\" ADD COLUMN \"c\" DECIMAL(10, 2)")
                .toTrino("ALTER TABLE \"default\".\"t\" ADD COLUMN \"c\" DECIMAL(10, 2)");
        spark("ALTER TABLE default.t RENAME TO default.t3")
                .toDuckDb("ALTER TABLE \"default\".\"t\" RENAME TO \"t3\"")
                .toTrino("ALTER TABLE \"default\".\"t\" RENAME TO \"default\".\"t3\"");
    }

    @Test
    void dropAndRenameColumns()
    {
        spark("ALTER TABLE t DROP COLUMN b")
                .toDuckDb("ALTER TABLE \"t\" DROP COLUMN \"b\"")
                .toTrino("ALTER TABLE \"t\" DROP COLUMN \"b\"")
                .toSpark("ALTER TABLE `t` DROP COLUMNS (`b`)")
                .toFlink("ALTER TABLE `t` DROP (`b`)");
        spark("ALTER TABLE t RENAME COLUMN b TO bee")
                .toDuckDb("ALTER TABLE \"t\" RENAME COLUMN \"b\" TO \"bee\"")
                .toTrino("ALTER TABLE \"t\" RENAME COLUMN \"b\" TO \"bee\"")
                .toSpark("ALTER TABLE `t` RENAME COLUMN `b` TO `bee`")
                .toFlink("ALTER TABLE `t` RENAME `b` TO `bee`");
    }

    @Test
    void renameAndTruncateTables()
    {
        spark("ALTER TABLE t RENAME TO t2")
                .toDuckDb("ALTER TABLE \"t\" RENAME TO \"t2\"")
                .toTrino("ALTER TABLE \"t\" RENAME TO \"t2\"")
                .toSpark("ALTER TABLE `t` RENAME TO `t2`")
                .toFlink("ALTER TABLE `t` RENAME TO `t2`");
        spark("TRUNCATE TABLE t")
                .toDuckDb("TRUNCATE \"t\"")
                .toTrino("TRUNCATE TABLE \"t\"")
                .toSpark("TRUNCATE TABLE `t`")
                .toFlink("TRUNCATE TABLE `t`");
    }

    @Test
    void theTableMustExist()
    {
        spark("ALTER TABLE missing ADD COLUMNS (c INT)").fails(ErrorCode.TABLE_NOT_FOUND, "missing");
        spark("TRUNCATE TABLE missing").fails(ErrorCode.TABLE_NOT_FOUND, "missing");
    }

    @Test
    void analyzeTable()
    {
        spark("ANALYZE TABLE t COMPUTE STATISTICS")
                .toSpark("ANALYZE TABLE `t` COMPUTE STATISTICS")
                .toTrino("ANALYZE \"t\"")
                .toDuckDb("ANALYZE \"t\"")
                .toFlink("ANALYZE TABLE `t` COMPUTE STATISTICS");
        spark("ANALYZE TABLE default.t COMPUTE STATISTICS FOR COLUMNS a, b")
                .toSpark("ANALYZE TABLE `default`.`t` COMPUTE STATISTICS FOR COLUMNS `a`, `b`")
                .toTrino("ANALYZE \"default\".\"t\" WITH (columns = ARRAY['a', 'b'])")
                .toFlink("ANALYZE TABLE `default`.`t` COMPUTE STATISTICS FOR COLUMNS `a`, `b`");
        spark("ANALYZE TABLE t COMPUTE STATISTICS FOR ALL COLUMNS")
                .toSpark("ANALYZE TABLE `t` COMPUTE STATISTICS FOR ALL COLUMNS")
                .toTrino("ANALYZE \"t\"");
        spark("ANALYZE TABLE t COMPUTE STATISTICS NOSCAN")
                .toSpark("ANALYZE TABLE `t` COMPUTE STATISTICS NOSCAN")
                .refusedIn(Dialect.FLINK, "Not supported in flink: ANALYZE TABLE ... NOSCAN");
        spark("ANALYZE TABLE t COMPUTE STATISTICS FOR COLUMNS nope").fails(ErrorCode.COLUMN_NOT_FOUND, "nope");
        spark("ANALYZE TABLE missing COMPUTE STATISTICS").fails(ErrorCode.TABLE_NOT_FOUND, "missing");
        // The new words stay usable as names.
        spark("SELECT a AS analyze, b AS statistics, l AS compute, d AS noscan FROM t")
                .toSpark("SELECT `t`.`a` `analyze`, `t`.`b` `statistics`, `t`.`l` `compute`, `t`.`d` `noscan` FROM `default`.`t` `t`");
    }
}
