package io.sluice.dialects.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

import static java.util.Objects.requireNonNull;

/** A statement Sluice handles itself or translates as a whole rather than expression by expression. */
public abstract class SqlStatement
        extends SqlCall
{
    private final SqlOperator operator;

    protected SqlStatement(SqlParserPos pos, String name)
    {
        super(pos);
        this.operator = new SqlSpecialOperator(requireNonNull(name, "name is null"), SqlKind.OTHER);
    }

    @Override
    public SqlOperator getOperator()
    {
        return operator;
    }

    @Override
    public List<SqlNode> getOperandList()
    {
        return List.of();
    }
}
