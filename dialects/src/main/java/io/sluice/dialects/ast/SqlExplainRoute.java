package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Sluice's {@code EXPLAIN ROUTE statement}: one row per engine saying whether it could run the statement, at what estimated cost, and which one would. */
public final class SqlExplainRoute
        extends SqlStatementAround
{
    public SqlExplainRoute(SqlParserPos pos, SqlNode statement)
    {
        super(pos, "EXPLAIN ROUTE", statement);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword("EXPLAIN ROUTE");
        statement().unparse(writer, 0, 0);
    }
}
