package io.sluice.dialects.ast;

import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import static java.util.Objects.requireNonNull;

/**
 * Spark's cache statements. Engines other than Spark manage their own caches, so these are
 * accepted; {@code CACHE TABLE t AS query} still defines the temporary view {@code t}.
 */
public final class SqlCacheTable
        extends SqlStatement
{
    /** Which cache statement. */
    public enum Kind { CACHE, UNCACHE, CLEAR, REFRESH }

    private final Kind kind;
    private final SqlIdentifier name;
    private final SqlNode query;
    private final boolean ifExists;

    public SqlCacheTable(SqlParserPos pos, Kind kind, SqlIdentifier name, SqlNode query, boolean ifExists)
    {
        super(pos, kind.name());
        this.kind = requireNonNull(kind, "kind is null");
        this.name = name;
        this.query = query;
        this.ifExists = ifExists;
    }

    public Kind kind()
    {
        return kind;
    }

    public Optional<SqlIdentifier> name()
    {
        return Optional.ofNullable(name);
    }

    public Optional<SqlNode> query()
    {
        return Optional.ofNullable(query);
    }

    public boolean ifExists()
    {
        return ifExists;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword(kind == Kind.CLEAR ? "CLEAR CACHE" : kind + " TABLE");
        if (name != null) {
            name.unparse(writer, 0, 0);
        }
        if (query != null) {
            writer.keyword("AS");
            query.unparse(writer, 0, 0);
        }
    }
}
