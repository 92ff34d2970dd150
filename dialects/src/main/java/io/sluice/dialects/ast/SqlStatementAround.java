package io.sluice.dialects.ast;

import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

import static java.util.Objects.requireNonNull;

/** A statement about one other statement ({@code EXPLAIN}, {@code EXPLAIN ROUTE}): that statement is its one operand. */
public abstract class SqlStatementAround
        extends SqlStatement
{
    private SqlNode statement;

    protected SqlStatementAround(SqlParserPos pos, String name, SqlNode statement)
    {
        super(pos, name);
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
            throw new IllegalArgumentException(getOperator().getName() + " has one operand, not " + (i + 1));
        }
        statement = requireNonNull(operand, "operand is null");
    }
}
