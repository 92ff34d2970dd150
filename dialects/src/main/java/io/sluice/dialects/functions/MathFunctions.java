package io.sluice.dialects.functions;

import io.sluice.dialects.Dialect;
import org.apache.calcite.sql.SqlNode;

import static io.sluice.dialects.Dialect.DUCKDB;
import static io.sluice.dialects.Dialect.FLINK;
import static io.sluice.dialects.Dialect.TRINO;
import static io.sluice.dialects.functions.ReturnTypeInferences.ARG0;
import static io.sluice.dialects.functions.ReturnTypeInferences.BIGINT;
import static io.sluice.dialects.functions.ReturnTypeInferences.BOOLEAN;
import static io.sluice.dialects.functions.ReturnTypeInferences.DOUBLE;

/** Numeric functions. Spark rounds half up ({@code round}) or half to even ({@code bround}). */
final class MathFunctions
{
    private MathFunctions() {}

    static void register(FunctionCatalog.Builder functions)
    {
        functions.scalar("abs", ARG0, 1, 1).sameEverywhere().readAlsoIn(Dialect.values());
        for (String name : new String[] {"ceil", "ceiling"}) {
            functions.scalar(name, ARG0, 1, 1).renamed(DUCKDB, "ceil").renamed(TRINO, "ceil").renamed(FLINK, "CEIL");
        }
        functions.scalar("floor", ARG0, 1, 1).sameEverywhere();
        functions.scalar("round", ARG0, 1, 2).sameEverywhere();
        functions.scalar("bround", ARG0, 1, 2)
                .rewrite(DUCKDB, call -> call.template(call.operandCount() == 1 ? "round_even({0}, 0)" : "round_even({0}, {1})"))
                .rewrite(TRINO, MathFunctions::broundTrino)
                .note(TRINO, "emulated for exact numbers (half-even by hand); refused for floating-point operands");
        // Spark's square root of a negative number is NaN; DuckDB fails on it.
        functions.scalar("sqrt", DOUBLE, 1, 1).duckdb("CASE WHEN {0} < 0 THEN CAST('NaN' AS DOUBLE) ELSE sqrt({0}) END").same(TRINO, FLINK);
        for (String name : new String[] {"exp", "sin", "cos", "tan", "atan", "degrees", "radians"}) {
            functions.scalar(name, DOUBLE, 1, 1).sameEverywhere();
        }
        // Spark's arc sine and cosine outside [-1, 1] are NaN; DuckDB fails on them.
        for (String name : new String[] {"asin", "acos"}) {
            functions.scalar(name, DOUBLE, 1, 1)
                    .duckdb("CASE WHEN {0} < -1 OR {0} > 1 THEN CAST('NaN' AS DOUBLE) ELSE " + name + "({0}) END")
                    .same(TRINO, FLINK);
        }
        // Flink has no cube root.
        functions.scalar("cbrt", DOUBLE, 1, 1).same(DUCKDB, TRINO);
        functions.scalar("atan2", DOUBLE, 2, 2).sameEverywhere();
        // Spark's logarithms of zero and negative numbers are NULL; DuckDB fails on them.
        functions.scalar("ln", DOUBLE, 1, 1)
                .duckdb("CASE WHEN {0} <= 0 THEN NULL ELSE ln({0}) END")
                .trino("CASE WHEN {0} <= 0 THEN NULL ELSE ln({0}) END")
                .flink("CASE WHEN {0} <= 0 THEN CAST(NULL AS DOUBLE) ELSE LN({0}) END");
        functions.scalar("log10", DOUBLE, 1, 1)
                .duckdb("CASE WHEN {0} <= 0 THEN NULL ELSE log10({0}) END")
                .trino("CASE WHEN {0} <= 0 THEN NULL ELSE log10({0}) END")
                .flink("CASE WHEN {0} <= 0 THEN CAST(NULL AS DOUBLE) ELSE LOG10({0}) END");
        functions.scalar("log2", DOUBLE, 1, 1)
                .duckdb("CASE WHEN {0} <= 0 THEN NULL ELSE log2({0}) END")
                .trino("CASE WHEN {0} <= 0 THEN NULL ELSE log2({0}) END")
                .flink("CASE WHEN {0} <= 0 THEN CAST(NULL AS DOUBLE) ELSE LOG2({0}) END");
        functions.scalar("log", DOUBLE, 1, 2)
                .rewrite(DUCKDB, call -> call.operandCount() == 1
                        ? call.template("CASE WHEN {0} <= 0 THEN NULL ELSE ln({0}) END")
                        : call.template("CASE WHEN {0} <= 0 OR {1} <= 0 THEN NULL ELSE ln({1}) / ln({0}) END"))
                .rewrite(TRINO, call -> call.operandCount() == 1
                        ? call.template("CASE WHEN {0} <= 0 THEN NULL ELSE ln({0}) END")
                        : call.template("CASE WHEN {0} <= 0 OR {1} <= 0 THEN NULL ELSE ln({1}) / ln({0}) END"))
                .rewrite(FLINK, call -> call.operandCount() == 1
                        ? call.template("CASE WHEN {0} <= 0 THEN CAST(NULL AS DOUBLE) ELSE LN({0}) END")
                        : call.template("CASE WHEN {0} <= 0 OR {1} <= 0 THEN CAST(NULL AS DOUBLE) ELSE LN({1}) / LN({0}) END"));
        for (String name : new String[] {"pow", "power"}) {
            functions.scalar(name, DOUBLE, 2, 2).renamed(DUCKDB, "pow").renamed(TRINO, "pow").renamed(FLINK, "POWER");
        }
        for (String name : new String[] {"sign", "signum"}) {
            functions.scalar(name, DOUBLE, 1, 1).duckdb("CAST(sign({0}) AS DOUBLE)").trino("CAST(sign({0}) AS DOUBLE)").renamed(FLINK, "SIGN");
        }
        functions.scalar("pi", DOUBLE, 0, 0).sameEverywhere();
        functions.scalar("e", DOUBLE, 0, 0).duckdb("exp(1)").trino("e()").flink("E()");
        // Spark fails a modulo by zero as it fails a division (ZeroDivisors); Flink's MOD takes exact numbers only.
        functions.scalar("mod", ARG0, 2, 2)
                .rewrite(DUCKDB, call -> call.template(guarded(call, "({0} % {1})")))
                .rewrite(TRINO, call -> call.template(guarded(call, "mod({0}, {1})")))
                .rewrite(FLINK, call -> exactFlink(call).template(guarded(call, "MOD({0}, {1})")));
        // Spark's pmod is never negative for a positive divisor.
        String pmod = "WHEN {0} % {1} < 0 THEN ({0} % {1} + {1}) % {1} ELSE {0} % {1} END";
        String modPmod = "WHEN mod({0}, {1}) < 0 THEN mod(mod({0}, {1}) + {1}, {1}) ELSE mod({0}, {1}) END";
        functions.scalar("pmod", ARG0, 2, 2)
                .rewrite(DUCKDB, call -> call.template("CASE " + byZero(call) + pmod))
                .rewrite(TRINO, call -> call.template("CASE " + byZero(call) + modPmod))
                .rewrite(FLINK, call -> exactFlink(call).template("CASE " + byZero(call) + modPmod.replace("mod(", "MOD(")));
        // Spark: n! for 0 to 20, else NULL (21! overflows a BIGINT).
        functions.scalar("factorial", BIGINT, 1, 1)
                .duckdb("CASE WHEN {0} BETWEEN 0 AND 20 THEN CAST(factorial({0}) AS BIGINT) END")
                .trino("CASE WHEN {0} BETWEEN 0 AND 20 THEN reduce(sequence(1, greatest(CAST({0} AS BIGINT), 1)), CAST(1 AS BIGINT), "
                        + "(__s, __x) -> __s * __x, __s -> __s) END");
        functions.scalar("shiftleft", ARG0, 2, 2).duckdb("({0} << {1})").trino("bitwise_left_shift({0}, {1})")
                .note(DUCKDB, "a shift past the type's width fails instead of wrapping around");
        functions.scalar("shiftright", ARG0, 2, 2).duckdb("({0} >> {1})").trino("bitwise_right_shift_arithmetic({0}, {1})");
        // Spark's isnan of NULL is false.
        functions.scalar("isnan", BOOLEAN, 1, 1).duckdb("coalesce(isnan({0}), false)").trino("coalesce(is_nan({0}), false)");
        functions.scalar("positive", ARG0, 1, 1).duckdb("(+({0}))").trino("(+({0}))").flink("(+({0}))");
        functions.scalar("negative", ARG0, 1, 1).duckdb("(-({0}))").trino("(-({0}))").flink("(-({0}))");
        for (String name : new String[] {"rand", "random"}) {
            functions.scalar(name, DOUBLE, 0, 1)
                    .rewrite(DUCKDB, call -> {
                        if (call.operandCount() > 0) {
                            throw call.unsupported("a seed: DuckDB's random numbers are not Spark's");
                        }
                        return call.template("random()");
                    })
                    .rewrite(TRINO, call -> {
                        if (call.operandCount() > 0) {
                            throw call.unsupported("a seed: Trino's random numbers are not Spark's");
                        }
                        return call.template("random()");
                    });
        }
    }

    /**
     * Spark's half-even rounding on Trino, which rounds half away from zero: exact for DECIMAL and integers (a tie is
     * found exactly, and goes to the even neighbour). Doubles are refused: Spark rounds a double's shortest decimal
     * form, which Trino's arithmetic on doubles does not see.
     */
    private static SqlNode broundTrino(CallContext call)
    {
        long digits = call.operandCount() == 1 ? 0 : call.integerLiteral(1).orElseThrow(() -> call.unsupported("the scale must be an integer literal"));
        if (call.operandIsExactInteger(0) && digits >= 0) {
            return call.template("{0}");
        }
        if (!call.operandIsDecimal(0) || digits < 0 || digits > 18) {
            throw call.unsupported("bround of a floating-point number or to a negative scale (Trino rounds half away from zero)");
        }
        String multiplier = "1" + "0".repeat((int) digits);
        // Divided by a decimal of that scale, the result keeps its digits (Trino's decimal division keeps the larger scale).
        String divisor = digits == 0 ? "1" : multiplier + "." + "0".repeat((int) digits);
        String scaled = "({0} * " + multiplier + ")";
        return call.template("CASE WHEN abs(" + scaled + " - truncate(" + scaled + ")) = 0.5 "
                + "THEN (truncate(" + scaled + ") + CASE WHEN truncate(" + scaled + ") % 2 = 0 THEN 0 ELSE sign(" + scaled + ") END) / " + divisor
                + " ELSE round({0}, " + digits + ") END");
    }

    /** Flink's MOD takes exact numbers only. */
    private static CallContext exactFlink(CallContext call)
    {
        if (call.operandIsApproximate(0) || call.operandIsApproximate(1)) {
            throw call.unsupported("a floating-point operand");
        }
        return call;
    }

    /** The modulo, failing as Spark does when the divisor is zero. */
    private static String guarded(CallContext call, String modulo)
    {
        String when = byZero(call);
        return when.isEmpty() ? modulo : "CASE " + when + "ELSE " + modulo + " END";
    }

    private static String byZero(CallContext call)
    {
        return ZeroDivisors.failingWhen(call.target(), call.operand(1), "%");
    }
}
