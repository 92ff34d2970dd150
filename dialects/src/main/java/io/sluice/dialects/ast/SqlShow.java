package io.sluice.dialects.ast;

import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import static java.util.Objects.requireNonNull;

/** {@code SHOW DATABASES | TABLES | VIEWS | COLUMNS | FUNCTIONS} with Spark's optional parts; Sluice's {@code SHOW ENGINES} and {@code SHOW STATS FOR t}. */
public final class SqlShow
        extends SqlStatement
{
    /** What is listed. */
    public enum Kind { DATABASES, TABLES, VIEWS, COLUMNS, FUNCTIONS, ENGINES, STATS }

    private final Kind kind;
    private final SqlIdentifier database;
    private final SqlIdentifier table;
    private final SqlNode pattern;

    public SqlShow(SqlParserPos pos, Kind kind, SqlIdentifier database, SqlIdentifier table, SqlNode pattern)
    {
        super(pos, "SHOW " + kind);
        this.kind = requireNonNull(kind, "kind is null");
        this.database = database;
        this.table = table;
        this.pattern = pattern;
    }

    public Kind kind()
    {
        return kind;
    }

    public Optional<SqlIdentifier> database()
    {
        return Optional.ofNullable(database);
    }

    public Optional<SqlIdentifier> table()
    {
        return Optional.ofNullable(table);
    }

    /** The pattern's text, in Spark's syntax ({@code *} any characters, {@code |} alternatives). */
    public Optional<String> pattern()
    {
        return Optional.ofNullable(pattern).map(node -> SqlLiteral.unchain(node).getValueAs(String.class));
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword("SHOW");
        writer.keyword(kind.name());
        if (table != null) {
            writer.keyword(kind == Kind.STATS ? "FOR" : "IN");
            table.unparse(writer, 0, 0);
        }
        if (database != null) {
            writer.keyword("IN");
            database.unparse(writer, 0, 0);
        }
        if (pattern != null) {
            writer.keyword("LIKE");
            pattern.unparse(writer, 0, 0);
        }
    }
}
