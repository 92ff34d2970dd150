package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code INSERT OVERWRITE [TABLE] t [(columns)] query}: replaces the table's rows. Engines without
 * the statement get a delete and an insert in one transaction.
 */
public final class SqlInsertOverwrite
        extends SqlInsert
{
    private final boolean tableKeyword;

    public SqlInsertOverwrite(SqlParserPos pos, SqlNode table, SqlNode source, SqlNodeList columns)
    {
        this(pos, table, source, columns, true);
    }

    /** @param tableKeyword whether it is written {@code INSERT OVERWRITE TABLE t} (Spark, Hive) or {@code INSERT OVERWRITE t} (Flink, which has no TABLE there) */
    public SqlInsertOverwrite(SqlParserPos pos, SqlNode table, SqlNode source, SqlNodeList columns, boolean tableKeyword)
    {
        super(pos, SqlNodeList.EMPTY, table, source, columns);
        this.tableKeyword = tableKeyword;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword(tableKeyword ? "INSERT OVERWRITE TABLE" : "INSERT OVERWRITE");
        getTargetTable().unparse(writer, 0, 0);
        if (getTargetColumnList() != null) {
            getTargetColumnList().unparse(writer, 0, 0);
        }
        writer.newlineAndIndent();
        getSource().unparse(writer, 0, 0);
    }
}
