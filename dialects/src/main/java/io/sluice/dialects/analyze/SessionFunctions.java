package io.sluice.dialects.analyze;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spark's functions of the session — {@code current_database()} (and {@code current_schema()}), {@code
 * current_catalog()}, {@code current_user()} (and {@code user()}, {@code session_user()}) — answered from Sluice's
 * session, not the engine's: the engine's session may sit in another database, or have no such function. Each call
 * becomes the value as a string literal; a select item that is just the call keeps Spark's column name
 * ({@code current_database()}).
 */
public final class SessionFunctions
{
    private SessionFunctions() {}

    /** The session's values, by the function names that answer them. */
    public static Map<String, String> values(String currentDatabase, String user)
    {
        int dot = currentDatabase.indexOf('.');
        String catalog = dot > 0 ? currentDatabase.substring(0, dot) : "spark_catalog";
        String database = dot > 0 ? currentDatabase.substring(dot + 1) : currentDatabase;
        return Map.of("current_database", database, "current_schema", database, "current_catalog", catalog,
                "current_user", user, "user", user, "session_user", user);
    }

    /**
     * The statement with each call of a session function replaced by its value, in place: Sluice's statements
     * (CREATE TABLE, INSERT, ...) are changed, not copied, so they keep their own classes.
     */
    public static SqlNode inline(SqlNode statement, Map<String, String> values)
    {
        return statement == null ? null : rewrite(statement, values);
    }

    private static SqlNode rewrite(SqlNode node, Map<String, String> values)
    {
        if (sessionFunction(node, values) != null) {
            return literal(node, values);
        }
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                SqlNode item = list.get(i);
                if (item != null) {
                    list.set(i, rewrite(item, values));
                }
            }
            return list;
        }
        if (!(node instanceof SqlCall call)) {
            return node;
        }
        if (call instanceof SqlSelect select && select.getSelectList() != null) {
            List<SqlNode> items = new ArrayList<>();
            for (SqlNode item : select.getSelectList()) {
                String name = sessionFunction(item, values);
                items.add(name == null ? item : SqlStdOperatorTable.AS.createCall(item.getParserPosition(), literal(item, values),
                        new SqlIdentifier(name + "()", SqlParserPos.ZERO)));
            }
            select.setSelectList(new SqlNodeList(items, select.getSelectList().getParserPosition()));
        }
        List<SqlNode> operands = call.getOperandList();
        for (int i = 0; i < operands.size(); i++) {
            SqlNode operand = operands.get(i);
            if (operand == null) {
                continue;
            }
            SqlNode rewritten = rewrite(operand, values);
            if (rewritten != operand) {
                try {
                    call.setOperand(i, rewritten);
                }
                catch (UnsupportedOperationException e) {
                    // A call whose operands are fixed: its parts were changed in place where they could be.
                }
            }
        }
        return call;
    }

    /** The session function a node calls, in lower case, or null. */
    private static String sessionFunction(SqlNode node, Map<String, String> values)
    {
        if (!(node instanceof SqlBasicCall call) || call.operandCount() != 0) {
            return null;
        }
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        return values.containsKey(name) ? name : null;
    }

    private static SqlNode literal(SqlNode call, Map<String, String> values)
    {
        String name = ((SqlBasicCall) call).getOperator().getName().toLowerCase(Locale.ROOT);
        return SqlLiteral.createCharString(values.get(name), call.getParserPosition());
    }
}
