package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;

/**
 * Spark's {@code first(x [, ignoreNulls])} and {@code last(...)}, and their aliases {@code first_value} and
 * {@code last_value}, each an aggregate or a window function. Calcite reads {@code FIRST(...)} and {@code LAST(...)}
 * as MATCH_RECOGNIZE's navigation functions and {@code FIRST_VALUE}, {@code LAST_VALUE} as window functions only:
 * the parser reads all four here, as {@code first} / {@code last} without a window and as the window functions
 * {@code first_value} / {@code last_value} with one. Skipping NULLs, by the second argument or {@code IGNORE NULLS},
 * is a FILTER on the aggregate and {@code IGNORE NULLS} on the window function.
 */
public final class SparkFirstLast
{
    private SparkFirstLast() {}

    /**
     * The call as the parser reads it.
     *
     * @param nullTreatment {@link SqlKind#IGNORE_NULLS}, {@link SqlKind#RESPECT_NULLS} or null
     */
    public static SqlNode call(boolean first, SqlParserPos pos, List<SqlNode> arguments, SqlKind nullTreatment, SqlNode filter, SqlNode window, SqlParserPos end)
    {
        String name = first ? "first" : "last";
        boolean ignoreNulls = nullTreatment == SqlKind.IGNORE_NULLS;
        if (arguments.size() == 2) {
            if (!(arguments.get(1) instanceof SqlLiteral literal) || literal.getTypeName() != SqlTypeName.BOOLEAN || literal.getValue() == null) {
                throw new GrammarException(arguments.get(1).getParserPosition(),
                        "The second argument of " + name + "(), whether to skip NULL values, must be TRUE or FALSE");
            }
            if (nullTreatment != null) {
                throw new GrammarException(pos, name + "() takes whether to skip NULL values as its second argument or as " + nullTreatment.sql + ", not both");
            }
            ignoreNulls = literal.booleanValue();
        }
        SqlNode value = arguments.get(0);
        SqlParserPos whole = pos.plus(end);
        SqlNode call = function(window == null ? name : name + "_value").createCall(whole, value);
        if (window == null) {
            if (ignoreNulls) {
                SqlNode notNull = SqlStdOperatorTable.IS_NOT_NULL.createCall(value.getParserPosition(), value);
                filter = filter == null ? notNull : SqlStdOperatorTable.AND.createCall(filter.getParserPosition(), filter, notNull);
            }
            return filter == null ? call : SqlStdOperatorTable.FILTER.createCall(whole, call, filter);
        }
        if (ignoreNulls) {
            call = SqlStdOperatorTable.IGNORE_NULLS.createCall(whole, call);
        }
        if (filter != null) {
            call = SqlStdOperatorTable.FILTER.createCall(whole, call, filter);
        }
        return SqlStdOperatorTable.OVER.createCall(whole, call, window);
    }

    private static SqlUnresolvedFunction function(String name)
    {
        return new SqlUnresolvedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), null, null, null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION);
    }
}
