package io.sluice.dialects.functions;

import io.sluice.dialects.Dialect;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlNumericLiteral;

import io.sluice.dialects.target.TypeSpecs;

import java.math.BigDecimal;
import java.util.Optional;

import static io.sluice.dialects.Dialect.DUCKDB;
import static io.sluice.dialects.Dialect.FLINK;
import static io.sluice.dialects.Dialect.TRINO;
import static io.sluice.dialects.functions.ReturnTypeInferences.ANY;
import static io.sluice.dialects.functions.ReturnTypeInferences.ARG0;
import static io.sluice.dialects.functions.ReturnTypeInferences.ARRAY_OF_ARG0;
import static io.sluice.dialects.functions.ReturnTypeInferences.BIGINT;
import static io.sluice.dialects.functions.ReturnTypeInferences.BOOLEAN;
import static io.sluice.dialects.functions.ReturnTypeInferences.DOUBLE;

/** Aggregate and window functions. */
final class AggregateFunctions
{
    private AggregateFunctions() {}

    static void register(FunctionCatalog.Builder functions)
    {
        functions.aggregate("count", BIGINT, 0, -1).sameEverywhere().readAlsoIn(Dialect.values())
                .aggregate(DUCKDB, AggregateFunctions::countOfColumns)
                .aggregate(TRINO, AggregateFunctions::countOfColumns)
                .aggregate(FLINK, AggregateFunctions::countOfColumns);
        // Spark sums integers as BIGINT; Flink sums them in their own type, which overflows.
        functions.aggregate("sum", ARG0, 1, 1).sameEverywhere().readAlsoIn(Dialect.values())
                .aggregate(FLINK, call -> call.operandIsExactInteger(0)
                        ? AggregateRewrite.renamed("sum").withArguments("CAST({0} AS BIGINT)")
                        : AggregateRewrite.renamed("sum"));
        functions.aggregate("min", ARG0, 1, 1).sameEverywhere().readAlsoIn(Dialect.values());
        functions.aggregate("max", ARG0, 1, 1).sameEverywhere().readAlsoIn(Dialect.values());
        // Spark's average of DECIMAL(p, s) is DECIMAL(p + 4, s + 4); DuckDB's is a DOUBLE, Trino's a DECIMAL(p, s).
        for (String name : new String[] {"avg", "mean"}) {
            functions.aggregate(name, DOUBLE, 1, 1)
                    .aggregate(DUCKDB, AggregateFunctions::decimalAverage)
                    .aggregate(TRINO, AggregateFunctions::decimalAverageTrino)
                    .aggregate(FLINK, AggregateFunctions::averageFlink);
        }
        for (String name : new String[] {"collect_list", "array_agg"}) {
            functions.aggregate(name, ARRAY_OF_ARG0, 1, 1)
                    .aggregate(DUCKDB, "list", false, "{0} IS NOT NULL", "coalesce({agg}, [])")
                    .aggregate(TRINO, "array_agg", false, "{0} IS NOT NULL", "coalesce({agg}, ARRAY[])")
                    .aggregate(FLINK, call -> collectFlink(call, false));
        }
        functions.aggregate("collect_set", ARRAY_OF_ARG0, 1, 1)
                .aggregate(DUCKDB, "list", true, "{0} IS NOT NULL", "coalesce({agg}, [])")
                .aggregate(TRINO, "array_agg", true, "{0} IS NOT NULL", "coalesce({agg}, ARRAY[])")
                .aggregate(FLINK, call -> collectFlink(call, true));
        functions.aggregate("count_if", BIGINT, 1, 1).same(DUCKDB, TRINO)
                .aggregate(FLINK, call -> AggregateRewrite.renamed("count").withArguments("CASE WHEN {0} THEN 1 END"));
        // Flink has neither: the least or greatest of 1 (true) and 0 (false), NULLs skipped as Spark skips them.
        for (String name : new String[] {"bool_and", "every"}) {
            functions.aggregate(name, BOOLEAN, 1, 1).renamed(DUCKDB, "bool_and").renamed(TRINO, "bool_and")
                    .aggregate(FLINK, call -> AggregateRewrite.renamed("MIN").withArguments("CASE WHEN {0} THEN 1 WHEN NOT {0} THEN 0 END")
                            .withWrapper("({agg} = 1)"));
        }
        functions.aggregate("bool_or", BOOLEAN, 1, 1).same(DUCKDB, TRINO)
                .aggregate(FLINK, call -> AggregateRewrite.renamed("MAX").withArguments("CASE WHEN {0} THEN 1 WHEN NOT {0} THEN 0 END")
                        .withWrapper("({agg} = 1)"));
        for (String[] names : new String[][] {{"variance", "var_samp"}, {"var_samp", "var_samp"}, {"var_pop", "var_pop"},
                {"stddev", "stddev_samp"}, {"std", "stddev_samp"}, {"stddev_samp", "stddev_samp"}, {"stddev_pop", "stddev_pop"}}) {
            // Spark answers a DOUBLE for any numeric input; Flink's answer has its input's type (an INT's variance is an INT).
            String flinkName = names[1].toUpperCase(java.util.Locale.ROOT);
            functions.aggregate(names[0], DOUBLE, 1, 1)
                    .renamed(DUCKDB, names[1]).renamed(TRINO, names[1])
                    .aggregate(FLINK, call -> AggregateRewrite.renamed(flinkName).withArguments("CAST({0} AS DOUBLE)"));
        }
        // Spark's correlation of fewer than two rows is NULL; DuckDB's is NaN.
        functions.aggregate("corr", DOUBLE, 2, 2).same(TRINO)
                .aggregate(DUCKDB, call -> AggregateRewrite.renamed("corr").withCompanion("regr_count({0}, {1})")
                        .withWrapper("CASE WHEN {agg1} < 2 THEN CAST(NULL AS DOUBLE) ELSE {agg} END"));
        for (String name : new String[] {"covar_pop", "covar_samp"}) {
            functions.aggregate(name, DOUBLE, 2, 2).same(DUCKDB, TRINO);
        }
        // Spark's percentile and median are DOUBLE; DuckDB's keep a DECIMAL argument's scale, rounding the interpolation.
        functions.aggregate("percentile", ANY, 2, 2)
                .aggregate(DUCKDB, call -> AggregateRewrite.renamed("quantile_cont").withArguments("CAST({0} AS DOUBLE), {1}"))
                .aggregate(TRINO, call -> exactPercentileTrino(call, percentage(call)))
                .aggregate(FLINK, call -> AggregateRewrite.renamed("PERCENTILE").withArguments("CAST({0} AS DOUBLE), " + percentage(call)))
                .note(TRINO, "emulated over the sorted values (array_agg), interpolated as Spark does; the percentage must be a literal");
        for (String name : new String[] {"percentile_approx", "approx_percentile"}) {
            functions.aggregate(name, ANY, 2, 3)
                    .aggregate(DUCKDB, call -> {
                        if (call.operandCount() == 3) {
                            throw call.unsupported("an accuracy argument");
                        }
                        return AggregateRewrite.renamed("quantile_disc");
                    })
                    .note(DUCKDB, "emulated by the exact quantile_disc, which Spark's estimate equals on small inputs");
        }
        functions.aggregate("median", DOUBLE, 1, 1)
                .aggregate(DUCKDB, call -> AggregateRewrite.renamed("median").withArguments("CAST({0} AS DOUBLE)"))
                .aggregate(TRINO, call -> exactPercentileTrino(call, "0.5"))
                .aggregate(FLINK, call -> AggregateRewrite.renamed("PERCENTILE").withArguments("CAST({0} AS DOUBLE), 0.5"))
                .note(TRINO, "emulated over the sorted values (array_agg), interpolated as Spark does");
        functions.aggregate("approx_count_distinct", BIGINT, 1, 2)
                .aggregate(DUCKDB, call -> {
                    if (call.operandCount() == 2) {
                        throw call.unsupported("a relative standard deviation argument");
                    }
                    return new AggregateRewrite("count", true, Optional.empty(), Optional.empty());
                })
                .renamed(TRINO, "approx_distinct")
                .aggregate(FLINK, call -> {
                    if (call.operandCount() == 2) {
                        throw call.unsupported("a relative standard deviation argument");
                    }
                    return new AggregateRewrite("COUNT", true, Optional.empty(), Optional.empty());
                })
                .note(FLINK, "computed exactly, which is within every error bound")
                .note(DUCKDB, "computed exactly, which is within every error bound");
        for (String name : new String[] {"first", "first_value", "any_value"}) {
            functions.aggregate(name, ARG0, 1, 1).renamed(DUCKDB, name.equals("first_value") ? "first_value" : "first")
                    .renamed(TRINO, name.equals("first_value") ? "first_value" : "arbitrary")
                    .aggregate(FLINK, call -> respectingNullsFlink(call, "FIRST_VALUE"));
        }
        for (String name : new String[] {"last", "last_value"}) {
            // The parser reads last_value without a window as last, last over one as last_value. Trino has no aggregate
            // for a group's last value; Spark's depends on the order of the rows, so any of them, as Trino's arbitrary.
            functions.aggregate(name, ARG0, 1, 1).renamed(DUCKDB, name.equals("last_value") ? "last_value" : "last")
                    .renamed(TRINO, name.equals("last_value") ? "last_value" : "arbitrary")
                    .aggregate(FLINK, call -> respectingNullsFlink(call, "LAST_VALUE"));
        }
        // Spark's max_by and min_by answer the value at the extreme row even if it is NULL; DuckDB's arg_max skips NULL values.
        functions.aggregate("max_by", ARG0, 2, 2).renamed(DUCKDB, "arg_max_null").same(TRINO);
        functions.aggregate("min_by", ARG0, 2, 2).renamed(DUCKDB, "arg_min_null").same(TRINO);
        functions.aggregate("grouping", BIGINT, 1, 1).sameEverywhere();
        functions.aggregate("grouping_id", BIGINT, 1, -1).same(DUCKDB);
        for (String name : new String[] {"row_number", "rank", "dense_rank", "percent_rank", "cume_dist"}) {
            functions.aggregate(name, null, 0, 0).sameEverywhere().readAlsoIn(Dialect.values());
        }
        functions.aggregate("ntile", null, 1, 1).sameEverywhere();
        for (String name : new String[] {"lag", "lead"}) {
            functions.aggregate(name, null, 1, 3).sameEverywhere()
                    // Flink's own default argument is not used: seen in Flink 2.3, with two of them over one window, a NULL
                    // value came back as the other's default. A constant's lag is NULL exactly where there is no row to take.
                    .aggregate(FLINK, call -> call.operandCount() < 3
                            ? AggregateRewrite.renamed(name)
                            : AggregateRewrite.renamed(name).withArguments("{0}, {1}").withCompanion(name + "(1, {1})")
                                    .withWrapper("CASE WHEN {agg1} IS NULL THEN {arg2} ELSE {agg} END"));
        }
        functions.aggregate("nth_value", null, 2, 2).same(DUCKDB, TRINO);
    }

    /**
     * Spark's collect_list and collect_set on Flink's ARRAY_AGG, which keeps NULLs and answers NULL without rows.
     * A FILTER goes into the argument, whose NULLs are removed anyway: Flink ignores FILTER on ARRAY_AGG(DISTINCT ...).
     * The set is the list made distinct, not ARRAY_AGG(DISTINCT ...): Flink cannot plan an ARRAY_AGG next to a DISTINCT
     * aggregate (seen in Flink 2.1: "Min aggregate function does not support type ARRAY").
     */
    private static AggregateRewrite collectFlink(CallContext call, boolean distinct)
    {
        String element = TypeSpecs.render(TypeSpecs.fromRelType(call.operandType(0)
                .orElseThrow(() -> call.unsupported("the argument's type must be known"))), FLINK);
        String none = "CAST(NULL AS " + element + ")";
        String values = "ARRAY_REMOVE({agg}, " + none + ")";
        // ARRAY_AGG of a CHAR (a literal, Flink's sha1) would be an ARRAY<CHAR(n)>, which ARRAY_REMOVE of a STRING does not take.
        return AggregateRewrite.renamed("ARRAY_AGG").withArguments(call.operandIsString(0) ? "CAST({0} AS STRING)" : "{*}")
                .withWrapper("COALESCE(" + (distinct ? "ARRAY_DISTINCT(" + values + ")" : values) + ", ARRAY_REMOVE(ARRAY[" + none + "], " + none + "))")
                .withFilterInArguments();
    }

    /**
     * Spark's first_value and last_value keep a NULL at the first or last row; Flink's skip NULLs. The value is taken
     * when a companion over a NULL flag (never NULL itself) says the row's value is not NULL.
     */
    private static AggregateRewrite respectingNullsFlink(CallContext call, String function)
    {
        RelDataType type = call.operandType(0).orElseThrow(() -> call.unsupported("the argument's type must be known"));
        AggregateRewrite rewrite = AggregateRewrite.renamed(function).withCompanion(function + "(CASE WHEN {0} IS NULL THEN 1 ELSE 0 END)");
        // Flink's FIRST_VALUE and LAST_VALUE take numbers, booleans and VARCHAR only: strings are cast to STRING,
        // dates and timestamps go through their text and back.
        return switch (type.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, REAL, DOUBLE, DECIMAL, BOOLEAN ->
                    rewrite.withWrapper("CASE WHEN {agg1} = 0 THEN {agg} END");
            // A STRING in Sluice's types may be a CHAR in Flink's (a literal, sha1's result).
            case CHAR, VARCHAR -> rewrite.withArguments("CAST({0} AS STRING)").withWrapper("CASE WHEN {agg1} = 0 THEN {agg} END");
            case DATE, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> rewrite.withArguments("CAST({0} AS STRING)")
                    .withWrapper("CASE WHEN {agg1} = 0 THEN CAST({agg} AS " + TypeSpecs.render(TypeSpecs.fromRelType(type), FLINK) + ") END");
            default -> throw call.unsupported("a value of type " + type.getSqlTypeName() + " (Flink's " + function + " does not take it)");
        };
    }

    /** count(DISTINCT a, b) counts the distinct rows where no argument is NULL; DuckDB's and Flink's count take one argument. */
    private static AggregateRewrite countOfColumns(CallContext call)
    {
        if (call.operandCount() <= 1) {
            return AggregateRewrite.renamed("count");
        }
        StringBuilder notNull = new StringBuilder();
        for (int i = 0; i < call.operandCount(); i++) {
            notNull.append(i == 0 ? "" : " AND ").append('{').append(i).append("} IS NOT NULL");
        }
        return new AggregateRewrite("count", false, Optional.empty(), Optional.empty())
                .withArguments("CASE WHEN " + notNull + " THEN ({*}) END");
    }

    private static AggregateRewrite decimalAverage(CallContext call)
    {
        AggregateRewrite average = AggregateRewrite.renamed("avg");
        return call.operandIsDecimal(0) ? average.withWrapper("CAST({agg} AS " + sparkAverageType(call) + ")") : average;
    }

    /** Trino averages a decimal in its own type: the argument is widened to Spark's result type first. */
    private static AggregateRewrite decimalAverageTrino(CallContext call)
    {
        AggregateRewrite average = AggregateRewrite.renamed("avg");
        return call.operandIsDecimal(0) ? average.withArguments("CAST({0} AS " + sparkAverageType(call) + ")") : average;
    }

    /** Flink averages integers as integers (truncating) and decimals in its own scale: the argument is cast first. */
    private static AggregateRewrite averageFlink(CallContext call)
    {
        AggregateRewrite average = AggregateRewrite.renamed("avg");
        return average.withArguments("CAST({0} AS " + (call.operandIsDecimal(0) ? sparkAverageType(call) : "DOUBLE") + ")");
    }

    private static String sparkAverageType(CallContext call)
    {
        RelDataType type = call.operandType(0).orElseThrow();
        return "DECIMAL(" + Math.min(type.getPrecision() + 4, 38) + ", " + Math.min(type.getScale() + 4, 38) + ")";
    }

    /** A percentile's literal percentage between 0 and 1, as text. */
    private static String percentage(CallContext call)
    {
        if (!(call.operand(1) instanceof SqlNumericLiteral literal)) {
            throw call.unsupported("the percentage must be a numeric literal (an array of percentages is not supported)");
        }
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "The percentage of " + call.name() + " must be between 0.0 and 1.0, not " + value.toPlainString());
        }
        return value.toPlainString();
    }

    /**
     * Spark's exact percentile on Trino, which has only approximate ones: the non-NULL values sorted, the position
     * {@code (n - 1) * p} and, between the values at its floor and ceiling, Spark's own interpolation
     * {@code (ceil - pos) * lower + (pos - floor) * higher} in doubles; NULL without values.
     */
    private static AggregateRewrite exactPercentileTrino(CallContext call, String percentage)
    {
        String values = "array_sort(filter({agg}, v -> v IS NOT NULL))";
        String position = "((cardinality(" + values + ") - 1) * CAST(" + percentage + " AS DOUBLE))";
        String lower = "CAST(element_at(" + values + ", CAST(floor(" + position + ") AS BIGINT) + 1) AS DOUBLE)";
        String higher = "CAST(element_at(" + values + ", CAST(ceil(" + position + ") AS BIGINT) + 1) AS DOUBLE)";
        String wrapper = "CASE WHEN cardinality(" + values + ") = 0 THEN CAST(NULL AS DOUBLE) "
                + "WHEN floor(" + position + ") = ceil(" + position + ") THEN " + lower + " "
                + "ELSE (ceil(" + position + ") - " + position + ") * " + lower + " + (" + position + " - floor(" + position + ")) * " + higher + " END";
        return AggregateRewrite.renamed("array_agg").withArguments("{0}").withWrapper(wrapper);
    }
}
