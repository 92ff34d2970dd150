package io.sluice.dialects.parser;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.ast.GrammarException;
import io.sluice.dialects.ast.SparkSelectGenerators;
import io.sluice.dialects.parser.impl.ParseException;
import io.sluice.dialects.parser.impl.SluiceSqlParserImpl;
import io.sluice.dialects.parser.impl.Token;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CharLiteralStyle;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformance;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.lang.String.format;

/**
 * Parses one statement in an input dialect into Calcite's tree. Identifiers keep the case they were
 * written in and are matched case-insensitively later, as Spark, Trino and DuckDB do.
 */
public final class SluiceSqlParser

{
    private static final Pattern ENCOUNTERED = Pattern.compile("^Encountered (.*) at line \\d+, column \\d+\\.");

    private SluiceSqlParser() {}

    /** Parses {@code sql}; fails with {@link ErrorCode#SYNTAX_ERROR} naming the position and the problem. */
    public static SqlNode parse(String sql, Dialect dialect)
    {
        try {
            return SparkSelectGenerators.rewrite(SqlParser.create(sql, config(dialect)).parseStmt());
        }
        catch (SqlParseException e) {
            throw syntaxError(dialect, e.getPos(), unexpected(e).orElseGet(() -> firstLine(e.getMessage())), e);
        }
        catch (RuntimeException e) {
            GrammarException grammar = findCause(e, GrammarException.class);
            if (grammar != null) {
                throw syntaxError(dialect, grammar.position(), grammar.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * The keywords Sluice's grammar knows that SQL:2003 does not, comma-separated: what JDBC's
     * {@code getSQLKeywords} and ODBC's {@code SQL_KEYWORDS} answer.
     */
    public static String nonStandardKeywords()
    {
        return SqlParser.create("", config(Dialect.SPARK)).getMetadata().getJdbcKeywords();
    }

    /** The parser configuration of an input dialect. */
    public static SqlParser.Config config(Dialect dialect)
    {
        SqlParser.Config config = SqlParser.config()
                .withParserFactory(SluiceSqlParserImpl.FACTORY)
                .withConformance(conformance(dialect))
                .withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED)
                .withCaseSensitive(false)
                .withIdentifierMaxLength(1024);
        return switch (dialect) {
            // Backtick identifiers; '...' and "..." strings with backslash escapes.
            case SPARK, HIVE -> config
                    .withQuoting(Quoting.BACK_TICK_BACKSLASH)
                    .withCharLiteralStyles(Set.of(CharLiteralStyle.BQ_SINGLE, CharLiteralStyle.BQ_DOUBLE));
            // Double-quoted identifiers, standard '...' strings.
            case TRINO, DUCKDB -> config.withQuoting(Quoting.DOUBLE_QUOTE);
            case FLINK -> config.withQuoting(Quoting.BACK_TICK);
        };
    }

    public static SqlConformance conformance(Dialect dialect)
    {
        return SluiceConformance.INSTANCE;
    }

    private static SluiceException syntaxError(Dialect dialect, SqlParserPos position, String message, Throwable cause)
    {
        String where = position == null || position.getLineNum() == 0
                ? ""
                : format(" at line %d, column %d", position.getLineNum(), position.getColumnNum());
        return new SluiceException(ErrorCode.SYNTAX_ERROR,
                format("Syntax error in %s SQL%s: %s", dialect.settingValue(), where, message), cause);
    }

    /**
     * The token the parser stopped at, from JavaCC's exception: its message names each token twice, by kind and by
     * image ({@code Encountered " "TABLE" "TABLE ""}), which read as "unexpected 'TABLE TABLE'".
     */
    private static Optional<String> unexpected(SqlParseException e)
    {
        ParseException parse = findCause(e, ParseException.class);
        if (parse == null || parse.currentToken == null || parse.currentToken.next == null) {
            return Optional.empty();
        }
        Token next = parse.currentToken.next;
        return Optional.of(next.kind == 0 || next.image.isEmpty() ? "unexpected end of statement" : "unexpected '" + next.image + "'");
    }

    private static String firstLine(String message)
    {
        if (message == null) {
            return "unexpected input";
        }
        // Calcite appends the full list of expected tokens; the first line names what was found and where.
        int end = message.indexOf("\nWas expecting");
        String text = end < 0 ? message : message.substring(0, end);
        Matcher encountered = ENCOUNTERED.matcher(text);
        if (encountered.find()) {
            String token = encountered.group(1).replaceAll("<[A-Z_]+>", "").replace("\"", "").strip();
            return token.isEmpty() ? "unexpected end of statement" : "unexpected '" + token + "'";
        }
        return text.strip();
    }

    private static <T extends Throwable> T findCause(Throwable throwable, Class<T> type)
    {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
