package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlTableRef;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Spark's sample of a table, {@code t TABLESAMPLE (10 PERCENT)}, {@code (5 ROWS)} or {@code (BUCKET 1 OUT OF 4)}, with
 * an optional {@code REPEATABLE (seed)}, written (as in Spark) before the table's alias. Kept, like a time travel, as a
 * table reference with a hint of Sluice's ({@code SLUICE_SAMPLE('PERCENT', '10', '42')}), which Calcite's validator
 * passes over; the translation writes it in each engine's words. As in Spark, a bucket is the fraction it names, and a
 * number of rows is a limit.
 */
public final class SparkTableSample
{
    public static final String HINT = "SLUICE_SAMPLE";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public enum Kind
    {
        PERCENT, ROWS
    }

    /** What a sample keeps: a percentage of the rows (each row drawn on its own) or at most a number of them. */
    public record Sample(Kind kind, BigDecimal amount, OptionalLong seed)
    {
        /** The amount as written in SQL: {@code 12.5}, {@code 10}. */
        public String amountText()
        {
            return amount.stripTrailingZeros().toPlainString();
        }
    }

    private SparkTableSample() {}

    /** {@code TABLESAMPLE (n PERCENT)}: n from 0 to 100, as Spark checks. */
    public static SqlNode percent(SqlParserPos pos, SqlNode tableRef, SqlLiteral percent, OptionalLong seed)
    {
        BigDecimal amount = percent.bigDecimalValue();
        if (amount.signum() < 0 || amount.compareTo(HUNDRED) > 0) {
            throw new GrammarException(pos, "TABLESAMPLE takes a percentage from 0 to 100, not " + amount.toPlainString());
        }
        return of(pos, tableRef, new Sample(Kind.PERCENT, amount, seed));
    }

    /** {@code TABLESAMPLE (BUCKET x OUT OF y)}: the fraction x / y of the rows, as Spark reads it. */
    public static SqlNode bucket(SqlParserPos pos, SqlNode tableRef, SqlLiteral numerator, SqlLiteral denominator, OptionalLong seed)
    {
        BigDecimal x = numerator.bigDecimalValue();
        BigDecimal y = denominator.bigDecimalValue();
        if (x.stripTrailingZeros().scale() > 0 || y.stripTrailingZeros().scale() > 0 || y.signum() == 0 || x.compareTo(y) > 0) {
            throw new GrammarException(pos, "TABLESAMPLE (BUCKET x OUT OF y) takes whole numbers with 0 <= x <= y and y > 0, not "
                    + x.toPlainString() + " OUT OF " + y.toPlainString());
        }
        return of(pos, tableRef, new Sample(Kind.PERCENT, x.multiply(HUNDRED).divide(y, MathContext.DECIMAL64), seed));
    }

    /** {@code TABLESAMPLE (n ROWS)}: at most n rows, a whole number. */
    public static SqlNode rows(SqlParserPos pos, SqlNode tableRef, SqlLiteral rows, OptionalLong seed)
    {
        BigDecimal amount = rows.bigDecimalValue();
        if (amount.stripTrailingZeros().scale() > 0 || amount.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new GrammarException(pos, "TABLESAMPLE (n ROWS) takes a whole number of rows up to " + Integer.MAX_VALUE + ", not " + amount.toPlainString());
        }
        return of(pos, tableRef, new Sample(Kind.ROWS, amount, seed));
    }

    private static SqlNode of(SqlParserPos pos, SqlNode tableRef, Sample sample)
    {
        List<SqlNode> options = new ArrayList<>();
        options.add(SqlLiteral.createCharString(sample.kind().name(), pos));
        options.add(SqlLiteral.createCharString(sample.amount().toPlainString(), pos));
        sample.seed().ifPresent(seed -> options.add(SqlLiteral.createCharString(Long.toString(seed), pos)));
        SqlHint hint = new SqlHint(pos, new SqlIdentifier(HINT, pos), new SqlNodeList(options, pos), SqlHint.HintOptionFormat.LITERAL_LIST);
        if (tableRef instanceof SqlTableRef reference) {
            // A time travel first (t VERSION AS OF 1 TABLESAMPLE (...)): one reference with both hints.
            List<SqlNode> hints = new ArrayList<>(((SqlNodeList) reference.operand(1)).getList());
            hints.add(hint);
            return new SqlTableRef(pos, reference.operand(0), new SqlNodeList(hints, pos));
        }
        if (!(tableRef instanceof SqlIdentifier table)) {
            throw new GrammarException(pos, "TABLESAMPLE follows a table name");
        }
        return new SqlTableRef(pos, table, SqlNodeList.of(hint));
    }

    /** The sample of a table reference, if it has one. */
    public static Optional<Sample> sample(SqlNode node)
    {
        return TableHints.options(node, HINT).map(options -> new Sample(Kind.valueOf(options.get(0)), new BigDecimal(options.get(1)),
                options.size() > 2 ? OptionalLong.of(Long.parseLong(options.get(2))) : OptionalLong.empty()));
    }

    /**
     * The reference without its sample: the table's name (without the alias the validator put inside), or the
     * reference with its other hints (a time travel).
     */
    public static SqlNode withoutSample(SqlNode node)
    {
        SqlTableRef reference = (SqlTableRef) node;
        SqlNode table = reference.operand(0);
        if (table.getKind() == SqlKind.AS) {
            table = ((org.apache.calcite.sql.SqlCall) table).operand(0);
        }
        List<SqlNode> hints = new ArrayList<>();
        for (SqlNode item : (SqlNodeList) reference.operand(1)) {
            if (!(item instanceof SqlHint hint && hint.getName().equalsIgnoreCase(HINT))) {
                hints.add(item);
            }
        }
        return hints.isEmpty() ? table : new SqlTableRef(reference.getParserPosition(), (SqlIdentifier) table, new SqlNodeList(hints, reference.getParserPosition()));
    }
}
