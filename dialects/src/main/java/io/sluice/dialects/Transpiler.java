package io.sluice.dialects;

import io.sluice.dialects.parser.SluiceSqlParser;
import io.sluice.dialects.target.TargetDialects;
import io.sluice.dialects.translate.Translator;
import io.sluice.dialects.validate.CatalogView;
import io.sluice.dialects.validate.StatementValidator;
import io.sluice.dialects.validate.Validation;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.pretty.SqlPrettyWriter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The dialect layer's entry points: parse a statement in an input dialect, validate it against a catalog,
 * and write it for an engine.
 */
public final class Transpiler
{
    private Transpiler() {}

    /** Parses one statement; fails with a syntax error naming the position. */
    public static SqlNode parse(String sql, Dialect input)
    {
        return SluiceSqlParser.parse(sql, input);
    }

    /** Validates a parsed statement against a catalog, resolving unqualified tables in the current database. */
    public static Validation validate(SqlNode statement, Dialect input, CatalogView catalog, String currentDatabase)
    {
        return StatementValidator.validate(statement, input, catalog, currentDatabase);
    }

    /** Writes a validated statement in an engine's dialect. */
    public static String unparse(Validation validation, Dialect input, Dialect target, UnaryOperator<String> databaseNames)
    {
        return write(Translator.translate(validation, input, target, databaseNames), target);
    }

    /**
     * Writes a query of a validated statement in an engine's dialect: an INSERT's source or a CREATE TABLE's query,
     * for a write Sluice carries out itself (DuckDB's writes of lakehouse tables).
     */
    public static String unparseQuery(Validation validation, SqlNode query, Dialect input, Dialect target, UnaryOperator<String> databaseNames)
    {
        return write(Translator.translateQuery(validation, query, input, target, databaseNames), target);
    }

    private static String write(SqlNode translated, Dialect target)
    {
        SqlPrettyWriter writer = new SqlPrettyWriter(SqlPrettyWriter.config()
                .withDialect(TargetDialects.of(target))
                .withAlwaysUseParentheses(false)
                .withClauseStartsLine(false)
                .withClauseEndsLine(false)
                .withSelectListItemsOnSeparateLines(false)
                .withIndentation(0)
                .withQuoteAllIdentifiers(true));
        translated.unparse(writer, 0, 0);
        return writer.toSqlString().getSql();
    }

    /** Parses, validates and writes a statement in one step. */
    public static String transpile(String sql, Dialect from, Dialect to, CatalogView catalog, String currentDatabase)
    {
        Validation validation = validate(parse(sql, from), from, catalog, currentDatabase);
        return unparse(validation, from, to, UnaryOperator.identity());
    }

    /** The engine named by a query's {@code /*+ ENGINE(name) *}{@code /} hint, if it has one. */
    public static Optional<String> engineHint(SqlNode statement)
    {
        SqlNode query = statement;
        if (query instanceof SqlOrderBy orderBy) {
            query = orderBy.query;
        }
        if (query instanceof SqlWith with) {
            query = with.body;
        }
        if (query instanceof SqlSelect select && select.hasHints()) {
            for (SqlNode node : select.getHints()) {
                SqlHint hint = (SqlHint) node;
                if (hint.getName().equalsIgnoreCase("ENGINE")) {
                    List<String> options = hint.getOptionList();
                    if (options.size() == 1) {
                        return Optional.of(options.get(0).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
