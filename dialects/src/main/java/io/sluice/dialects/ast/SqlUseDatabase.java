package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import static java.util.Objects.requireNonNull;

/** {@code USE [DATABASE] name}: changes the session's current database. */
public final class SqlUseDatabase
        extends SqlStatement
{
    private final SqlIdentifier name;

    public SqlUseDatabase(SqlParserPos pos, SqlIdentifier name)
    {
        super(pos, "USE");
        this.name = requireNonNull(name, "name is null");
    }

    public SqlIdentifier name()
    {
        return name;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword("USE");
        name.unparse(writer, leftPrec, rightPrec);
    }
}
