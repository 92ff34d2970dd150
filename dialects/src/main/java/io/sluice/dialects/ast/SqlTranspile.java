package io.sluice.dialects.ast;

import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import static java.util.Objects.requireNonNull;

/** Sluice's {@code TRANSPILE '<sql>' [FROM dialect] TO dialect}. */
public final class SqlTranspile
        extends SqlStatement
{
    private final SqlNode sql;
    private final SqlIdentifier from;
    private final SqlIdentifier to;

    public SqlTranspile(SqlParserPos pos, SqlNode sql, SqlIdentifier from, SqlIdentifier to)
    {
        super(pos, "TRANSPILE");
        this.sql = requireNonNull(sql, "sql is null");
        this.from = from;
        this.to = requireNonNull(to, "to is null");
    }

    public String sql()
    {
        return SqlLiteral.unchain(sql).getValueAs(String.class);
    }

    public Optional<String> from()
    {
        return Optional.ofNullable(from).map(SqlIdentifier::getSimple);
    }

    public String to()
    {
        return to.getSimple();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword("TRANSPILE");
        sql.unparse(writer, 0, 0);
        if (from != null) {
            writer.keyword("FROM");
            from.unparse(writer, 0, 0);
        }
        writer.keyword("TO");
        to.unparse(writer, 0, 0);
    }
}
