package io.sluice.dialects.ast;

import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import static java.util.Objects.requireNonNull;

/** Sluice's {@code EXPLAIN ROUTE statement}: one row per engine saying whether it could run the statement, at what estimated cost, and which one would. */
public final class SqlExplainRoute
        extends SqlStatement
{
    private SqlNode statement;

    public SqlExplainRoute(SqlParserPos pos, SqlNode statement)
    {
        super(pos, "EXPLAIN ROUTE");
        this.statement = requireNonNull(statement, "statement is null");
    }

    public SqlNode statement()
    {
        return statement;
    }

    @Override
    public List<SqlNode> getOperandList()
    {
        return List.of(statement);
    }

    @Override
    public void setOperand(int i, SqlNode operand)
    {
        if (i != 0) {
            throw new IllegalArgumentException("EXPLAIN ROUTE has one operand, not " + (i + 1));
        }
        statement = requireNonNull(operand, "operand is null");
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword("EXPLAIN ROUTE");
        statement.unparse(writer, 0, 0);
    }
}
