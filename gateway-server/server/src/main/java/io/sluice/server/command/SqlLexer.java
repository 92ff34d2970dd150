package io.sluice.server.command;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into tokens: words, quoted identifiers (backticks or double quotes), string literals (single
 * quotes, backslash escapes as Spark reads them) and single symbols; skips white space and comments.
 */
final class SqlLexer
{
    enum Kind
    {
        WORD,
        QUOTED_IDENTIFIER,
        STRING,
        SYMBOL,
    }

    record Token(Kind kind, String text, int start)
    {
        boolean isWord(String word)
        {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char symbol)
        {
            return kind == Kind.SYMBOL && text.charAt(0) == symbol;
        }

        /** The name this token spells, as an identifier. */
        boolean isIdentifier()
        {
            return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
        }

        String upper()
        {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private SqlLexer() {}

    static List<Token> tokenize(String sql)
    {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            }
            else if (c == '`' || c == '"') {
                int start = i;
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= sql.length()) {
                        throw new SluiceException(ErrorCode.SYNTAX_ERROR, "Unterminated quoted identifier starting at position " + (start + 1));
                    }
                    char d = sql.charAt(i++);
                    if (d == c) {
                        if (i < sql.length() && sql.charAt(i) == c) {
                            text.append(c);
                            i++;
                            continue;
                        }
                        break;
                    }
                    text.append(d);
                }
                tokens.add(new Token(Kind.QUOTED_IDENTIFIER, text.toString(), start));
            }
            else if (c == '\'') {
                int start = i;
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= sql.length()) {
                        throw new SluiceException(ErrorCode.SYNTAX_ERROR, "Unterminated string literal starting at position " + (start + 1));
                    }
                    char d = sql.charAt(i++);
                    if (d == '\\' && i < sql.length()) {
                        text.append(sql.charAt(i++));
                    }
                    else if (d == '\'') {
                        if (i < sql.length() && sql.charAt(i) == '\'') {
                            text.append('\'');
                            i++;
                            continue;
                        }
                        break;
                    }
                    else {
                        text.append(d);
                    }
                }
                tokens.add(new Token(Kind.STRING, text.toString(), start));
            }
            else if (Character.isLetterOrDigit(c) || c == '_') {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i), start));
            }
            else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            }
        }
        return tokens;
    }
}
