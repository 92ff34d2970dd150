package io.sluice.dialects.validate;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Spark reads {@code s.f} as the field {@code f} of the column {@code s} when no table is called {@code s};
 * Calcite reads it as a column of a table {@code s}. Identifiers whose first name is not a table, alias or
 * CTE of the statement become field accesses, which Calcite validates against the struct's type.
 */
final class StructFields
{
    private StructFields() {}

    static SqlNode rewrite(SqlNode statement)
    {
        Set<String> relations = new HashSet<>();
        statement.accept(new SqlBasicVisitor<Void>()
        {
            @Override
            public Void visit(SqlCall call)
            {
                if (call instanceof SqlSelect select && select.getFrom() != null) {
                    collect(select.getFrom(), relations);
                }
                if (call instanceof SqlWith with) {
                    for (SqlNode item : with.withList) {
                        relations.add(lower(((SqlWithItem) item).name.getSimple()));
                    }
                }
                return super.visit(call);
            }
        });
        SqlNode rewritten = statement.accept(new SqlShuttle()
        {
            @Override
            public SqlNode visit(SqlIdentifier identifier)
            {
                if (identifier.isStar() || identifier.names.size() < 2 || relations.contains(lower(identifier.names.get(0)))) {
                    return identifier;
                }
                SqlNode access = new SqlIdentifier(identifier.names.get(0), identifier.getComponentParserPosition(0));
                for (int i = 1; i < identifier.names.size(); i++) {
                    access = SqlStdOperatorTable.DOT.createCall(identifier.getParserPosition(), access,
                            new SqlIdentifier(identifier.names.get(i), identifier.getComponentParserPosition(i)));
                }
                return access;
            }

            @Override
            public SqlNode visit(SqlCall call)
            {
                if (call instanceof SqlSelect select && select.getFrom() != null) {
                    SqlNode from = select.getFrom();
                    select.setFrom(null);
                    SqlSelect visited = (SqlSelect) super.visit(select);
                    visited.setFrom(fromClause(from, this));
                    return visited;
                }
                return super.visit(call);
            }
        });
        return rewritten == null ? statement : rewritten;
    }

    /** A FROM clause: table names stay as they are; subqueries, UNNEST arguments and join conditions are rewritten. */
    private static SqlNode fromClause(SqlNode from, SqlShuttle shuttle)
    {
        if (from instanceof SqlIdentifier || from.getKind() == SqlKind.TABLE_REF) {
            // A table, or a table with hints (Sluice's time travel).
            return from;
        }
        if (from instanceof SqlJoin join) {
            join.setLeft(fromClause(join.getLeft(), shuttle));
            join.setRight(fromClause(join.getRight(), shuttle));
            if (join.getCondition() != null) {
                join.setOperand(5, join.getCondition().accept(shuttle));
            }
            return join;
        }
        if (from.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) from;
            as.setOperand(0, fromClause(as.operand(0), shuttle));
            return as;
        }
        return from.accept(shuttle);
    }

    private static void collect(SqlNode from, Set<String> relations)
    {
        if (from instanceof SqlIdentifier identifier) {
            List<String> names = identifier.names;
            relations.add(lower(names.get(names.size() - 1)));
        }
        else if (from.getKind() == SqlKind.TABLE_REF) {
            collect(((SqlCall) from).operand(0), relations);
        }
        else if (from instanceof SqlJoin join) {
            collect(join.getLeft(), relations);
            collect(join.getRight(), relations);
        }
        else if (from.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) from;
            relations.add(lower(((SqlIdentifier) as.operand(1)).getSimple()));
            collect(as.operand(0), relations);
        }
    }

    private static String lower(String name)
    {
        return name.toLowerCase(Locale.ROOT);
    }
}
