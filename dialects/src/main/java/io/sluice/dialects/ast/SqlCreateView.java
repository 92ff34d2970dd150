package io.sluice.dialects.ast;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import static java.util.Objects.requireNonNull;

/** {@code CREATE [OR REPLACE] [TEMPORARY] VIEW [IF NOT EXISTS] name [(columns)] AS query}. */
public final class SqlCreateView
        extends SqlCreate
{
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

    private final boolean temporary;
    private final SqlIdentifier name;
    private final SqlNodeList columns;
    private SqlNode query;

    public SqlCreateView(SqlParserPos pos, boolean replace, boolean temporary, boolean ifNotExists,
            SqlIdentifier name, SqlNodeList columns, SqlNode query)
    {
        super(OPERATOR, pos, replace, ifNotExists);
        this.temporary = temporary;
        this.name = requireNonNull(name, "name is null");
        this.columns = columns;
        this.query = requireNonNull(query, "query is null");
    }

    public boolean temporary()
    {
        return temporary;
    }

    public boolean ifNotExists()
    {
        return ifNotExists;
    }

    public boolean replace()
    {
        return getReplace();
    }

    public SqlIdentifier name()
    {
        return name;
    }

    public Optional<SqlNodeList> columns()
    {
        return Optional.ofNullable(columns);
    }

    public SqlNode query()
    {
        return query;
    }

    @Override
    public List<SqlNode> getOperandList()
    {
        return List.of(query);
    }

    @Override
    public void setOperand(int i, SqlNode operand)
    {
        if (i != 0) {
            throw new IllegalArgumentException("CREATE VIEW has one operand, not " + (i + 1));
        }
        query = requireNonNull(operand, "operand is null");
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword(getReplace() ? "CREATE OR REPLACE" : "CREATE");
        if (temporary) {
            writer.keyword("TEMPORARY");
        }
        writer.keyword("VIEW");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, 0, 0);
        if (columns != null) {
            SqlLists.parenthesized(writer, columns);
        }
        writer.keyword("AS");
        query.unparse(writer, 0, 0);
    }
}
