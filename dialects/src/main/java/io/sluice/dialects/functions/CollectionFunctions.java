package io.sluice.dialects.functions;

import io.sluice.dialects.target.TypeSpecs;
import io.sluice.spi.type.SluiceType;
import io.sluice.spi.type.TypeKind;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.sluice.dialects.Dialect.DUCKDB;
import static io.sluice.dialects.Dialect.FLINK;
import static io.sluice.dialects.Dialect.TRINO;
import static io.sluice.dialects.functions.ReturnTypeInferences.ANY;
import static io.sluice.dialects.functions.ReturnTypeInferences.ARG0;
import static io.sluice.dialects.functions.ReturnTypeInferences.ARRAY_OF_ANY;
import static io.sluice.dialects.functions.ReturnTypeInferences.ARRAY_OF_ARG0_ARG1;
import static io.sluice.dialects.functions.ReturnTypeInferences.BOOLEAN;
import static io.sluice.dialects.functions.ReturnTypeInferences.ELEMENT_OF_ARG0;
import static io.sluice.dialects.functions.ReturnTypeInferences.INTEGER;
import static io.sluice.dialects.functions.ReturnTypeInferences.KEYS_OF_ARG0;
import static io.sluice.dialects.functions.ReturnTypeInferences.STRING;
import static io.sluice.dialects.functions.ReturnTypeInferences.VALUES_OF_ARG0;

/**
 * Arrays, maps, structs and higher-order functions. Spark counts array positions from 1 in functions
 * ({@code element_at}) and from 0 in subscripts and lambda indexes; DuckDB counts from 1 everywhere.
 */
final class CollectionFunctions
{
    private CollectionFunctions() {}

    static void register(FunctionCatalog.Builder functions)
    {
        functions.scalar("array", null, 0, -1)
                .duckdb("[{*}]")
                .trino("ARRAY[{*}]")
                .rewrite(FLINK, call -> call.operandCount() > 0 ? call.template("ARRAY[{*}]") : emptyArrayFlink(call));
        for (String name : new String[] {"size", "cardinality", "array_size"}) {
            functions.scalar(name, INTEGER, 1, 1)
                    .rewrite(DUCKDB, call -> {
                        if (call.operandIsMap(0)) {
                            return call.template("cardinality({0})");
                        }
                        if (call.operandIsArray(0)) {
                            return call.template("len({0})");
                        }
                        throw call.unsupported("the argument's type must be known to be an array or a map");
                    })
                    .renamed(TRINO, "cardinality")
                    .renamed(FLINK, "CARDINALITY");
        }
        // Spark (ANSI mode, its default) fails on index 0 and on an index out of bounds; DuckDB returns NULL.
        functions.scalar("element_at", ELEMENT_OF_ARG0, 2, 2)
                .rewrite(DUCKDB, call -> call.operandIsMap(0)
                        ? call.template("{0}[{1}]")
                        : call.template("CASE WHEN {1} = 0 THEN error('[INVALID_INDEX_OF_ZERO] The index 0 is invalid: SQL array indices start at 1') "
                                + "WHEN abs({1}) > len({0}) THEN error('[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] The index ' || {1} "
                                + "|| ' is out of bounds. The array has ' || len({0}) || ' elements.') ELSE {0}[{1}] END"))
                // Trino's element_at of an array answers NULL out of bounds, where Spark fails.
                .rewrite(TRINO, call -> call.operandIsMap(0)
                        ? call.rename("element_at")
                        : call.template("CASE WHEN {1} = 0 THEN fail('[INVALID_INDEX_OF_ZERO] The index 0 is invalid: SQL array indices start at 1') "
                                + "WHEN abs({1}) > cardinality({0}) THEN fail('[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] The index ' || CAST({1} AS VARCHAR) "
                                + "|| ' is out of bounds. The array has ' || CAST(cardinality({0}) AS VARCHAR) || ' elements.') ELSE element_at({0}, {1}) END"));
        // Spark: true if found, else NULL if the array holds a NULL, else false (Trino's contains says the same).
        functions.scalar("array_contains", BOOLEAN, 2, 2)
                .duckdb("CASE WHEN {0} IS NULL OR {1} IS NULL THEN NULL WHEN list_contains({0}, {1}) THEN true "
                        + "WHEN len(list_filter({0}, __x -> __x IS NULL)) > 0 THEN NULL ELSE false END")
                .trino("contains({0}, {1})")
                // Flink's ARRAY_CONTAINS finds a NULL needle; NULLIF(x, x) is a NULL of the needle's type.
                .flink("CASE WHEN {0} IS NULL OR {1} IS NULL THEN CAST(NULL AS BOOLEAN) WHEN ARRAY_CONTAINS({0}, {1}) THEN TRUE "
                        + "WHEN ARRAY_CONTAINS({0}, NULLIF({1}, {1})) THEN CAST(NULL AS BOOLEAN) ELSE FALSE END");
        functions.scalar("array_position", ReturnTypeInferences.BIGINT, 2, 2)
                .duckdb("CASE WHEN {0} IS NULL OR {1} IS NULL THEN NULL ELSE coalesce(list_position({0}, {1}), 0) END")
                .same(TRINO)
                .flink("CASE WHEN {1} IS NULL THEN CAST(NULL AS BIGINT) ELSE CAST(ARRAY_POSITION({0}, {1}) AS BIGINT) END");
        functions.scalar("sort_array", ARG0, 1, 2)
                .rewrite(DUCKDB, call -> ascending(call)
                        ? call.template("list_sort({0}, 'ASC', 'NULLS FIRST')")
                        : call.template("list_sort({0}, 'DESC', 'NULLS LAST')"))
                .rewrite(TRINO, call -> ascending(call)
                        ? call.template("concat(filter({0}, __x -> __x IS NULL), array_sort(filter({0}, __x -> __x IS NOT NULL)))")
                        : call.template("concat(reverse(array_sort(filter({0}, __x -> __x IS NOT NULL))), filter({0}, __x -> __x IS NULL))"))
                // NULLs first ascending, last descending, as in Spark.
                .rewrite(FLINK, call -> ascending(call) ? call.template("ARRAY_SORT({0}, TRUE, TRUE)") : call.template("ARRAY_SORT({0}, FALSE, FALSE)"));
        functions.scalar("array_sort", ARG0, 1, 1)
                .duckdb("list_sort({0}, 'ASC', 'NULLS LAST')")
                .same(TRINO)
                .flink("ARRAY_SORT({0}, TRUE, FALSE)");
        functions.scalar("array_join", STRING, 2, 3)
                // DuckDB joins an empty list to NULL; Spark to ''.
                .rewrite(DUCKDB, call -> call.operandCount() == 2
                        ? call.template("CASE WHEN {0} IS NULL OR {1} IS NULL THEN NULL ELSE coalesce(array_to_string({0}, {1}), '') END")
                        : call.template("CASE WHEN {0} IS NULL OR {1} IS NULL OR {2} IS NULL THEN NULL "
                                + "ELSE coalesce(array_to_string(list_transform({0}, __x -> coalesce(CAST(__x AS VARCHAR), {2})), {1}), '') END"))
                .same(TRINO)
                .rewrite(FLINK, call -> {
                    if (!call.operandType(0).map(type -> type.getComponentType() != null && SqlTypeName.CHAR_TYPES.contains(type.getComponentType().getSqlTypeName()))
                            .orElse(false)) {
                        throw call.unsupported("an array of other than strings");
                    }
                    return call.rename("ARRAY_JOIN");
                });
        // Spark keeps the first occurrence of each value, in order, NULL included; DuckDB's list_distinct does not.
        String distinct = "list_filter({0}, (__x, __i) -> __i = list_position({0}, __x))";
        functions.scalar("array_distinct", ARG0, 1, 1)
                .duckdb(distinct)
                .same(TRINO)
                .flink("ARRAY_DISTINCT({0})");
        // Spark: NULL if either array is; a NULL element is a value (kept once, found in the other array or not).
        // DuckDB's list_concat takes a NULL list for an empty one, and its list_contains never finds a NULL.
        String eitherNull = "CASE WHEN {0} IS NULL OR {1} IS NULL THEN NULL ELSE ";
        String inSecond = "(CASE WHEN __x IS NULL THEN len(list_filter({1}, __y -> __y IS NULL)) > 0 ELSE list_contains({1}, __x) END)";
        functions.scalar("array_union", ARG0, 2, 2)
                .duckdb(eitherNull + "list_filter(list_concat({0}, {1}), (__x, __i) -> __i = list_position(list_concat({0}, {1}), __x)) END")
                .same(TRINO)
                .flink("ARRAY_UNION({0}, {1})");
        // Trino's contains answers NULL for a value not found in an array holding a NULL, and never finds a NULL.
        String inSecondTrino = "(CASE WHEN __x IS NULL THEN any_match({1}, __y -> __y IS NULL) ELSE coalesce(contains({1}, __x), false) END)";
        functions.scalar("array_intersect", ARG0, 2, 2)
                .duckdb(eitherNull + "list_filter({0}, (__x, __i) -> __i = list_position({0}, __x) AND " + inSecond + ") END")
                .trino(eitherNull + "filter(array_distinct({0}), __x -> " + inSecondTrino + ") END")
                .flink("ARRAY_INTERSECT({0}, {1})");
        functions.scalar("array_except", ARG0, 2, 2)
                .duckdb(eitherNull + "list_filter({0}, (__x, __i) -> __i = list_position({0}, __x) AND NOT " + inSecond + ") END")
                .trino(eitherNull + "filter(array_distinct({0}), __x -> NOT " + inSecondTrino + ") END")
                .flink("ARRAY_EXCEPT({0}, {1})");
        functions.scalar("array_max", ELEMENT_OF_ARG0, 1, 1).duckdb("list_max({0})").trino("array_max(filter({0}, __x -> __x IS NOT NULL))")
                .flink("ARRAY_MAX({0})");
        functions.scalar("array_min", ELEMENT_OF_ARG0, 1, 1).duckdb("list_min({0})").trino("array_min(filter({0}, __x -> __x IS NOT NULL))")
                .flink("ARRAY_MIN({0})");
        functions.scalar("array_remove", ARG0, 2, 2)
                .duckdb("CASE WHEN {1} IS NULL THEN NULL ELSE list_filter({0}, __x -> __x IS NULL OR __x <> {1}) END")
                .same(TRINO)
                .rewrite(FLINK, call -> call.template("CASE WHEN {1} IS NULL THEN CAST(NULL AS {2}) ELSE ARRAY_REMOVE({0}, {1}) END",
                        call.operand(0), call.operand(1), TypeSpecs.toCalcite(TypeSpecs.fromRelType(call.operandType(0)
                                .orElseThrow(() -> call.unsupported("the array's type must be known"))), call.pos())));
        // Spark: NULL if one of the inner arrays is NULL; DuckDB and Trino skip it.
        functions.scalar("flatten", ELEMENT_OF_ARG0, 1, 1)
                .duckdb("CASE WHEN len(list_filter({0}, __x -> __x IS NULL)) > 0 THEN NULL ELSE flatten({0}) END")
                .trino("CASE WHEN any_match({0}, __x -> __x IS NULL) THEN NULL ELSE flatten({0}) END");
        String sliceStart = "(CASE WHEN {1} < 0 THEN {1} + CARDINALITY({0}) ELSE {1} - 1 END)";
        functions.scalar("slice", ARG0, 3, 3)
                .duckdb("list_slice({0}, {1}, CASE WHEN {1} < 0 AND {1} + {2} - 1 >= 0 THEN len({0}) ELSE {1} + {2} - 1 END)")
                .same(TRINO)
                // Spark: a start of 0 or a negative length fails; a start outside the array gives []; the rest is clipped.
                .flink("CASE WHEN {1} = 0 THEN ARRAY_SLICE({0}, " + Failures.flink("'[INVALID_PARAMETER_VALUE.START] The value of parameter start in slice is invalid: ' || CAST({1} AS STRING)") + ", 1)"
                        + " WHEN {2} < 0 THEN ARRAY_SLICE({0}, " + Failures.flink("'[INVALID_PARAMETER_VALUE.LENGTH] The value of parameter length in slice is invalid: ' || CAST({2} AS STRING)") + ", 1)"
                        // Flink's ARRAY_SLICE(a, 1, 0) is [a[1]]: its end 0 is not before the start.
                        + " WHEN {2} = 0 OR " + sliceStart + " < 0 OR " + sliceStart + " >= CARDINALITY({0}) THEN ARRAY_SLICE({0}, 2, 1)"
                        + " ELSE ARRAY_SLICE({0}, " + sliceStart + " + 1, " + sliceStart + " + {2}) END");
        functions.scalar("sequence", ARRAY_OF_ARG0_ARG1, 2, 3)
                .rewrite(DUCKDB, call -> call.operandCount() == 3
                        ? call.template("generate_series({0}, {1}, {2})")
                        : call.template("generate_series({0}, {1}, CASE WHEN {0} <= {1} THEN 1 ELSE -1 END)"))
                .same(TRINO);
        functions.scalar("transform", ARRAY_OF_ANY, 2, 2)
                .rewrite(DUCKDB, call -> call.template("list_transform({0}, {1})", call.operand(0), oneBasedIndex(call, 1)))
                .rewrite(TRINO, call -> withoutIndexParameter(call, "transform"));
        functions.scalar("filter", ARG0, 2, 2)
                .rewrite(DUCKDB, call -> call.template("list_filter({0}, {1})", call.operand(0), oneBasedIndex(call, 1)))
                .rewrite(TRINO, call -> withoutIndexParameter(call, "filter"));
        functions.scalar("aggregate", ANY, 3, 4)
                .rewrite(DUCKDB, CollectionFunctions::aggregateDuckDb)
                .rewrite(TRINO, call -> call.operandCount() == 4
                        ? call.rename("reduce")
                        : call.template("reduce({0}, {1}, {2}, __s -> __s)"));
        functions.scalar("map", null, 0, -1)
                .rewrite(DUCKDB, call -> keysAndValues(call, "map([", "], [", "])"))
                .rewrite(TRINO, call -> keysAndValues(call, "map(ARRAY[", "], ARRAY[", "])"))
                .flink("MAP[{*}]");
        functions.scalar("map_keys", KEYS_OF_ARG0, 1, 1).same(DUCKDB).same(TRINO).flink("MAP_KEYS({0})");
        functions.scalar("map_values", VALUES_OF_ARG0, 1, 1).same(DUCKDB).same(TRINO).flink("MAP_VALUES({0})");
        functions.scalar("map_from_arrays", ANY, 2, 2).duckdb("map({0}, {1})").trino("map({0}, {1})");
        functions.scalar("map_contains_key", BOOLEAN, 2, 2)
                .duckdb("list_contains(map_keys({0}), {1})")
                .trino("contains(map_keys({0}), {1})");
        functions.scalar("named_struct", ReturnTypeInferences.NAMED_STRUCT, 2, -1)
                .rewrite(DUCKDB, CollectionFunctions::namedStructDuckDb)
                .rewrite(TRINO, CollectionFunctions::namedStructRow)
                .rewrite(FLINK, CollectionFunctions::namedStructRow);
        functions.scalar("struct", ReturnTypeInferences.STRUCT, 1, -1)
                .rewrite(DUCKDB, CollectionFunctions::structDuckDb)
                .rewrite(TRINO, CollectionFunctions::structRow)
                .rewrite(FLINK, CollectionFunctions::structRow);
        functions.scalar("to_json", STRING, 1, 1).duckdb("CAST(to_json({0}) AS VARCHAR)");
        functions.scalar("explode", ELEMENT_OF_ARG0, 1, 1)
                .rewrite(DUCKDB, call -> {
                    if (!call.operandIsArray(0)) {
                        throw call.unsupported("in a SELECT list only arrays are exploded; use LATERAL VIEW for maps");
                    }
                    return call.template("unnest({0})");
                });
    }

    /** Flink's ARRAY[] needs an element: an empty array is a one-NULL array with its NULL removed. */
    private static SqlNode emptyArrayFlink(CallContext call)
    {
        SluiceType element = call.resultType()
                .map(type -> type.getComponentType())
                .filter(type -> type != null && type.getSqlTypeName() != SqlTypeName.NULL && type.getSqlTypeName() != SqlTypeName.UNKNOWN)
                .map(TypeSpecs::fromRelType)
                .orElseThrow(() -> call.unsupported("an empty array whose element type is not known; CAST it to its type"));
        SqlNode type = TypeSpecs.toCalcite(element, call.pos());
        return call.template("ARRAY_REMOVE(ARRAY[CAST(NULL AS {0})], CAST(NULL AS {0}))", type);
    }

    private static boolean ascending(CallContext call)
    {
        if (call.operandCount() == 1) {
            return true;
        }
        String flag = call.operand(1).toString().toUpperCase(Locale.ROOT);
        if (!flag.equals("TRUE") && !flag.equals("FALSE")) {
            throw call.unsupported("the sort order must be the literal true or false");
        }
        return flag.equals("TRUE");
    }

    /** Trino's lambdas over array elements take the element only, not Spark's index as a second parameter. */
    private static SqlNode withoutIndexParameter(CallContext call, String function)
    {
        if (call.operand(1) instanceof SqlLambda lambda && lambda.getParameters().size() > 1) {
            throw call.unsupported("a lambda with an index parameter");
        }
        return call.rename(function);
    }

    /** A lambda whose second parameter is Spark's 0-based index, rewritten for an engine counting from 1. */
    private static SqlNode oneBasedIndex(CallContext call, int operand)
    {
        if (!(call.operand(operand) instanceof SqlLambda lambda)) {
            throw call.unsupported("the function argument must be a lambda");
        }
        if (lambda.getParameters().size() < 2) {
            return lambda;
        }
        SqlIdentifier index = (SqlIdentifier) lambda.getParameters().get(1);
        SqlParserPos pos = lambda.getParserPosition();
        SqlNode zeroBased = SqlStdOperatorTable.MINUS.createCall(pos, index, SqlLiteral.createExactNumeric("1", pos));
        return new SqlLambda(pos, lambda.getParameters(), substitute(lambda.getExpression(), index.getSimple(), zeroBased));
    }

    private static SqlNode aggregateDuckDb(CallContext call)
    {
        if (!(call.operand(2) instanceof SqlLambda)) {
            throw call.unsupported("the merge argument must be a lambda");
        }
        SqlNode reduced = call.template("list_reduce({0}, {2}, {1})");
        if (call.operandCount() == 3) {
            return reduced;
        }
        if (!(call.operand(3) instanceof SqlLambda finish) || finish.getParameters().size() != 1) {
            throw call.unsupported("the finish argument must be a lambda of one parameter");
        }
        String parameter = ((SqlIdentifier) finish.getParameters().get(0)).getSimple();
        return call.template("{0}", substitute(finish.getExpression(), parameter, reduced));
    }

    private static SqlNode keysAndValues(CallContext call, String open, String middle, String close)
    {
        if (call.operandCount() % 2 != 0) {
            throw call.unsupported("keys and values must come in pairs");
        }
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < call.operandCount(); i += 2) {
            keys.add("{" + i + "}");
            values.add("{" + (i + 1) + "}");
        }
        return call.template(open + String.join(", ", keys) + middle + String.join(", ", values) + close);
    }

    private static SqlNode namedStructDuckDb(CallContext call)
    {
        if (call.operandCount() % 2 != 0) {
            throw call.unsupported("names and values must come in pairs");
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < call.operandCount(); i += 2) {
            String name = call.requireStringLiteral(i, "each field name");
            fields.add("\"" + name.replace("\"", "\"\"") + "\" := {" + (i + 1) + "}");
        }
        return call.template("struct_pack(" + String.join(", ", fields) + ")");
    }

    private static SqlNode structDuckDb(CallContext call)
    {
        List<String> names = structFieldNames(call);
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fields.add("\"" + names.get(i).replace("\"", "\"\"") + "\" := {" + i + "}");
        }
        return call.template("struct_pack(" + String.join(", ", fields) + ")");
    }

    /** Spark names a struct's fields after the columns it is built from, else col1, col2, ... */
    private static List<String> structFieldNames(CallContext call)
    {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < call.operandCount(); i++) {
            SqlNode operand = call.operand(i);
            names.add(operand instanceof SqlIdentifier identifier && !identifier.isStar()
                    ? identifier.names.get(identifier.names.size() - 1)
                    : "col" + (i + 1));
        }
        return names;
    }

    /** Trino's anonymous ROW, cast to a ROW type that names its fields: CAST(ROW(x, y) AS ROW(a integer, b varchar)). */
    /** named_struct('a', x, 'b', y) as a ROW cast to its named type (Trino, Flink). */
    private static SqlNode namedStructRow(CallContext call)
    {
        if (call.operandCount() % 2 != 0) {
            throw call.unsupported("names and values must come in pairs");
        }
        List<String> names = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < call.operandCount(); i += 2) {
            names.add(call.requireStringLiteral(i, "each field name"));
            values.add(i + 1);
        }
        return row(call, names, values);
    }

    /** struct(x, y) as a ROW cast to its named type (Trino, Flink). */
    private static SqlNode structRow(CallContext call)
    {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < call.operandCount(); i++) {
            values.add(i);
        }
        return row(call, structFieldNames(call), values);
    }

    private static SqlNode row(CallContext call, List<String> names, List<Integer> valueOperands)
    {
        List<SqlNode> operands = new ArrayList<>();
        List<SluiceType> types = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        for (int operand : valueOperands) {
            SluiceType type = call.operandType(operand).map(TypeSpecs::fromRelType)
                    .orElseThrow(() -> call.unsupported("the type of each field must be known"));
            if (type.kind() == TypeKind.NULL) {
                throw call.unsupported("a NULL field needs a CAST to its type");
            }
            placeholders.add("{" + operands.size() + "}");
            operands.add(call.operand(operand));
            types.add(type);
        }
        operands.add(TypeSpecs.toCalcite(SluiceType.struct(names, types), call.pos()));
        return call.template("CAST(ROW(" + String.join(", ", placeholders) + ") AS {" + (operands.size() - 1) + "})", operands);
    }

    /** The expression with every reference to a lambda parameter replaced. */
    static SqlNode substitute(SqlNode expression, String parameter, SqlNode replacement)
    {
        return expression.accept(new SqlShuttle()
        {
            @Override
            public SqlNode visit(SqlIdentifier identifier)
            {
                return identifier.isSimple() && identifier.getSimple().equalsIgnoreCase(parameter) ? replacement : identifier;
            }

            @Override
            public SqlNode visit(SqlCall call)
            {
                // An inner lambda that declares the same name shadows the parameter.
                if (call.getKind() == SqlKind.LAMBDA && ((SqlLambda) call).getParameters().getList().stream()
                        .anyMatch(node -> ((SqlIdentifier) node).getSimple().equalsIgnoreCase(parameter))) {
                    return call;
                }
                return super.visit(call);
            }
        });
    }
}
