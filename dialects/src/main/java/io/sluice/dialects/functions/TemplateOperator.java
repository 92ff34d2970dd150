package io.sluice.dialects.functions;

import io.sluice.dialects.target.SqlText;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An engine's expression written as a template over the call's operands: {@code {0}}, {@code {1}}, ... for one
 * operand, {@code {*}} for all of them and {@code {1*}} for those from the second on, comma-separated.
 * Operands are written in the engine's dialect and parenthesized where they are not atomic; the whole
 * expression is parenthesized wherever it is an operand of an operator.
 */
final class TemplateOperator
        extends SqlSpecialOperator
{
    private final List<Part> parts;
    private final String template;

    TemplateOperator(String template)
    {
        // A template that is one function call binds as tightly as a function; any other is parenthesized
        // wherever it is an operand.
        this(template, isFunctionCall(template));
    }

    /** A template that is never parenthesized, e.g. a table expression. */
    TemplateOperator(String template, boolean atomic)
    {
        super("TEMPLATE", SqlKind.OTHER, atomic ? 100 : 0);
        this.template = requireNonNull(template, "template is null");
        this.parts = parse(template);
    }

    String template()
    {
        return template;
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec)
    {
        StringBuilder pending = new StringBuilder();
        for (Part part : parts) {
            if (part.text != null) {
                pending.append(part.text);
                continue;
            }
            SqlText.print(writer, pending.toString());
            pending.setLength(0);
            List<SqlNode> operands = call.getOperandList();
            int end = part.all ? operands.size() : part.index + 1;
            for (int i = part.index; i < end; i++) {
                if (i > part.index) {
                    SqlText.print(writer, ", ");
                }
                if (i >= operands.size()) {
                    throw new IllegalStateException("Template " + template + " uses operand " + i + " of " + operands.size());
                }
                // 99 is above every operator's precedence but a function's, so compound operands get parentheses.
                operands.get(i).unparse(writer, 99, 99);
            }
        }
        SqlText.print(writer, pending.toString());
        writer.setNeedWhitespace(true);
    }

    /** Whether the template is one call, {@code name(...)}, whose parentheses enclose all the rest. */
    static boolean isFunctionCall(String template)
    {
        int open = template.indexOf('(');
        if (open <= 0 || !template.endsWith(")") || !template.substring(0, open).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return false;
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            else if (!quoted && c == '(') {
                depth++;
            }
            else if (!quoted && c == ')') {
                depth--;
                if (depth == 0 && i < template.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    private static List<Part> parse(String template)
    {
        List<Part> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = template.indexOf('}', i);
            if (c == '{' && close > i + 1 && template.substring(i + 1, close).matches("\\d+\\*?|\\*")) {
                if (i > start) {
                    parts.add(new Part(template.substring(start, i), 0, false));
                }
                String reference = template.substring(i + 1, close);
                boolean all = reference.endsWith("*");
                String digits = all ? reference.substring(0, reference.length() - 1) : reference;
                parts.add(new Part(null, digits.isEmpty() ? 0 : Integer.parseInt(digits), all));
                i = close + 1;
                start = i;
            }
            else {
                i++;
            }
        }
        if (start < template.length()) {
            parts.add(new Part(template.substring(start), 0, false));
        }
        return List.copyOf(parts);
    }

    private record Part(String text, int index, boolean all) {}
}
