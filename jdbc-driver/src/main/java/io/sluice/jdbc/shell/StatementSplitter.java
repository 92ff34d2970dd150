package io.sluice.jdbc.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits what is typed into statements at {@code ;} outside strings, quoted names and comments (Spark's lexical
 * rules: '...' and "..." strings with backslash escapes, `...` names, -- and /* comments).
 */
final class StatementSplitter
{
    private final StringBuilder buffer = new StringBuilder();
    private char quote;
    private boolean blockComment;

    boolean isEmpty()
    {
        return buffer.toString().trim().isEmpty();
    }

    /** Adds one line; returns the statements it completed, without their {@code ;}. */
    List<String> add(String line)
    {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (blockComment) {
                buffer.append(c);
                if (c == '*' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                    buffer.append('/');
                    i++;
                    blockComment = false;
                }
                continue;
            }
            if (quote != 0) {
                buffer.append(c);
                if (c == '\\' && quote != '`' && i + 1 < line.length()) {
                    buffer.append(line.charAt(++i));
                }
                else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-') {
                break;
            }
            if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '*') {
                blockComment = true;
                buffer.append("/*");
                i++;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                buffer.append(c);
                continue;
            }
            if (c == ';') {
                String statement = buffer.toString().trim();
                buffer.setLength(0);
                if (!statement.isEmpty()) {
                    statements.add(statement);
                }
                continue;
            }
            buffer.append(c);
        }
        buffer.append('\n');
        return statements;
    }

    /** What is left without a closing {@code ;}, cleared. */
    String rest()
    {
        String rest = buffer.toString().trim();
        buffer.setLength(0);
        return rest;
    }

    static List<String> split(String text)
    {
        StatementSplitter splitter = new StatementSplitter();
        List<String> statements = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            statements.addAll(splitter.add(line));
        }
        String rest = splitter.rest();
        if (!rest.isEmpty()) {
            statements.add(rest);
        }
        return statements;
    }
}
