package io.sluice.dialects.functions;

import io.sluice.dialects.Dialect;
import org.apache.calcite.sql.SqlNode;

import static io.sluice.dialects.Dialect.DUCKDB;
import static io.sluice.dialects.Dialect.FLINK;
import static io.sluice.dialects.Dialect.TRINO;
import static io.sluice.dialects.functions.ReturnTypeInferences.ARG0;
import static io.sluice.dialects.functions.ReturnTypeInferences.ARG1;
import static io.sluice.dialects.functions.ReturnTypeInferences.BOOLEAN;
import static io.sluice.dialects.functions.ReturnTypeInferences.LEAST_RESTRICTIVE;

/** Conditional and NULL-handling functions. */
final class StandardFunctions
{
    private StandardFunctions() {}

    static void register(FunctionCatalog.Builder functions)
    {
        functions.scalar("coalesce", LEAST_RESTRICTIVE, 1, -1).sameEverywhere().readAlsoIn(Dialect.values());
        functions.scalar("nullif", ARG0, 2, 2).sameEverywhere().readAlsoIn(Dialect.values());
        functions.scalar("if", ARG1, 3, 3)
                .duckdb("CASE WHEN {0} THEN {1} ELSE {2} END")
                .trino("CASE WHEN {0} THEN {1} ELSE {2} END")
                .flink("CASE WHEN {0} THEN {1} ELSE {2} END");
        for (String name : new String[] {"nvl", "ifnull"}) {
            functions.scalar(name, LEAST_RESTRICTIVE, 2, 2)
                    .renamed(DUCKDB, "coalesce")
                    .renamed(TRINO, "coalesce")
                    .renamed(FLINK, "coalesce");
        }
        functions.scalar("nvl2", ARG1, 3, 3)
                .duckdb("CASE WHEN {0} IS NOT NULL THEN {1} ELSE {2} END")
                .trino("CASE WHEN {0} IS NOT NULL THEN {1} ELSE {2} END")
                .flink("CASE WHEN {0} IS NOT NULL THEN {1} ELSE {2} END");
        functions.scalar("isnull", BOOLEAN, 1, 1)
                .duckdb("({0} IS NULL)")
                .trino("({0} IS NULL)")
                .flink("({0} IS NULL)");
        functions.scalar("isnotnull", BOOLEAN, 1, 1)
                .duckdb("({0} IS NOT NULL)")
                .trino("({0} IS NOT NULL)")
                .flink("({0} IS NOT NULL)");
        // decode(expr, search, result, ..., [default]): the first search equal to expr, NULL equal to NULL, as in Spark.
        // With two arguments it is Spark's charset decoding of a binary value.
        functions.scalar("decode", ReturnTypeInferences.DECODE, 2, -1)
                .rewrite(DUCKDB, call -> call.operandCount() == 2 ? utf8Decode(call, "decode({0})") : searchedDecode(call))
                .rewrite(TRINO, call -> call.operandCount() == 2 ? utf8Decode(call, "from_utf8({0})") : searchedDecode(call))
                .rewrite(FLINK, call -> call.operandCount() == 2 ? call.template("DECODE({0}, {1})") : searchedDecode(call));
        // Spark skips NULLs; DuckDB does too, Trino and Flink return NULL if any argument is NULL.
        functions.scalar("greatest", LEAST_RESTRICTIVE, 1, -1).same(DUCKDB)
                .rewrite(TRINO, call -> skippingNulls(call, "greatest"))
                .note(TRINO, "emulated: NULL arguments are skipped as in Spark")
                .rewrite(FLINK, call -> skippingNulls(call, "GREATEST"))
                .note(FLINK, "emulated: NULL arguments are skipped as in Spark");
        functions.scalar("least", LEAST_RESTRICTIVE, 1, -1).same(DUCKDB)
                .rewrite(TRINO, call -> skippingNulls(call, "least"))
                .note(TRINO, "emulated: NULL arguments are skipped as in Spark")
                .rewrite(FLINK, call -> skippingNulls(call, "LEAST"))
                .note(FLINK, "emulated: NULL arguments are skipped as in Spark");
    }

    private static SqlNode searchedDecode(CallContext call)
    {
        if (call.operandCount() < 3) {
            throw call.unsupportedArity();
        }
        StringBuilder template = new StringBuilder("CASE");
        int pairs = (call.operandCount() - 1) / 2;
        for (int i = 0; i < pairs; i++) {
            template.append(" WHEN {0} IS NOT DISTINCT FROM {").append(1 + 2 * i).append("} THEN {").append(2 + 2 * i).append('}');
        }
        if ((call.operandCount() - 1) % 2 == 1) {
            template.append(" ELSE {").append(call.operandCount() - 1).append('}');
        }
        return call.template(template.append(" END").toString());
    }

    /** Spark's decode(binary, charset) where the engine decodes UTF-8 only. */
    private static SqlNode utf8Decode(CallContext call, String template)
    {
        String charset = call.requireStringLiteral(1, "the charset");
        if (!charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("UTF8")) {
            throw call.unsupported("the charset " + charset + " (UTF-8 only)");
        }
        return call.template(template);
    }

    /** greatest/least over the non-NULL arguments: each NULL is replaced by the first non-NULL argument. */
    private static SqlNode skippingNulls(CallContext call, String function)
    {
        StringBuilder template = new StringBuilder(function).append('(');
        for (int i = 0; i < call.operandCount(); i++) {
            if (i > 0) {
                template.append(", ");
            }
            template.append("coalesce({").append(i).append("}, {*})");
        }
        return call.template(template.append(')').toString());
    }
}
