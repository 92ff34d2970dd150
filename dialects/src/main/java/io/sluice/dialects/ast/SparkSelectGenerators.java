package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Spark's multi-column generators in a select list, {@code SELECT id, posexplode(arr) FROM t} (columns {@code pos},
 * {@code col}) and {@code SELECT inline(structs) FROM t} (the structs' fields), with their {@code _outer} forms: each
 * is the LATERAL VIEW Spark plans it as, {@code SELECT id, g.* FROM t LATERAL VIEW posexplode(arr) g}, so that it is
 * validated and translated as one. {@code explode}, a single column, stays a function of the select list. As in
 * Spark, a select list has one generator, and a generator of several columns takes no single alias.
 */
public final class SparkSelectGenerators
{
    private static final Set<String> GENERATORS = Set.of("posexplode", "posexplode_outer", "inline", "inline_outer");
    private static final String ALIAS = "$generator";

    private SparkSelectGenerators() {}

    /** Rewrites, in place, every select list of the statement that has such a generator. */
    public static SqlNode rewrite(SqlNode statement)
    {
        if (statement != null) {
            statement.accept(new SqlBasicVisitor<Void>()
            {
                @Override
                public Void visit(SqlCall call)
                {
                    if (call instanceof SqlSelect select) {
                        rewrite(select);
                    }
                    return super.visit(call);
                }
            });
        }
        return statement;
    }

    private static void rewrite(SqlSelect select)
    {
        if (select.getSelectList() == null) {
            return;
        }
        List<SqlNode> items = new ArrayList<>(select.getSelectList().getList());
        SqlCall generator = null;
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            SqlNode expression = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
            if (!(expression instanceof SqlCall call) || !call.getOperator().getNameAsId().isSimple()
                    || !GENERATORS.contains(call.getOperator().getName().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
            if (generator != null) {
                throw new GrammarException(call.getParserPosition(), "Only one generator is allowed in a select list, found " + name + " after "
                        + generator.getOperator().getName().toLowerCase(Locale.ROOT));
            }
            if (item != expression) {
                throw new GrammarException(item.getParserPosition(), name + " in a select list gives several columns and takes no single alias; "
                        + "name them with LATERAL VIEW " + name + "(...) t AS a, b");
            }
            generator = call;
            SqlParserPos pos = call.getParserPosition();
            items.set(i, new SqlIdentifier(List.of(ALIAS, ""), pos));
        }
        if (generator == null) {
            return;
        }
        SqlParserPos pos = generator.getParserPosition();
        SqlNode from = select.getFrom();
        if (from == null) {
            // SELECT posexplode(array(1, 2)): the generator over a single row.
            SqlSelect one = new SqlSelect(pos, null, SqlNodeList.of(SqlLiteral.createExactNumeric("1", pos)), null, null, null, null, null, null, null, null, null);
            from = SqlStdOperatorTable.AS.createCall(pos, one, new SqlIdentifier("$one", pos));
        }
        select.setFrom(SqlLateralView.join(pos, from, false, generator, new SqlIdentifier(ALIAS, pos), List.of()));
        select.setSelectList(new SqlNodeList(items, select.getSelectList().getParserPosition()));
    }
}
