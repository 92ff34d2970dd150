package io.sluice.dialects.translate;

import io.sluice.dialects.target.SqlText;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A statement in the engine's words, with nodes written by the engine's dialect in between. */
final class SqlRawStatement
        extends SqlCall
{
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("RAW", SqlKind.OTHER);

    private final List<Object> parts;

    /** Parts are strings, written verbatim, and nodes. */
    SqlRawStatement(SqlParserPos pos, Object... parts)
    {
        super(pos);
        this.parts = List.of(parts);
        for (Object part : this.parts) {
            requireNonNull(part, "part is null");
        }
    }

    @Override
    public SqlOperator getOperator()
    {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList()
    {
        return parts.stream().filter(SqlNode.class::isInstance).map(SqlNode.class::cast).toList();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        for (Object part : parts) {
            if (part instanceof SqlNode node) {
                node.unparse(writer, 0, 0);
            }
            else {
                SqlText.print(writer, part.toString());
            }
        }
    }
}
