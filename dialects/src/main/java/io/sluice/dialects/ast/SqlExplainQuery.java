package io.sluice.dialects.ast;

import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import static java.util.Objects.requireNonNull;

/** Spark's {@code EXPLAIN [EXTENDED] statement}: the engine's plan for the translated statement. */
public final class SqlExplainQuery
        extends SqlStatement
{
    private final boolean extended;
    private SqlNode statement;

    public SqlExplainQuery(SqlParserPos pos, boolean extended, SqlNode statement)
    {
        super(pos, "EXPLAIN");
        this.extended = extended;
        this.statement = requireNonNull(statement, "statement is null");
    }

    public boolean extended()
    {
        return extended;
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
            throw new IllegalArgumentException("EXPLAIN has one operand, not " + (i + 1));
        }
        statement = requireNonNull(operand, "operand is null");
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword("EXPLAIN");
        statement.unparse(writer, 0, 0);
    }
}
