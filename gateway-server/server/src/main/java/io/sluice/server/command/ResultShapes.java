package io.sluice.server.command;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.ast.SqlDescribeObject.Detail;
import io.sluice.server.operation.LocalResult;
import io.sluice.spi.SluiceException;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.TableDetails;
import io.sluice.spi.metadata.TableInfo;

import java.util.List;
import java.util.Optional;

/**
 * How the gateway's answers to SHOW and DESCRIBE look: Spark SQL's result shapes, or HiveServer2's for sessions in the
 * {@code hive} dialect, which is what PyHive (and so Superset) and other Hive clients read by position.
 */
sealed interface ResultShapes
        permits SparkResultShapes, HiveResultShapes
{
    static ResultShapes of(Dialect dialect)
    {
        return dialect == Dialect.HIVE ? HiveResultShapes.INSTANCE : SparkResultShapes.INSTANCE;
    }

    /** SHOW DATABASES | SCHEMAS. */
    LocalResult databases(List<String> databases);

    /** SHOW TABLES: tables and views, temporary views included. */
    LocalResult tables(List<TableInfo> tables);

    /** SHOW VIEWS. */
    LocalResult views(List<TableInfo> views);

    /** SHOW COLUMNS. */
    LocalResult columnNames(List<ColumnInfo> columns);

    /** SHOW FUNCTIONS. */
    LocalResult functions(List<String> functions);

    /** DESCRIBE [EXTENDED | FORMATTED] t: its columns, its partition columns, and with a detail its details. */
    LocalResult describe(TableDetails table, List<ColumnInfo> columns, Detail detail);

    /** DESCRIBE DATABASE d. */
    LocalResult describeDatabase(String database);

    /** SHOW CREATE TABLE | VIEW: the statement as the dialect writes it. */
    LocalResult createStatement(TableDetails table, List<ColumnInfo> columns);

    /** The error for a table that DESCRIBE or SHOW cannot find, named as the client wrote it. */
    SluiceException tableNotFound(Optional<String> writtenDatabase, String writtenTable, String database);
}
