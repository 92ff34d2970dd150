package io.sluice.dialects.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.sluice.dialects.Dialect.DUCKDB;
import static io.sluice.dialects.Dialect.FLINK;
import static io.sluice.dialects.Dialect.TRINO;
import static io.sluice.dialects.functions.DateTimeFunctions.quote;
import static io.sluice.dialects.functions.ReturnTypeInferences.ARRAY_OF_STRING;
import static io.sluice.dialects.functions.ReturnTypeInferences.BOOLEAN;
import static io.sluice.dialects.functions.ReturnTypeInferences.INTEGER;
import static io.sluice.dialects.functions.ReturnTypeInferences.STRING;

/** String functions. Spark's regular expressions are Java's; DuckDB's RE2 reads the common subset alike. */
final class StringFunctions
{
    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$(\\d)");

    private StringFunctions() {}

    static void register(FunctionCatalog.Builder functions)
    {
        for (String name : new String[] {"upper", "lower", "ucase", "lcase"}) {
            String function = name.startsWith("u") ? "upper" : "lower";
            functions.scalar(name, STRING, 1, 1).renamed(DUCKDB, function).renamed(TRINO, function).renamed(FLINK, function.toUpperCase())
                    .readAlsoIn(io.sluice.dialects.Dialect.values());
        }
        for (String name : new String[] {"length", "char_length", "character_length"}) {
            functions.scalar(name, INTEGER, 1, 1)
                    .rewrite(DUCKDB, call -> call.operandIs(0, SqlTypeName.VARBINARY, SqlTypeName.BINARY)
                            ? call.template("octet_length({0})") : call.template("length({0})"))
                    .renamed(TRINO, "length")
                    .renamed(FLINK, "CHAR_LENGTH");
        }
        for (String name : new String[] {"trim", "ltrim", "rtrim"}) {
            functions.scalar(name, STRING, 1, 2).sameEverywhere();
        }
        functions.scalar("reverse", ReturnTypeInferences.ARG0, 1, 1)
                .rewrite(DUCKDB, call -> call.operandIsArray(0) ? call.template("list_reverse({0})") : call.template("reverse({0})"))
                .same(TRINO)
                .rewrite(FLINK, call -> call.operandIsArray(0) ? call.template("ARRAY_REVERSE({0})") : call.template("REVERSE({0})"));
        functions.scalar("repeat", STRING, 2, 2).same(DUCKDB).same(FLINK)
                // Trino repeats a NULL into an array of NULLs (joined: '') and fails on a negative count (Spark: '').
                .rewrite(TRINO, call -> call.template("CASE WHEN {0} IS NULL THEN NULL ELSE array_join(repeat({0}, greatest({1}, 0)), '') END"));
        functions.scalar("replace", STRING, 2, 3)
                .rewrite(DUCKDB, call -> call.operandCount() == 2 ? call.template("replace({0}, {1}, '')") : call.rename("replace"))
                // Spark replaces nothing for an empty search string; Trino and Flink insert between every character.
                .rewrite(TRINO, call -> call.operandCount() == 2 ? call.rename("replace")
                        : call.template("CASE WHEN {1} = '' THEN {0} ELSE replace({0}, {1}, {2}) END"))
                .rewrite(FLINK, call -> call.operandCount() == 2 ? call.template("REPLACE({0}, {1}, '')")
                        : call.template("CASE WHEN {1} = '' THEN {0} ELSE REPLACE({0}, {1}, {2}) END"));
        // Spark treats position 0 like 1 and negative positions as counted from the end.
        for (String name : new String[] {"substr", "substring"}) {
            functions.scalar(name, STRING, 2, 3)
                    .rewrite(DUCKDB, call -> substring(call, "substring", "length"))
                    .rewrite(TRINO, call -> substring(call, "substr", "length"))
                    .rewrite(FLINK, call -> substring(call, "SUBSTR", "CHAR_LENGTH"));
        }
        functions.scalar("left", STRING, 2, 2)
                .duckdb("CASE WHEN {0} IS NULL THEN NULL WHEN {1} <= 0 THEN '' ELSE left({0}, {1}) END")
                .trino("CASE WHEN {0} IS NULL THEN NULL WHEN {1} <= 0 THEN '' ELSE substr({0}, 1, {1}) END")
                .flink("CASE WHEN {0} IS NULL THEN CAST(NULL AS STRING) WHEN {1} <= 0 THEN '' ELSE SUBSTR({0}, 1, {1}) END");
        functions.scalar("right", STRING, 2, 2)
                .duckdb("CASE WHEN {0} IS NULL THEN NULL WHEN {1} <= 0 THEN '' ELSE right({0}, {1}) END")
                .trino("CASE WHEN {0} IS NULL THEN NULL WHEN {1} <= 0 THEN '' WHEN {1} >= length({0}) THEN {0} ELSE substr({0}, -({1})) END")
                .flink("CASE WHEN {0} IS NULL THEN CAST(NULL AS STRING) WHEN {1} <= 0 THEN '' WHEN {1} >= CHAR_LENGTH({0}) THEN {0} "
                        + "ELSE SUBSTR({0}, CHAR_LENGTH({0}) - {1} + 1) END");
        functions.scalar("instr", INTEGER, 2, 2)
                .duckdb("instr({0}, {1})")
                .trino("strpos({0}, {1})")
                .flink("INSTR({0}, {1})");
        functions.scalar("locate", INTEGER, 2, 3)
                .rewrite(DUCKDB, call -> call.operandCount() == 2
                        ? call.template("instr({1}, {0})")
                        : call.template("CASE WHEN {0} IS NULL OR {1} IS NULL THEN NULL WHEN {2} < 1 THEN 0 WHEN instr(substring({1}, {2}), {0}) = 0 THEN 0 "
                                + "ELSE instr(substring({1}, {2}), {0}) + {2} - 1 END"))
                .rewrite(TRINO, call -> call.operandCount() == 2
                        ? call.template("strpos({1}, {0})")
                        : call.template("CASE WHEN {0} IS NULL OR {1} IS NULL THEN NULL WHEN {2} < 1 THEN 0 WHEN strpos(substr({1}, {2}), {0}) = 0 THEN 0 "
                                + "ELSE strpos(substr({1}, {2}), {0}) + {2} - 1 END"))
                // Flink's LOCATE treats a start below 1 as 1; Spark answers 0.
                .rewrite(FLINK, call -> call.operandCount() == 2
                        ? call.template("LOCATE({0}, {1})")
                        : call.template("CASE WHEN {0} IS NULL OR {1} IS NULL THEN CAST(NULL AS INT) WHEN {2} < 1 THEN 0 ELSE LOCATE({0}, {1}, {2}) END"));
        for (String name : new String[] {"lpad", "rpad"}) {
            functions.scalar(name, STRING, 2, 3)
                    .rewrite(DUCKDB, call -> pad(call, name))
                    .rewrite(TRINO, call -> pad(call, name))
                    .rewrite(FLINK, call -> pad(call, name.toUpperCase()));
        }
        functions.scalar("initcap", STRING, 1, 1)
                .duckdb("array_to_string(list_transform(string_split(lower({0}), ' '), "
                        + "__w -> upper(substring(__w, 1, 1)) || substring(__w, 2)), ' ')")
                .note(DUCKDB, "emulated: words are split on single spaces, as Spark does")
                .trino("array_join(transform(split(lower({0}), ' '), __w -> upper(substr(__w, 1, 1)) || substr(__w, 2)), ' ')")
                .note(TRINO, "emulated: words are split on single spaces, as Spark does");
        // Flink's INITCAP starts a word after any character other than a letter or digit ('a,b' -> 'A,B'); Spark's after a space only.
        // Spark's concat is NULL when any argument is; DuckDB's skips NULLs, its || does not.
        functions.scalar("concat", ReturnTypeInferences.CONCAT, 0, -1)
                .rewrite(DUCKDB, StringFunctions::concatDuckDb)
                .rewrite(TRINO, StringFunctions::concatTrino)
                .rewrite(FLINK, StringFunctions::concatFlink);
        // Spark's concat_ws joins the elements of array arguments too.
        functions.scalar("concat_ws", STRING, 1, -1)
                .rewrite(DUCKDB, StringFunctions::concatWsDuckDb)
                .rewrite(TRINO, call -> concatWsOfStrings(call, "concat_ws"))
                .rewrite(FLINK, call -> concatWsOfStrings(call, "CONCAT_WS"));
        functions.scalar("split", ARRAY_OF_STRING, 2, 3)
                .rewrite(DUCKDB, call -> {
                    if (call.operandCount() == 3 && call.integerLiteral(2).filter(limit -> limit <= 0).isEmpty()) {
                        throw call.unsupported("a positive limit");
                    }
                    return call.template("regexp_split_to_array({0}, {1})");
                })
                .rewrite(TRINO, call -> {
                    if (call.operandCount() == 3 && call.integerLiteral(2).filter(limit -> limit <= 0).isEmpty()) {
                        throw call.unsupported("a positive limit");
                    }
                    return call.template("regexp_split({0}, {1})");
                })
                .rewrite(FLINK, StringFunctions::splitFlink);
        // Spark returns '' when the pattern does not match; group 1 by default.
        functions.scalar("regexp_extract", STRING, 2, 3)
                .rewrite(DUCKDB, call -> call.template(call.operandCount() == 2 ? "regexp_extract({0}, {1}, 1)" : "regexp_extract({0}, {1}, {2})"))
                // Trino returns NULL where nothing matches; NULL arguments must still give NULL.
                .rewrite(TRINO, call -> call.template("CASE WHEN {0} IS NULL OR {1} IS NULL THEN NULL ELSE coalesce(regexp_extract({0}, {1}, "
                        + (call.operandCount() == 2 ? "1" : "{2}") + "), '') END"))
                // Flink returns NULL where nothing matches; NULL arguments must still give NULL.
                .rewrite(FLINK, call -> call.template("CASE WHEN {0} IS NULL OR {1} IS NULL THEN CAST(NULL AS STRING) ELSE COALESCE(REGEXP_EXTRACT({0}, {1}, "
                        + (call.operandCount() == 2 ? "1" : "{2}") + "), '') END"));
        // Spark replaces every match and writes group references as $1; DuckDB needs 'g' and \1.
        functions.scalar("regexp_replace", STRING, 3, 3)
                .rewrite(DUCKDB, call -> call.template("regexp_replace({0}, {1}, " + duckDbReplacement(call) + ", 'g')"))
                .same(TRINO)
                // Flink reads Java's regular expressions, as Spark does, but takes the replacement literally.
                .rewrite(FLINK, call -> {
                    String replacement = call.requireStringLiteral(2, "the replacement");
                    if (replacement.contains("$") || replacement.contains("\\")) {
                        throw call.unsupported("group references in the replacement");
                    }
                    return call.rename("REGEXP_REPLACE");
                });
        for (String name : new String[] {"regexp", "regexp_like"}) {
            functions.scalar(name, BOOLEAN, 2, 2)
                    .duckdb("regexp_matches({0}, {1})")
                    .trino("regexp_like({0}, {1})")
                    .flink("REGEXP({0}, {1})");
        }
        functions.scalar("translate", STRING, 3, 3).same(DUCKDB).same(TRINO).flink("TRANSLATE({0}, {1}, {2})");
        functions.scalar("ascii", INTEGER, 1, 1)
                .duckdb("CASE WHEN {0} = '' THEN 0 ELSE ascii({0}) END")
                .trino("CASE WHEN {0} = '' THEN 0 ELSE codepoint(CAST(substr({0}, 1, 1) AS VARCHAR(1))) END")
                .flink("CASE WHEN {0} = '' THEN 0 ELSE ASCII({0}) END");
        // Spark: '' below 0, else the character of n % 256.
        functions.scalar("chr", STRING, 1, 1)
                .duckdb("CASE WHEN {0} < 0 THEN '' ELSE chr(CAST({0} % 256 AS INTEGER)) END")
                .trino("CASE WHEN {0} < 0 THEN '' ELSE chr(CAST({0} % 256 AS BIGINT)) END")
                .flink("CASE WHEN {0} < 0 THEN '' ELSE CHR(CAST({0} % 256 AS INT)) END");
        functions.scalar("space", STRING, 1, 1).duckdb("repeat(' ', {0})")
                .trino("CASE WHEN {0} <= 0 THEN '' ELSE rpad('', CAST({0} AS BIGINT), ' ') END")
                .flink("REPEAT(' ', {0})");
        functions.scalar("levenshtein", INTEGER, 2, 2).same(DUCKDB).renamed(TRINO, "levenshtein_distance");
        functions.scalar("startswith", BOOLEAN, 2, 2).renamed(DUCKDB, "starts_with").renamed(TRINO, "starts_with").renamed(FLINK, "STARTSWITH");
        functions.scalar("endswith", BOOLEAN, 2, 2).renamed(DUCKDB, "ends_with").trino("(substr({0}, -length({1})) = {1} OR {1} = '')")
                .renamed(FLINK, "ENDSWITH");
        functions.scalar("contains", BOOLEAN, 2, 2).duckdb("contains({0}, {1})").trino("(strpos({0}, {1}) > 0)").flink("(POSITION({1} IN {0}) > 0)");
        functions.scalar("format_number", STRING, 2, 2)
                .rewrite(DUCKDB, call -> {
                    long digits = call.integerLiteral(1).orElseThrow(() -> call.unsupported("the number of decimals must be an integer literal"));
                    return call.template("format('{:," + (digits > 0 ? "." + digits : ".0") + "f}', CAST({0} AS DOUBLE))");
                })
                .note(DUCKDB, "emulated with format('{:,.Nf}'); the decimal point is always '.'");
        for (String name : new String[] {"format_string", "printf"}) {
            functions.scalar(name, STRING, 1, -1).rewrite(DUCKDB, StringFunctions::printfDuckDb).renamed(TRINO, "format");
        }
        functions.scalar("md5", STRING, 1, 1).duckdb("md5({0})").trino("lower(to_hex(md5(to_utf8({0}))))").same(FLINK);
        functions.scalar("sha1", STRING, 1, 1).duckdb("sha1({0})").trino("lower(to_hex(sha1(to_utf8({0}))))").flink("SHA1({0})");
        functions.scalar("sha", STRING, 1, 1).duckdb("sha1({0})").trino("lower(to_hex(sha1(to_utf8({0}))))").flink("SHA1({0})");
        functions.scalar("sha2", STRING, 2, 2)
                .rewrite(DUCKDB, call -> {
                    long bits = call.integerLiteral(1).orElseThrow(() -> call.unsupported("the bit length must be an integer literal"));
                    if (bits == 0 || bits == 256) {
                        return call.template("sha256({0})");
                    }
                    // DuckDB 1.4 has no sha512.
                    throw call.unsupported("bit length " + bits);
                })
                .rewrite(TRINO, call -> {
                    long bits = call.integerLiteral(1).orElseThrow(() -> call.unsupported("the bit length must be an integer literal"));
                    if (bits == 0 || bits == 256) {
                        return call.template("lower(to_hex(sha256(to_utf8({0}))))");
                    }
                    if (bits == 512) {
                        return call.template("lower(to_hex(sha512(to_utf8({0}))))");
                    }
                    throw call.unsupported("bit length " + bits);
                })
                // Spark reads a bit length of 0 as 256; Flink does not know it.
                .rewrite(FLINK, call -> call.integerLiteral(1).orElse(-1L) == 0 ? call.template("sha2({0}, 256)") : call.rename("sha2"));
        functions.scalar("base64", STRING, 1, 1)
                .rewrite(DUCKDB, call -> call.operandIsString(0) || call.operandType(0).isEmpty()
                        ? call.template("to_base64(encode({0}))") : call.template("to_base64({0})"))
                .rewrite(TRINO, call -> call.operandIsString(0) || call.operandType(0).isEmpty()
                        ? call.template("to_base64(to_utf8({0}))") : call.template("to_base64({0})"))
                .renamed(FLINK, "TO_BASE64");
        functions.scalar("hex", STRING, 1, 1)
                .rewrite(DUCKDB, call -> call.operandIsExactInteger(0) ? call.template("hex(CAST({0} AS BIGINT))") : call.template("hex({0})"))
                .rewrite(TRINO, call -> {
                    if (call.operandIsExactInteger(0)) {
                        // Spark writes a negative number's 64-bit two's complement; to_base writes a minus sign.
                        return call.template("CASE WHEN {0} < 0 THEN to_hex(to_big_endian_64(CAST({0} AS BIGINT))) ELSE upper(to_base(CAST({0} AS BIGINT), 16)) END");
                    }
                    if (call.operandIs(0, SqlTypeName.BINARY, SqlTypeName.VARBINARY)) {
                        return call.template("to_hex({0})");
                    }
                    return call.template("to_hex(to_utf8({0}))");
                })
                // Flink writes a BIGINT's 64-bit two's complement and a string's UTF-8 bytes, as Spark.
                .rewrite(FLINK, call -> {
                    if (call.operandIsExactInteger(0)) {
                        return call.template("HEX(CAST({0} AS BIGINT))");
                    }
                    if (!call.operandIsString(0) && !call.operandIs(0, SqlTypeName.BINARY, SqlTypeName.VARBINARY)) {
                        throw call.unsupported("an argument other than an integer, a string or binary");
                    }
                    return call.template("HEX({0})");
                });
        functions.scalar("conv", STRING, 3, 3)
                .trino("upper(to_base(from_base({0}, {1}), {2}))")
                .note(TRINO, "negative numbers are written with a minus sign, not in two's complement as Spark does");
        functions.scalar("get_json_object", STRING, 2, 2)
                .duckdb("json_extract_string({0}, {1})")
                .trino("json_extract_scalar({0}, {1})");
    }

    /**
     * Spark's substr: a position counts from 1, 0 is 1, a negative one from the end; the start before the beginning is
     * clamped to it, but a length counts from the unclamped start ({@code substr('abc', -5, 3)} is {@code 'a'}), and
     * a negative length gives {@code ''}. Written with 0-based starts so every engine computes the same.
     */
    private static SqlNode substring(CallContext call, String function, String length)
    {
        Optional<Long> position = call.integerLiteral(1);
        if (position.isPresent() && position.get() >= 0) {
            // A start at or after the beginning: only 0 (read as 1) and a length below 1 differ from the engines'.
            String from = position.get() == 0 ? "1" : "{1}";
            if (call.operandCount() == 2) {
                return call.template(function + "({0}, " + from + ")");
            }
            Optional<Long> count = call.integerLiteral(2);
            if (count.isPresent() && count.get() > 0) {
                return call.template(function + "({0}, " + from + ", {2})");
            }
            return call.template("CASE WHEN " + anyNull(call) + " THEN " + nullString(call) + " WHEN {2} <= 0 THEN '' ELSE "
                    + function + "({0}, " + from + ", {2}) END");
        }
        String start = "(CASE WHEN {1} > 0 THEN {1} - 1 WHEN {1} < 0 THEN " + length + "({0}) + {1} ELSE 0 END)";
        String clamped = "greatest(" + start + ", 0)";
        if (call.operandCount() == 2) {
            String substring = function + "({0}, " + clamped + " + 1)";
            // greatest() skips a NULL start, which must give NULL.
            return call.template(position.isPresent() ? substring : "CASE WHEN {1} IS NULL THEN " + nullString(call) + " ELSE " + substring + " END");
        }
        // Spark's answer is NULL when any argument is, before its empty string for a length below 1.
        return call.template("CASE WHEN " + anyNull(call) + " THEN " + nullString(call) + " WHEN " + clamped + " >= " + start + " + {2} THEN '' ELSE "
                + function + "({0}, " + clamped + " + 1, " + start + " + {2} - " + clamped + ") END");
    }

    /** {@code {0} IS NULL OR {1} IS NULL ...} over every operand of the call. */
    private static String anyNull(CallContext call)
    {
        StringBuilder condition = new StringBuilder();
        for (int i = 0; i < call.operandCount(); i++) {
            condition.append(i == 0 ? "" : " OR ").append('{').append(i).append("} IS NULL");
        }
        return condition.toString();
    }

    private static String nullString(CallContext call)
    {
        return call.target() == FLINK ? "CAST(NULL AS STRING)" : "NULL";
    }

    private static SqlNode pad(CallContext call, String function)
    {
        if (call.operandCount() == 2) {
            return call.template(function + "({0}, {1}, ' ')");
        }
        return call.template(function + "({0}, {1}, {2})");
    }

    private static SqlNode concatDuckDb(CallContext call)
    {
        if (call.operandCount() == 0) {
            return call.template("''");
        }
        boolean arrays = false;
        for (int i = 0; i < call.operandCount(); i++) {
            arrays |= call.operandIsArray(i);
        }
        StringBuilder template = new StringBuilder("(");
        for (int i = 0; i < call.operandCount(); i++) {
            if (i > 0) {
                template.append(" || ");
            }
            if (call.operandIsApproximate(i)) {
                // DuckDB writes floating-point numbers differently from Spark (1.0E10 vs 10000000000.0).
                throw call.unsupported("a floating-point argument: cast it to DECIMAL or format it first");
            }
            boolean text = arrays || call.operandIsString(i) || call.operandType(i).isEmpty();
            template.append(text ? "{" + i + "}" : "CAST({" + i + "} AS VARCHAR)");
        }
        return call.template(template.append(")").toString());
    }

    /**
     * Spark splits on a regular expression, Flink's SPLIT on a literal delimiter: a delimiter without regular expression
     * syntax means the same to both. Spark splits '' into [''], Flink into [].
     */
    private static SqlNode splitFlink(CallContext call)
    {
        if (call.operandCount() == 3 && call.integerLiteral(2).filter(limit -> limit <= 0).isEmpty()) {
            throw call.unsupported("a positive limit");
        }
        String delimiter = call.requireStringLiteral(1, "the pattern");
        if (delimiter.chars().anyMatch(c -> "\\^$.|?*+()[]{}".indexOf(c) >= 0)) {
            throw call.unsupported("a pattern with regular expression syntax; only a literal delimiter");
        }
        return call.template("CASE WHEN {0} = '' THEN ARRAY[''] ELSE SPLIT({0}, {1}) END");
    }

    /** Flink's CONCAT takes strings only: other arguments are cast, as Spark casts them; arrays are ARRAY_CONCAT's. */
    private static SqlNode concatFlink(CallContext call)
    {
        for (int i = 0; i < call.operandCount(); i++) {
            if (call.operandIsArray(i)) {
                // NULL if any array is, as Spark.
                return call.rename("ARRAY_CONCAT");
            }
        }
        return concatCasting(call, "CONCAT", "STRING");
    }

    /** Trino's concat joins strings or arrays: arguments of other types are cast to VARCHAR, as Spark casts them. */
    private static SqlNode concatTrino(CallContext call)
    {
        for (int i = 0; i < call.operandCount(); i++) {
            if (call.operandIsArray(i)) {
                return call.rename("concat");
            }
            if (call.operandIs(i, SqlTypeName.TIMESTAMP, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)) {
                // Trino writes every fractional digit of its timestamp(6); Spark drops trailing zeros.
                throw call.unsupported("a timestamp argument: format it with date_format first");
            }
        }
        return concatCasting(call, "concat", "VARCHAR");
    }

    /** The engine's concat over strings; other arguments are cast to its string type, floating-point ones refused. */
    private static SqlNode concatCasting(CallContext call, String function, String stringType)
    {
        if (call.operandCount() == 0) {
            return call.template("''");
        }
        StringBuilder template = new StringBuilder(function).append('(');
        for (int i = 0; i < call.operandCount(); i++) {
            if (call.operandIsApproximate(i)) {
                // Engines write floating-point numbers differently from Spark (1.0E10 vs 10000000000.0).
                throw call.unsupported("a floating-point argument: cast it to DECIMAL or format it first");
            }
            template.append(i == 0 ? "" : ", ").append(call.operandIsString(i) ? "{" + i + "}" : "CAST({" + i + "} AS " + stringType + ")");
        }
        return call.template(template.append(')').toString());
    }

    private static SqlNode concatWsOfStrings(CallContext call, String function)
    {
        for (int i = 1; i < call.operandCount(); i++) {
            if (call.operandIsArray(i)) {
                throw call.unsupported("array arguments");
            }
        }
        return call.rename(function);
    }

    private static SqlNode concatWsDuckDb(CallContext call)
    {
        StringBuilder template = new StringBuilder("concat_ws({0}");
        for (int i = 1; i < call.operandCount(); i++) {
            template.append(", ").append(call.operandIsArray(i) ? "nullif(array_to_string({" + i + "}, {0}), '')" : "{" + i + "}");
        }
        return call.template(template.append(')').toString());
    }

    private static String duckDbReplacement(CallContext call)
    {
        String replacement = call.requireStringLiteral(2, "the replacement");
        if (replacement.contains("\\")) {
            throw call.unsupported("backslashes in the replacement");
        }
        Matcher matcher = GROUP_REFERENCE.matcher(replacement);
        return quote(matcher.replaceAll("\\\\$1"));
    }

    /**
     * Spark formats a NULL argument as {@code null} (Java's formatter); DuckDB's printf answers NULL. With a literal
     * format, a {@code %s} argument becomes {@code coalesce(CAST(x AS VARCHAR), 'null')}; a NULL for any other conversion
     * fails the query by name instead of answering NULL.
     */
    private static SqlNode printfDuckDb(CallContext call)
    {
        List<Character> conversions = call.stringLiteral(0).map(StringFunctions::conversions).orElse(List.of());
        StringBuilder arguments = new StringBuilder("{0}");
        StringBuilder guards = new StringBuilder();
        for (int i = 1; i < call.operandCount(); i++) {
            boolean nullable = call.operandType(i).map(RelDataType::isNullable).orElse(true);
            boolean string = i - 1 < conversions.size() && (conversions.get(i - 1) == 's' || conversions.get(i - 1) == 'S');
            if (string && nullable) {
                arguments.append(", coalesce(CAST({").append(i).append("} AS VARCHAR), 'null')");
                continue;
            }
            arguments.append(", {").append(i).append('}');
            if (nullable) {
                guards.append(guards.isEmpty() ? "" : " OR ").append('{').append(i).append("} IS NULL");
            }
        }
        String printf = "printf(" + arguments + ")";
        return call.template(guards.isEmpty() ? printf : "CASE WHEN " + guards
                + " THEN error('" + call.name() + " of a NULL other than for %s is not supported in duckdb') ELSE " + printf + " END");
    }

    /** The conversion letters of a Java format string, in argument order ({@code %%} and {@code %n} take none). */
    private static List<Character> conversions(String format)
    {
        List<Character> conversions = new ArrayList<>();
        Matcher matcher = Pattern.compile("%(\\d+\\$)?[-#+ 0,(<]*\\d*(\\.\\d+)?([a-zA-Z%])").matcher(format);
        while (matcher.find()) {
            char conversion = matcher.group(3).charAt(0);
            if (conversion != '%' && conversion != 'n') {
                conversions.add(conversion);
            }
        }
        return conversions;
    }
}
