package io.sluice.dialects.target;

import io.sluice.dialects.Dialect;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.dialect.SparkSqlDialect;
import org.apache.calcite.sql.dialect.TrinoSqlDialect;

import java.util.EnumSet;
import java.util.Set;

import static java.lang.String.format;

/**
 * The Calcite {@link SqlDialect} that writes each engine's SQL. Each one writes string literals verbatim in
 * UTF-8 (no {@code U&'...'} escapes, which not every engine reads) and states its NULL ordering, so that the
 * translator can make Spark's ordering explicit.
 */
public final class TargetDialects
{
    private static final SqlDialect DUCKDB = new DuckDb();
    private static final SqlDialect TRINO = new Trino();
    private static final SqlDialect SPARK = new Spark();
    private static final SqlDialect FLINK = new Flink();

    private TargetDialects() {}

    /** The dialect writing SQL for an engine; Hive is read, never written. */
    public static SqlDialect of(Dialect dialect)
    {
        return switch (dialect) {
            case DUCKDB -> DUCKDB;
            case TRINO -> TRINO;
            case SPARK -> SPARK;
            case FLINK -> FLINK;
            case HIVE -> throw new SluiceException(ErrorCode.NOT_SUPPORTED,
                    format("Sluice reads %s SQL but does not write it: transpile to spark, trino, duckdb or flink", dialect.settingValue()));
        };
    }

    /** The engine a dialect instance writes for. */
    public static Dialect dialectOf(SqlDialect dialect)
    {
        if (dialect instanceof DuckDb) {
            return Dialect.DUCKDB;
        }
        if (dialect instanceof Trino) {
            return Dialect.TRINO;
        }
        if (dialect instanceof Spark) {
            return Dialect.SPARK;
        }
        if (dialect instanceof Flink) {
            return Dialect.FLINK;
        }
        throw new IllegalArgumentException("Not a Sluice target dialect: " + dialect);
    }

    /** Identifiers are written in the case they were read, whatever case the engine folds to by default. */
    private static SqlDialect.Context keepingCase(SqlDialect.Context context, NullCollation nullCollation)
    {
        return context.withNullCollation(nullCollation)
                .withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED);
    }

    /** Writes Spark's (asymmetric) BETWEEN without the ASYMMETRIC that Calcite adds and Trino and Spark cannot read. */
    private static boolean unparsedBetween(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec)
    {
        if (!(call.getOperator() instanceof SqlBetweenOperator between) || between.flag != SqlBetweenOperator.Flag.ASYMMETRIC) {
            return false;
        }
        int precedence = between.getLeftPrec();
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SIMPLE);
        call.operand(0).unparse(writer, leftPrec, precedence);
        writer.sep(between.isNegated() ? "NOT BETWEEN" : "BETWEEN");
        call.operand(1).unparse(writer, precedence, precedence);
        writer.sep("AND");
        call.operand(2).unparse(writer, precedence, rightPrec);
        writer.endList(frame);
        return true;
    }

    private static final Set<SqlKind> PREDICATES = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
            SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM, SqlKind.IS_NULL,
            SqlKind.IS_NOT_NULL, SqlKind.IS_TRUE, SqlKind.IS_NOT_TRUE, SqlKind.IS_FALSE, SqlKind.IS_NOT_FALSE, SqlKind.IN, SqlKind.NOT_IN,
            SqlKind.BETWEEN, SqlKind.LIKE, SqlKind.SIMILAR);
    /** Calcite's precedence of IS NULL; an operand of an operator binding at least as tightly is in a comparison or arithmetic. */
    private static final int IS_PRECEDENCE = 28;

    /**
     * Writes a predicate that is an operand of a comparison or of another predicate in parentheses. Calcite gives IS
     * [NOT] DISTINCT FROM the precedence of {@code <} and drops the parentheses of {@code (a IS NOT DISTINCT FROM b) < c};
     * DuckDB, like PostgreSQL, binds IS looser than {@code <} and reads {@code a IS NOT DISTINCT FROM (b < c)}: another
     * answer. Trino's grammar takes no predicate as a comparison's operand at all. Found by the differential fuzzer.
     */
    private static boolean unparsedNestedPredicate(SqlDialect dialect, SqlWriter writer, SqlCall call, int leftPrec, int rightPrec)
    {
        if (!PREDICATES.contains(call.getKind()) || Math.max(leftPrec, rightPrec) < IS_PRECEDENCE) {
            return false;
        }
        SqlWriter.Frame frame = writer.startList("(", ")");
        dialect.unparseCall(writer, call, 0, 0);
        writer.endList(frame);
        return true;
    }

    private static void quoteVerbatim(StringBuilder buffer, String value, boolean backslashEscapes)
    {
        buffer.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                buffer.append(backslashEscapes ? "\\'" : "''");
            }
            else if (c == '\\' && backslashEscapes) {
                buffer.append("\\\\");
            }
            else {
                buffer.append(c);
            }
        }
        buffer.append('\'');
    }

    private static final class DuckDb
            extends DuckDBSqlDialect
    {
        DuckDb()
        {
            super(keepingCase(DuckDBSqlDialect.DEFAULT_CONTEXT, NullCollation.LAST));
        }

        @Override
        public void quoteStringLiteral(StringBuilder buffer, String charsetName, String value)
        {
            quoteVerbatim(buffer, value, false);
        }

        @Override
        public void unparseOffsetFetch(SqlWriter writer, SqlNode offset, SqlNode fetch)
        {
            unparseFetchUsingLimit(writer, offset, fetch);
        }

        @Override
        public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec)
        {
            if (!unparsedNestedPredicate(this, writer, call, leftPrec, rightPrec)) {
                super.unparseCall(writer, call, leftPrec, rightPrec);
            }
        }
    }

    private static final class Trino
            extends TrinoSqlDialect
    {
        Trino()
        {
            super(keepingCase(TrinoSqlDialect.DEFAULT_CONTEXT, NullCollation.LAST));
        }

        @Override
        public void quoteStringLiteral(StringBuilder buffer, String charsetName, String value)
        {
            quoteVerbatim(buffer, value, false);
        }

        /**
         * Trino's grammar has no BETWEEN ASYMMETRIC, which Calcite writes for Spark's (asymmetric) BETWEEN; and Trino
         * ignores an ORDER BY in a parenthesized query, which Calcite makes of the body of a WITH.
         */
        @Override
        public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec)
        {
            if (call instanceof SqlWith with) {
                SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.WITH, "WITH", "");
                SqlWriter.Frame items = writer.startList("", "");
                for (SqlNode item : with.withList) {
                    writer.sep(",");
                    item.unparse(writer, 0, 0);
                }
                writer.endList(items);
                SqlWriter.Frame body = writer.startList(SqlWriter.FrameTypeEnum.WITH_BODY);
                with.body.unparse(writer, 0, 0);
                writer.endList(body);
                writer.endList(frame);
                return;
            }
            if (!unparsedNestedPredicate(this, writer, call, leftPrec, rightPrec) && !unparsedBetween(writer, call, leftPrec, rightPrec)) {
                super.unparseCall(writer, call, leftPrec, rightPrec);
            }
        }
    }

    private static final class Spark
            extends SparkSqlDialect
    {
        Spark()
        {
            super(keepingCase(SparkSqlDialect.DEFAULT_CONTEXT, NullCollation.LOW));
        }

        /** Spark reads backslash escapes in every string literal. */
        @Override
        public void quoteStringLiteral(StringBuilder buffer, String charsetName, String value)
        {
            quoteVerbatim(buffer, value, true);
        }

        @Override
        public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec)
        {
            if (!unparsedNestedPredicate(this, writer, call, leftPrec, rightPrec) && !unparsedBetween(writer, call, leftPrec, rightPrec)) {
                super.unparseCall(writer, call, leftPrec, rightPrec);
            }
        }
    }

    /** Flink SQL: backtick identifiers, standard string literals, LIMIT and OFFSET. */
    private static final class Flink
            extends SqlDialect
    {
        Flink()
        {
            super(keepingCase(SqlDialect.EMPTY_CONTEXT
                    .withDatabaseProduct(DatabaseProduct.UNKNOWN)
                    .withIdentifierQuoteString("`")
                    .withCaseSensitive(true), NullCollation.LOW));
        }

        @Override
        public void quoteStringLiteral(StringBuilder buffer, String charsetName, String value)
        {
            quoteVerbatim(buffer, value, false);
        }

        @Override
        public boolean supportsCharSet()
        {
            return false;
        }

        @Override
        public void unparseOffsetFetch(SqlWriter writer, SqlNode offset, SqlNode fetch)
        {
            unparseFetchUsingLimit(writer, offset, fetch);
        }

        @Override
        public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec)
        {
            if (!unparsedNestedPredicate(this, writer, call, leftPrec, rightPrec)) {
                super.unparseCall(writer, call, leftPrec, rightPrec);
            }
        }
    }
}
