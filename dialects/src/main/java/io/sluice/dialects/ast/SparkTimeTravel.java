package io.sluice.dialects.ast;

import io.sluice.dialects.validate.TimeTravel;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlTableRef;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Locale;
import java.util.Optional;

/**
 * Spark's {@code t VERSION AS OF v} and {@code t TIMESTAMP AS OF ts}: the table reference with a hint of Sluice's
 * ({@code SLUICE_AS_OF('VERSION', '42')}), which Calcite's validator passes over like any table hint.
 */
public final class SparkTimeTravel
{
    public static final String HINT = "SLUICE_AS_OF";

    private SparkTimeTravel() {}

    /** The reference for the parser; only a table name can be read as of a version. */
    public static SqlNode of(SqlParserPos pos, SqlNode tableRef, String kind, SqlNode value)
    {
        if (!(tableRef instanceof SqlIdentifier table)) {
            throw new GrammarException(pos, kind + " AS OF follows a table name");
        }
        String text = value instanceof SqlLiteral literal ? literal.toValue() : value.toString();
        SqlHint hint = new SqlHint(pos, new SqlIdentifier(HINT, pos),
                SqlNodeList.of(SqlLiteral.createCharString(kind, pos), SqlLiteral.createCharString(text, pos)), SqlHint.HintOptionFormat.LITERAL_LIST);
        return new SqlTableRef(pos, table, SqlNodeList.of(hint));
    }

    /** The time travel of a table reference, if it is one. */
    public static Optional<TimeTravel> timeTravel(SqlNode node)
    {
        return TableHints.options(node, HINT)
                .map(options -> new TimeTravel(TimeTravel.Kind.valueOf(options.get(0).toUpperCase(Locale.ROOT)), options.get(1)));
    }

    /** The table a time-travel reference reads: its name, or once validated, its name with an alias ({@code t AS t}). */
    public static SqlNode table(SqlNode node)
    {
        return ((SqlTableRef) node).operand(0);
    }
}
