package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

/** How the statements of this package write their parenthesized lists. */
final class SqlLists
{
    private SqlLists() {}

    /** {@code (a, b, ...)}. */
    static void parenthesized(SqlWriter writer, Iterable<SqlNode> nodes)
    {
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode node : nodes) {
            writer.sep(",");
            node.unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }

    /** {@code (name type, ...)} from a list where names and types alternate. */
    static void columnDefinitions(SqlWriter writer, SqlNodeList columns)
    {
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (int i = 0; i < columns.size(); i += 2) {
            writer.sep(",");
            columns.get(i).unparse(writer, 0, 0);
            columns.get(i + 1).unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
