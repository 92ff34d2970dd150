package io.sluice.dialects.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.sluice.dialects.fuzz.FuzzType.BIGINT;
import static io.sluice.dialects.fuzz.FuzzType.BOOLEAN;
import static io.sluice.dialects.fuzz.FuzzType.DATE;
import static io.sluice.dialects.fuzz.FuzzType.DECIMAL;
import static io.sluice.dialects.fuzz.FuzzType.DOUBLE;
import static io.sluice.dialects.fuzz.FuzzType.INT;
import static io.sluice.dialects.fuzz.FuzzType.INT_ARRAY;
import static io.sluice.dialects.fuzz.FuzzType.STRING;
import static io.sluice.dialects.fuzz.FuzzType.STRING_ARRAY;
import static io.sluice.dialects.fuzz.FuzzType.TIMESTAMP;
import static java.util.Objects.requireNonNull;

/**
 * The functions and operators the generator calls, each with Spark's argument and result types. A template's
 * {@code {n}} is the n-th argument; {@code [[a|b|c]]} is one of the alternatives, chosen when the call is generated
 * (units, formats, small literal arguments whose range Spark checks).
 */
public final class FuzzFunctions
{
    /** What kind of call a template is: where in a statement it may stand. */
    public enum Kind
    {
        SCALAR, AGGREGATE, WINDOW
    }

    /** One function or operator signature. */
    public record Signature(Kind kind, String name, FuzzType result, String template, List<FuzzType> arguments)
    {
        public Signature
        {
            requireNonNull(kind, "kind is null");
            requireNonNull(name, "name is null");
            requireNonNull(result, "result is null");
            requireNonNull(template, "template is null");
            arguments = List.copyOf(arguments);
        }
    }

    private static final FuzzType[] NUMBERS = {INT, BIGINT, DOUBLE, DECIMAL};
    private static final FuzzType[] ORDERED = {INT, BIGINT, DOUBLE, DECIMAL, STRING, DATE, TIMESTAMP, BOOLEAN};

    private final List<Signature> signatures = new ArrayList<>();

    private FuzzFunctions() {}

    /** Every signature, scalar, aggregate and window. */
    public static List<Signature> all()
    {
        FuzzFunctions functions = new FuzzFunctions();
        functions.operators();
        functions.math();
        functions.strings();
        functions.dates();
        functions.arrays();
        functions.aggregates();
        functions.windows();
        return List.copyOf(functions.signatures);
    }

    /** The signatures of one kind by result type. */
    public static Map<FuzzType, List<Signature>> byResult(List<Signature> signatures, Kind kind)
    {
        return signatures.stream().filter(signature -> signature.kind() == kind)
                .collect(Collectors.groupingBy(Signature::result));
    }

    private void operators()
    {
        for (FuzzType type : NUMBERS) {
            scalar("+", type, "({0} + {1})", type, type);
            scalar("-", type, "({0} - {1})", type, type);
            scalar("*", type, "({0} * {1})", type, type);
            scalar("negative", type, "(- {0})", type);
            scalar("/", type == DECIMAL ? DECIMAL : DOUBLE, "({0} / {1})", type, type);
            scalar("%", type, "({0} % {1})", type, type);
            scalar("pmod", type, "pmod({0}, {1})", type, type);
            scalar("abs", type, "abs({0})", type);
            scalar("greatest", type, "greatest({0}, {1}, {2})", type, type, type);
            scalar("least", type, "least({0}, {1})", type, type);
        }
        scalar("div", BIGINT, "({0} div {1})", INT, INT);
        scalar("div", BIGINT, "({0} div {1})", BIGINT, BIGINT);
        for (FuzzType type : ORDERED) {
            for (String operator : List.of("=", "<>", "<", "<=", ">", ">=", "<=>")) {
                scalar(operator, BOOLEAN, "({0} " + operator + " {1})", type, type);
            }
            scalar("is null", BOOLEAN, "({0} IS NULL)", type);
            scalar("is not null", BOOLEAN, "({0} IS NOT NULL)", type);
            scalar("between", BOOLEAN, "({0} BETWEEN {1} AND {2})", type, type, type);
            scalar("in", BOOLEAN, "({0} IN ({1}, {2}))", type, type, type);
            scalar("not in", BOOLEAN, "({0} NOT IN ({1}, {2}))", type, type, type);
        }
        for (FuzzType type : FuzzType.values()) {
            scalar("coalesce", type, "coalesce({0}, {1})", type, type);
            scalar("nvl", type, "nvl({0}, {1})", type, type);
            scalar("ifnull", type, "ifnull({0}, {1})", type, type);
            scalar("nvl2", type, "nvl2({0}, {1}, {2})", type, type, type);
            scalar("isnull", BOOLEAN, "isnull({0})", type);
            scalar("isnotnull", BOOLEAN, "isnotnull({0})", type);
            scalar("if", type, "if({0}, {1}, {2})", BOOLEAN, type, type);
            scalar("case", type, "CASE WHEN {0} THEN {1} WHEN {2} THEN {3} ELSE {4} END", BOOLEAN, type, BOOLEAN, type, type);
            scalar("case", type, "CASE WHEN {0} THEN {1} END", BOOLEAN, type);
        }
        for (FuzzType type : ORDERED) {
            scalar("nullif", type, "nullif({0}, {1})", type, type);
            scalar("case", STRING, "CASE {0} WHEN {1} THEN 'one' WHEN {2} THEN 'two' ELSE 'other' END", type, type, type);
        }
        scalar("and", BOOLEAN, "({0} AND {1})", BOOLEAN, BOOLEAN);
        scalar("or", BOOLEAN, "({0} OR {1})", BOOLEAN, BOOLEAN);
        scalar("not", BOOLEAN, "(NOT {0})", BOOLEAN);
        scalar("|", INT, "({0} | {1})", INT, INT);
        scalar("&", INT, "({0} & {1})", INT, INT);
        scalar("^", INT, "({0} ^ {1})", INT, INT);
        scalar("~", INT, "(~ {0})", INT);
        // Casts between the types, both ways through strings.
        for (FuzzType type : ORDERED) {
            scalar("cast", STRING, "CAST({0} AS STRING)", type);
        }
        scalar("cast", INT, "CAST({0} AS INT)", BIGINT);
        scalar("cast", INT, "CAST({0} AS INT)", DOUBLE);
        scalar("cast", INT, "CAST({0} AS INT)", DECIMAL);
        scalar("cast", BIGINT, "CAST({0} AS BIGINT)", INT);
        scalar("cast", DOUBLE, "CAST({0} AS DOUBLE)", INT);
        scalar("cast", DOUBLE, "CAST({0} AS DOUBLE)", DECIMAL);
        scalar("cast", DECIMAL, "CAST({0} AS DECIMAL(10, 2))", INT);
        scalar("cast", DECIMAL, "CAST({0} AS DECIMAL(10, 2))", DOUBLE);
        scalar("cast", DATE, "CAST({0} AS DATE)", TIMESTAMP);
        scalar("cast", TIMESTAMP, "CAST({0} AS TIMESTAMP)", DATE);
        scalar("cast", INT, "CAST({0} AS INT)", BOOLEAN);
        scalar("try_cast", INT, "try_cast({0} AS INT)", STRING);
        scalar("try_cast", DOUBLE, "try_cast({0} AS DOUBLE)", STRING);
        scalar("try_cast", DATE, "try_cast({0} AS DATE)", STRING);
    }

    private void math()
    {
        for (String name : List.of("sqrt", "exp", "ln", "log10", "log2", "sin", "cos", "tan", "atan", "acos", "asin", "cbrt", "degrees", "radians", "signum", "sign", "positive")) {
            scalar(name, DOUBLE, name + "({0})", DOUBLE);
        }
        scalar("sqrt", DOUBLE, "sqrt({0})", INT);
        scalar("power", DOUBLE, "power({0}, {1})", DOUBLE, INT);
        scalar("pow", DOUBLE, "pow({0}, {1})", INT, INT);
        scalar("mod", INT, "mod({0}, {1})", INT, INT);
        scalar("ceiling", BIGINT, "ceiling({0})", DOUBLE);
        scalar("pi", DOUBLE, "(pi() * {0})", DOUBLE);
        scalar("e", DOUBLE, "(e() + {0})", DOUBLE);
        scalar("atan2", DOUBLE, "atan2({0}, {1})", DOUBLE, DOUBLE);
        scalar("log", DOUBLE, "log([[2|10]], {0})", DOUBLE);
        for (FuzzType type : List.of(DOUBLE, DECIMAL)) {
            scalar("round", type, "round({0}, [[0|1|2|-1]])", type);
            scalar("bround", type, "bround({0}, [[0|1|2|-1]])", type);
            scalar("ceil", type == DOUBLE ? BIGINT : DECIMAL, "ceil({0})", type);
            scalar("floor", type == DOUBLE ? BIGINT : DECIMAL, "floor({0})", type);
        }
        scalar("round", INT, "round({0}, [[0|-1]])", INT);
        scalar("factorial", BIGINT, "factorial({0})", INT);
        scalar("shiftleft", INT, "shiftleft({0}, [[1|3]])", INT);
        scalar("shiftright", INT, "shiftright({0}, [[1|3]])", INT);
        scalar("hex", STRING, "hex({0})", BIGINT);
        scalar("hex", STRING, "hex({0})", STRING);
        scalar("conv", STRING, "conv({0}, [[10|16]], [[2|16|10]])", STRING);
        scalar("isnan", BOOLEAN, "isnan({0})", DOUBLE);
    }

    private void strings()
    {
        scalar("concat", STRING, "concat({0}, {1})", STRING, STRING);
        scalar("concat", STRING, "concat({0}, {1}, {2})", STRING, STRING, STRING);
        scalar("||", STRING, "({0} || {1})", STRING, STRING);
        scalar("concat_ws", STRING, "concat_ws([[','|''|' - ']], {0}, {1})", STRING, STRING);
        for (String name : List.of("upper", "lower", "ucase", "lcase", "trim", "ltrim", "rtrim", "initcap", "reverse", "md5", "sha1", "base64")) {
            scalar(name, STRING, name + "({0})", STRING);
        }
        for (String name : List.of("length", "char_length", "character_length", "ascii")) {
            scalar(name, INT, name + "({0})", STRING);
        }
        scalar("substr", STRING, "substr({0}, {1})", STRING, INT);
        scalar("substr", STRING, "substr({0}, {1}, {2})", STRING, INT, INT);
        scalar("substring", STRING, "substring({0}, [[-3|-1|0|1|2|5]], [[0|1|3|10]])", STRING);
        scalar("left", STRING, "left({0}, {1})", STRING, INT);
        scalar("right", STRING, "right({0}, {1})", STRING, INT);
        scalar("lpad", STRING, "lpad({0}, [[0|3|8]], [['*'|'ab']])", STRING);
        scalar("rpad", STRING, "rpad({0}, [[0|3|8]], [['*'|'ab']])", STRING);
        scalar("lpad", STRING, "lpad({0}, [[2|6]])", STRING);
        scalar("repeat", STRING, "repeat({0}, [[0|2|3]])", STRING);
        scalar("replace", STRING, "replace({0}, {1}, {2})", STRING, STRING, STRING);
        scalar("translate", STRING, "translate({0}, [['ab'|'pl'|' ']], [['x'|'XY'|'']])", STRING);
        scalar("instr", INT, "instr({0}, {1})", STRING, STRING);
        scalar("locate", INT, "locate({0}, {1})", STRING, STRING);
        scalar("locate", INT, "locate({0}, {1}, [[0|1|3]])", STRING, STRING);
        scalar("position", INT, "position({0} IN {1})", STRING, STRING);
        scalar("split", STRING_ARRAY, "split({0}, [[','|' '|'a']])", STRING);
        scalar("split", STRING_ARRAY, "split({0}, [[','|' ']], [[-1|0|1|2]])", STRING);
        scalar("chr", STRING, "chr({0})", BIGINT);
        scalar("levenshtein", INT, "levenshtein({0}, {1})", STRING, STRING);
        scalar("regexp_extract", STRING, "regexp_extract({0}, [['([a-z]+)'|'(\\\\d+)'|'([A-Z])(\\\\w*)'|'(a)?b']], [[0|1]])", STRING);
        scalar("regexp_replace", STRING, "regexp_replace({0}, [['[aeiou]'|'\\\\s+'|'^a'|'x*']], [['-'|''|'$0$0']])", STRING);
        scalar("regexp_like", BOOLEAN, "regexp_like({0}, [['^a'|'[0-9]'|'e$'|'']])", STRING);
        scalar("rlike", BOOLEAN, "({0} RLIKE [['^[A-Z]'|'a.c'|'.*']])", STRING);
        scalar("like", BOOLEAN, "({0} LIKE [['a%'|'%a%'|'_'|'%\\\\%%'|'']])", STRING);
        scalar("ilike", BOOLEAN, "({0} ILIKE [['a%'|'%E%']])", STRING);
        scalar("startswith", BOOLEAN, "startswith({0}, {1})", STRING, STRING);
        scalar("endswith", BOOLEAN, "endswith({0}, {1})", STRING, STRING);
        scalar("contains", BOOLEAN, "contains({0}, {1})", STRING, STRING);
        scalar("space", STRING, "space([[0|2]])");
        scalar("sha2", STRING, "sha2({0}, [[256|512]])", STRING);
        scalar("printf", STRING, "printf('%s!', {0})", STRING);
        scalar("regexp", BOOLEAN, "regexp({0}, '^[a-z]')", STRING);
        scalar("get_json_object", STRING, "get_json_object([['{\"a\": 1, \"b\": [1, 2]}'|'{\"a\": \"x\"}'|'[1]']], [['$.a'|'$.b[1]'|'$.c']])");
        scalar("format_number", STRING, "format_number({0}, [[0|2]])", DOUBLE);
        scalar("format_string", STRING, "format_string([['%d items'|'%05d']], {0})", INT);
        scalar("format_string", STRING, "format_string('%s and %s', {0}, {1})", STRING, STRING);
        scalar("decode", STRING, "decode({0}, 1, 'one', 2, 'two', 'many')", INT);
    }

    private void dates()
    {
        scalar("date_add", DATE, "date_add({0}, {1})", DATE, INT);
        scalar("date_sub", DATE, "date_sub({0}, {1})", DATE, INT);
        scalar("datediff", INT, "datediff({0}, {1})", DATE, DATE);
        scalar("add_months", DATE, "add_months({0}, {1})", DATE, INT);
        scalar("months_between", DOUBLE, "months_between({0}, {1})", TIMESTAMP, TIMESTAMP);
        scalar("months_between", DOUBLE, "months_between({0}, {1}, false)", TIMESTAMP, TIMESTAMP);
        scalar("last_day", DATE, "last_day({0})", DATE);
        scalar("next_day", DATE, "next_day({0}, [['MON'|'Sunday'|'fr']])", DATE);
        for (String name : List.of("year", "month", "day", "dayofmonth", "dayofweek", "dayofyear", "weekofyear", "quarter", "weekday")) {
            scalar(name, INT, name + "({0})", DATE);
        }
        for (String name : List.of("hour", "minute", "second")) {
            scalar(name, INT, name + "({0})", TIMESTAMP);
        }
        scalar("extract", INT, "extract([[YEAR|MONTH|DAY|DOW|DOY|WEEK|QUARTER]] FROM {0})", DATE);
        scalar("date_trunc", TIMESTAMP, "date_trunc([['YEAR'|'QUARTER'|'MONTH'|'WEEK'|'DAY'|'HOUR'|'MINUTE']], {0})", TIMESTAMP);
        scalar("trunc", DATE, "trunc({0}, [['YEAR'|'MM'|'QUARTER'|'WEEK']])", DATE);
        scalar("date_format", STRING, "date_format({0}, [['yyyy-MM-dd'|'yyyy/MM/dd HH:mm'|'MMM d, yyyy'|'EEEE'|'yy-M-d H:m:s'|'D']])", TIMESTAMP);
        scalar("to_date", DATE, "to_date({0})", TIMESTAMP);
        scalar("to_date", DATE, "to_date([['2024-02-29'|'1999-12-31'|'2021-01-01']])");
        scalar("to_timestamp", TIMESTAMP, "to_timestamp([['2024-02-29 12:34:56'|'1999-12-31 23:59:59.5']])");
        scalar("unix_timestamp", BIGINT, "unix_timestamp({0})", TIMESTAMP);
        scalar("to_unix_timestamp", BIGINT, "to_unix_timestamp({0})", TIMESTAMP);
        scalar("make_timestamp", TIMESTAMP, "make_timestamp([[2024|1999]], [[2|12]], [[29|31|1]], {0}, 30, 15.5)", INT);
        scalar("from_unixtime", STRING, "from_unixtime({0})", BIGINT);
        scalar("from_unixtime", STRING, "from_unixtime({0}, 'yyyy-MM-dd')", BIGINT);
        scalar("make_date", DATE, "make_date([[1999|2024]], [[1|2|12]], [[1|28|29]])");
        scalar("date +", DATE, "({0} + {1})", DATE, INT);
        scalar("interval", TIMESTAMP, "({0} + INTERVAL [['1'|'-2'|'36']] [[DAY|HOUR|MONTH|MINUTE]])", TIMESTAMP);
        scalar("interval", DATE, "({0} - INTERVAL [['1'|'13']] [[DAY|MONTH|YEAR]])", DATE);
    }

    private void arrays()
    {
        scalar("array", INT_ARRAY, "array({0}, {1})", INT, INT);
        scalar("array", STRING_ARRAY, "array({0}, {1}, {2})", STRING, STRING, STRING);
        for (FuzzType array : List.of(INT_ARRAY, STRING_ARRAY)) {
            FuzzType element = array == INT_ARRAY ? INT : STRING;
            scalar("size", INT, "size({0})", array);
            scalar("cardinality", INT, "cardinality({0})", array);
            scalar("array_size", INT, "array_size({0})", array);
            scalar("to_json", STRING, "to_json({0})", array);
            scalar("flatten", array, "flatten(array({0}, {1}))", array, array);
            scalar("array_contains", BOOLEAN, "array_contains({0}, {1})", array, element);
            scalar("array_position", BIGINT, "array_position({0}, {1})", array, element);
            scalar("element_at", element, "element_at({0}, [[1|2|-1]])", array);
            scalar("subscript", element, "{0}[ [[0|1|2]] ]", array);
            scalar("array_distinct", array, "array_distinct({0})", array);
            scalar("array_sort", array, "array_sort({0})", array);
            scalar("sort_array", array, "sort_array({0}, [[true|false]])", array);
            scalar("array_max", element, "array_max({0})", array);
            scalar("array_min", element, "array_min({0})", array);
            scalar("array_union", array, "array_union({0}, {1})", array, array);
            scalar("array_intersect", array, "array_intersect({0}, {1})", array, array);
            scalar("array_except", array, "array_except({0}, {1})", array, array);
            scalar("slice", array, "slice({0}, [[1|2|-2]], [[0|1|2]])", array);
            scalar("array_remove", array, "array_remove({0}, {1})", array, element);
            scalar("concat", array, "concat({0}, {1})", array, array);
            scalar("reverse", array, "reverse({0})", array);
        }
        scalar("array_join", STRING, "array_join({0}, [[','|'']])", STRING_ARRAY);
        scalar("array_join", STRING, "array_join({0}, ',', [['?'|'']])", STRING_ARRAY);
        scalar("sequence", INT_ARRAY, "sequence({0}, [[1|5]])", INT);
        scalar("transform", INT_ARRAY, "transform({0}, x -> x [[+ 1|* 2|% 3]])", INT_ARRAY);
        scalar("transform", STRING_ARRAY, "transform({0}, x -> upper(x))", STRING_ARRAY);
        scalar("filter", INT_ARRAY, "filter({0}, x -> x [[> 0|IS NULL|< 3]])", INT_ARRAY);
        scalar("aggregate", INT, "aggregate({0}, 0, (acc, x) -> acc + coalesce(x, 0))", INT_ARRAY);
        scalar("array_join", STRING, "array_join(transform({0}, x -> CAST(x AS STRING)), '-')", INT_ARRAY);
    }

    private void aggregates()
    {
        for (FuzzType type : FuzzType.values()) {
            aggregate("count", BIGINT, "count({0})", type);
        }
        aggregate("count", BIGINT, "count(*)");
        for (FuzzType type : ORDERED) {
            aggregate("min", type, "min({0})", type);
            aggregate("max", type, "max({0})", type);
            aggregate("count distinct", BIGINT, "count(DISTINCT {0})", type);
            aggregate("max_by", type, "max_by({0}, id)", type);
            aggregate("min_by", type, "min_by({0}, id)", type);
        }
        for (FuzzType type : NUMBERS) {
            aggregate("sum", type == INT ? BIGINT : type, "sum({0})", type);
            aggregate("avg", type == DECIMAL ? DECIMAL : DOUBLE, "avg({0})", type);
            aggregate("sum distinct", type == INT ? BIGINT : type, "sum(DISTINCT {0})", type);
            aggregate("mean", type == DECIMAL ? DECIMAL : DOUBLE, "mean({0})", type);
            for (String name : List.of("stddev", "stddev_pop", "stddev_samp", "std", "variance", "var_pop", "var_samp")) {
                aggregate(name, DOUBLE, name + "({0})", type);
            }
            aggregate("percentile", DOUBLE, "percentile({0}, [[0.5|0.25|1.0]])", type);
            aggregate("median", DOUBLE, "median({0})", type);
        }
        aggregate("corr", DOUBLE, "corr({0}, {1})", DOUBLE, DOUBLE);
        aggregate("covar_pop", DOUBLE, "covar_pop({0}, {1})", DOUBLE, DOUBLE);
        aggregate("covar_samp", DOUBLE, "covar_samp({0}, {1})", DOUBLE, DOUBLE);
        aggregate("every", BOOLEAN, "every({0})", BOOLEAN);
        aggregate("percentile_approx", INT, "percentile_approx({0}, [[0.5|0.9]])", INT);
        aggregate("approx_percentile", DOUBLE, "approx_percentile({0}, 0.5)", DOUBLE);
        aggregate("bool_and", BOOLEAN, "bool_and({0})", BOOLEAN);
        aggregate("bool_or", BOOLEAN, "bool_or({0})", BOOLEAN);
        aggregate("count_if", BIGINT, "count_if({0})", BOOLEAN);
        aggregate("approx_count_distinct", BIGINT, "approx_count_distinct({0})", STRING);
        // Collections in a fixed order: the order of collect_list is Spark's scan order, which no engine shares.
        aggregate("collect_list", INT_ARRAY, "sort_array(collect_list({0}))", INT);
        aggregate("collect_set", STRING_ARRAY, "sort_array(collect_set({0}))", STRING);
        aggregate("sum filter", BIGINT, "sum({0}) FILTER (WHERE {1})", INT, BOOLEAN);
        aggregate("count filter", BIGINT, "count(*) FILTER (WHERE {0})", BOOLEAN);
    }

    private void windows()
    {
        String over = " OVER (PARTITION BY g ORDER BY id)";
        window("row_number", INT, "row_number()" + over);
        window("rank", INT, "rank() OVER (PARTITION BY g ORDER BY {0})", INT);
        window("dense_rank", INT, "dense_rank() OVER (ORDER BY {0})", STRING);
        window("percent_rank", DOUBLE, "percent_rank() OVER (PARTITION BY g ORDER BY {0})", DATE);
        window("cume_dist", DOUBLE, "cume_dist() OVER (ORDER BY {0})", INT);
        window("ntile", INT, "ntile([[2|3]])" + over);
        for (FuzzType type : ORDERED) {
            window("lag", type, "lag({0})" + over, type);
            window("lead", type, "lead({0}, [[1|2]])" + over, type);
            window("lag", type, "lag({0}, 1, {1})" + over, type, type);
            window("first_value", type, "first_value({0})" + over, type);
            window("last_value", type, "last_value({0}) OVER (PARTITION BY g ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)", type);
            window("nth_value", type, "nth_value({0}, 2) OVER (PARTITION BY g ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)", type);
            window("min", type, "min({0})" + over, type);
            window("max", type, "max({0}) OVER (PARTITION BY g)", type);
        }
        for (FuzzType type : NUMBERS) {
            window("sum", type == INT ? BIGINT : type, "sum({0}) OVER (PARTITION BY g ORDER BY id [[ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING|ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW|ROWS BETWEEN CURRENT ROW AND 2 FOLLOWING|RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW]])", type);
            window("avg", type == DECIMAL ? DECIMAL : DOUBLE, "avg({0}) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)", type);
            window("count", BIGINT, "count({0}) OVER (PARTITION BY g)", type);
        }
    }

    private void scalar(String name, FuzzType result, String template, FuzzType... arguments)
    {
        signatures.add(new Signature(Kind.SCALAR, name, result, template, List.of(arguments)));
    }

    private void aggregate(String name, FuzzType result, String template, FuzzType... arguments)
    {
        signatures.add(new Signature(Kind.AGGREGATE, name, result, template, List.of(arguments)));
    }

    private void window(String name, FuzzType result, String template, FuzzType... arguments)
    {
        signatures.add(new Signature(Kind.WINDOW, name, result, template, List.of(arguments)));
    }
}
