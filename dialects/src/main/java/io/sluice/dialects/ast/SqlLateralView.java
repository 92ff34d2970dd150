package io.sluice.dialects.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns Spark's {@code LATERAL VIEW [OUTER] generator(...) t AS c, ...} into the standard lateral
 * join with {@code UNNEST} that Calcite validates and every engine but Spark understands:
 * {@code explode} and {@code inline} become {@code UNNEST(x) AS t(c, ...)}, {@code posexplode}
 * a lateral subquery over {@code UNNEST ... WITH ORDINALITY} with Spark's 0-based position first,
 * and {@code OUTER} a left join on TRUE.
 */
public final class SqlLateralView
{
    private SqlLateralView() {}

    public static SqlNode join(SqlParserPos pos, SqlNode left, boolean outer, SqlNode generator,
            SqlIdentifier alias, List<SqlIdentifier> columns)
    {
        if (!(generator instanceof SqlCall call) || !(call.getOperator().getNameAsId().isSimple())) {
            throw error(generator.getParserPosition(), "LATERAL VIEW needs a generator function such as explode(...)");
        }
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        if (name.endsWith("_outer")) {
            outer = true;
            name = name.substring(0, name.length() - "_outer".length());
        }
        if (!List.of("explode", "posexplode", "inline").contains(name)) {
            throw error(call.getParserPosition(), "LATERAL VIEW supports explode, posexplode and inline"
                    + " (and their _outer forms), not " + name);
        }
        List<SqlNode> arguments = call.getOperandList();
        if (arguments.size() != 1) {
            throw error(call.getParserPosition(), "LATERAL VIEW " + name + " takes one argument, not " + arguments.size());
        }
        SqlNode argument = arguments.get(0);
        SqlNode table = switch (name) {
            case "explode", "inline" -> alias(pos, unnest(pos, argument, false), alias,
                    columns.isEmpty() && name.equals("explode") ? List.of(new SqlIdentifier("col", pos)) : columns);
            case "posexplode" -> positional(pos, argument, alias, columns);
            default -> throw error(call.getParserPosition(), "LATERAL VIEW supports explode, posexplode and inline"
                    + " (and their _outer forms), not " + name);
        };
        Origin origin = new Origin(name, outer, alias, columns);
        if (outer) {
            return new Join(pos, left, JoinType.LEFT, table, JoinConditionType.ON, SqlLiteral.createBoolean(true, pos), origin);
        }
        return new Join(pos, left, JoinType.COMMA, table, JoinConditionType.NONE, null, origin);
    }

    /** How the LATERAL VIEW was written, so that it can be written again for Spark. */
    public record Origin(String generator, boolean outer, SqlIdentifier alias, List<SqlIdentifier> columns)
    {
        public Origin
        {
            columns = List.copyOf(columns);
        }
    }

    /** The lateral join a LATERAL VIEW becomes; it remembers its origin. */
    public static final class Join
            extends SqlJoin
    {
        private final Origin origin;

        Join(SqlParserPos pos, SqlNode left, JoinType type, SqlNode right, JoinConditionType conditionType, SqlNode condition, Origin origin)
        {
            super(pos, left, SqlLiteral.createBoolean(false, pos), type.symbol(pos), right, conditionType.symbol(pos), condition);
            this.origin = origin;
        }

        public Origin origin()
        {
            return origin;
        }
    }

    private static SqlNode positional(SqlParserPos pos, SqlNode argument, SqlIdentifier alias, List<SqlIdentifier> columns)
    {
        if (!columns.isEmpty() && columns.size() != 2) {
            throw error(pos, "LATERAL VIEW posexplode names two columns (position, value), not " + columns.size());
        }
        SqlIdentifier position = columns.isEmpty() ? new SqlIdentifier("pos", pos) : columns.get(0);
        SqlIdentifier value = columns.isEmpty() ? new SqlIdentifier("col", pos) : columns.get(1);
        SqlIdentifier inner = new SqlIdentifier("$posexplode", pos);
        SqlIdentifier ordinal = new SqlIdentifier("$ordinal", pos);
        SqlNode unnest = alias(pos, unnest(pos, argument, true), inner, List.of(value, ordinal));
        SqlNode zeroBased = SqlStdOperatorTable.MINUS.createCall(pos,
                new SqlIdentifier(List.of(inner.getSimple(), ordinal.getSimple()), pos),
                SqlLiteral.createExactNumeric("1", pos));
        SqlNodeList select = SqlNodeList.of(
                SqlStdOperatorTable.AS.createCall(pos, zeroBased, position),
                SqlStdOperatorTable.AS.createCall(pos,
                        new SqlIdentifier(List.of(inner.getSimple(), value.getSimple()), pos), value));
        SqlSelect subquery = new SqlSelect(pos, null, select, unnest, null, null, null, null, null, null, null, null);
        return alias(pos, SqlStdOperatorTable.LATERAL.createCall(pos, subquery), alias, List.of(position, value));
    }

    private static SqlNode unnest(SqlParserPos pos, SqlNode argument, boolean withOrdinality)
    {
        return (withOrdinality ? SqlStdOperatorTable.UNNEST_WITH_ORDINALITY : SqlStdOperatorTable.UNNEST)
                .createCall(pos, argument);
    }

    private static SqlNode alias(SqlParserPos pos, SqlNode table, SqlIdentifier alias, List<SqlIdentifier> columns)
    {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(table);
        operands.add(alias);
        operands.addAll(columns);
        return new SqlBasicCall(SqlStdOperatorTable.AS, operands, pos);
    }

    private static RuntimeException error(SqlParserPos pos, String message)
    {
        return new GrammarException(pos, message);
    }
}
