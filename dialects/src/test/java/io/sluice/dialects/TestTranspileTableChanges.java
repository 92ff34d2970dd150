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
}
