package io.sluice.dialects.ast;

import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import static java.util.Objects.requireNonNull;

/** {@code DESCRIBE [TABLE | DATABASE | FUNCTION | QUERY] [EXTENDED] ...}. */
public final class SqlDescribeObject
        extends SqlStatement
{
    /** What is described. */
    public enum Kind { TABLE, DATABASE, FUNCTION, QUERY }

    /** How much is shown: the columns only, or also the object's details (EXTENDED and FORMATTED differ in Hive's shapes). */
    public enum Detail { NONE, EXTENDED, FORMATTED }

    private final Kind kind;
    private final Detail detail;
    private final SqlIdentifier name;
    private final SqlIdentifier column;
    private final SqlNode query;

    public SqlDescribeObject(SqlParserPos pos, Kind kind, Detail detail, SqlIdentifier name,
            SqlIdentifier column, SqlNode query)
    {
        super(pos, "DESCRIBE");
        this.kind = requireNonNull(kind, "kind is null");
        this.detail = requireNonNull(detail, "detail is null");
        this.name = name;
        this.column = column;
        this.query = query;
    }

    public Kind kind()
    {
        return kind;
    }

    public Detail detail()
    {
        return detail;
    }

    public Optional<SqlIdentifier> name()
    {
        return Optional.ofNullable(name);
    }

    public Optional<SqlIdentifier> column()
    {
        return Optional.ofNullable(column);
    }

    public Optional<SqlNode> query()
    {
        return Optional.ofNullable(query);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword("DESCRIBE");
        if (kind != Kind.TABLE) {
            writer.keyword(kind.name());
        }
        if (detail != Detail.NONE) {
            writer.keyword(detail.name());
        }
        if (name != null) {
            name.unparse(writer, 0, 0);
        }
        if (column != null) {
            column.unparse(writer, 0, 0);
        }
        if (query != null) {
            query.unparse(writer, 0, 0);
        }
    }
}
