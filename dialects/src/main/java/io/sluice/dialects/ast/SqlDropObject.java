package io.sluice.dialects.ast;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import static java.util.Objects.requireNonNull;

/** {@code DROP TABLE | VIEW | DATABASE [IF EXISTS] name [CASCADE]}. */
public final class SqlDropObject
        extends SqlDrop
{
    /** What is dropped. */
    public enum Kind
    {
        TABLE(SqlKind.DROP_TABLE, "TABLE"),
        VIEW(SqlKind.DROP_VIEW, "VIEW"),
        DATABASE(SqlKind.DROP_SCHEMA, "SCHEMA");

        private final SqlOperator operator;
        private final String keyword;

        Kind(SqlKind kind, String keyword)
        {
            this.operator = new SqlSpecialOperator("DROP " + keyword, kind);
            this.keyword = keyword;
        }
    }

    private final Kind kind;
    private final SqlIdentifier name;
    private final boolean cascade;

    public SqlDropObject(SqlParserPos pos, Kind kind, boolean ifExists, SqlIdentifier name, boolean cascade)
    {
        super(kind.operator, pos, ifExists);
        this.kind = requireNonNull(kind, "kind is null");
        this.name = requireNonNull(name, "name is null");
        this.cascade = cascade;
    }

    public Kind kind()
    {
        return kind;
    }

    public SqlIdentifier name()
    {
        return name;
    }

    public boolean ifExists()
    {
        return ifExists;
    }

    public boolean cascade()
    {
        return cascade;
    }

    @Override
    public List<SqlNode> getOperandList()
    {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword("DROP");
        writer.keyword(kind.keyword);
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, 0, 0);
        if (cascade) {
            writer.keyword("CASCADE");
        }
    }
}
