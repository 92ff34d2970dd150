package io.sluice.dialects.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import static java.util.Objects.requireNonNull;

/** {@code CREATE DATABASE | SCHEMA [IF NOT EXISTS] name}. */
public final class SqlCreateDatabase
        extends SqlCreate
{
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE DATABASE", SqlKind.CREATE_SCHEMA);

    private final SqlIdentifier name;

    public SqlCreateDatabase(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name)
    {
        super(OPERATOR, pos, false, ifNotExists);
        this.name = requireNonNull(name, "name is null");
    }

    public SqlIdentifier name()
    {
        return name;
    }

    public boolean ifNotExists()
    {
        return ifNotExists;
    }

    @Override
    public List<SqlNode> getOperandList()
    {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword("CREATE SCHEMA");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, 0, 0);
    }
}
