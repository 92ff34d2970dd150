package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Spark's {@code EXPLAIN [EXTENDED] statement}: the engine's plan for the translated statement. */
public final class SqlExplainQuery
        extends SqlStatementAround
{
    private final boolean extended;

    public SqlExplainQuery(SqlParserPos pos, boolean extended, SqlNode statement)
    {
        super(pos, "EXPLAIN", statement);
        this.extended = extended;
    }

    public boolean extended()
    {
        return extended;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword("EXPLAIN");
        statement().unparse(writer, 0, 0);
    }
}
