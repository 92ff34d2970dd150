package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Spark's {@code ANALYZE TABLE t COMPUTE STATISTICS [NOSCAN | FOR ALL COLUMNS | FOR COLUMNS a, b]}: table statistics
 * (rows, size), and with columns their distinct values, NULLs and bounds.
 */
public final class SqlAnalyzeTable
        extends SqlStatement
{
    /** What to compute. */
    public enum Scope { TABLE, NOSCAN, ALL_COLUMNS, COLUMNS }

    private final SqlIdentifier name;
    private final Scope scope;
    private final List<SqlIdentifier> columns;

    public SqlAnalyzeTable(SqlParserPos pos, SqlIdentifier name, Scope scope, List<SqlIdentifier> columns)
    {
        super(pos, "ANALYZE TABLE");
        this.name = requireNonNull(name, "name is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.columns = List.copyOf(columns);
    }

    public SqlIdentifier name()
    {
        return name;
    }

    public Scope scope()
    {
        return scope;
    }

    /** The columns named by FOR COLUMNS; empty otherwise. */
    public List<SqlIdentifier> columns()
    {
        return columns;
    }

    /** The same statement about the table as the engine names it. */
    public SqlAnalyzeTable withName(SqlIdentifier table)
    {
        return new SqlAnalyzeTable(getParserPosition(), table, scope, columns);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword("ANALYZE TABLE");
        name.unparse(writer, 0, 0);
        writer.keyword("COMPUTE STATISTICS");
        switch (scope) {
            case NOSCAN -> writer.keyword("NOSCAN");
            case ALL_COLUMNS -> writer.keyword("FOR ALL COLUMNS");
            case COLUMNS -> {
                writer.keyword("FOR COLUMNS");
                SqlWriter.Frame frame = writer.startList("", "");
                for (SqlIdentifier column : columns) {
                    writer.sep(",");
                    column.unparse(writer, 0, 0);
                }
                writer.endList(frame);
            }
            default -> { }
        }
    }
}
