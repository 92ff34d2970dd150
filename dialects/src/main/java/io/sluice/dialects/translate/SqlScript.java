package io.sluice.dialects.translate;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

/** Several statements an engine runs as one script, e.g. a delete and an insert in one transaction. */
final class SqlScript
        extends SqlCall
{
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("SCRIPT", SqlKind.OTHER);

    private final List<SqlNode> statements;

    SqlScript(SqlParserPos pos, List<SqlNode> statements)
    {
        super(pos);
        this.statements = List.copyOf(statements);
    }

    @Override
    public SqlOperator getOperator()
    {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList()
    {
        return statements;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        for (int i = 0; i < statements.size(); i++) {
            if (i > 0) {
                writer.setNeedWhitespace(false);
                writer.print("; ");
            }
            statements.get(i).unparse(writer, 0, 0);
        }
    }
}
