package io.sluice.dialects.fuzz;

import io.sluice.dialects.fuzz.FuzzFunctions.Kind;
import io.sluice.dialects.fuzz.FuzzFunctions.Signature;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static java.util.Objects.requireNonNull;

/**
 * Random, well-typed Spark SQL expressions over the columns of {@link FuzzTables}, from a seeded {@link Random}:
 * columns (qualified as the statement needs), literals with edge values, and calls of {@link FuzzFunctions}.
 */
public final class ExpressionGenerator
{
    private static final Map<FuzzType, List<String>> LITERALS = literals();

    private final Random random;
    private final Map<FuzzType, List<Signature>> scalars;
    private final Map<FuzzType, List<Signature>> aggregates;
    private final Map<FuzzType, List<Signature>> windows;

    public ExpressionGenerator(Random random, List<Signature> signatures)
    {
        this.random = requireNonNull(random, "random is null");
        this.scalars = FuzzFunctions.byResult(signatures, Kind.SCALAR);
        this.aggregates = FuzzFunctions.byResult(signatures, Kind.AGGREGATE);
        this.windows = FuzzFunctions.byResult(signatures, Kind.WINDOW);
    }

    public FuzzType anyType()
    {
        FuzzType[] types = FuzzType.values();
        return types[random.nextInt(types.length)];
    }

    /** A scalar expression of the type, at most {@code depth} calls deep, over columns qualified by one of {@code qualifiers}. */
    public Node scalar(FuzzType type, int depth, List<String> qualifiers)
    {
        List<Signature> candidates = scalars.getOrDefault(type, List.of());
        if (depth <= 0 || candidates.isEmpty() || random.nextInt(10) < 3) {
            return leaf(type, qualifiers);
        }
        return call(candidates.get(random.nextInt(candidates.size())), depth - 1, qualifiers);
    }

    /** An aggregate call of the type over scalar expressions, or empty-handed a count. */
    public Node aggregate(FuzzType type, int depth)
    {
        List<Signature> candidates = aggregates.getOrDefault(type, aggregates.get(FuzzType.BIGINT));
        return call(candidates.get(random.nextInt(candidates.size())), depth, List.of(""));
    }

    /** A window function call over scalar expressions. */
    public Node window(FuzzType type, int depth)
    {
        List<Signature> candidates = windows.getOrDefault(type, windows.get(FuzzType.INT));
        return call(candidates.get(random.nextInt(candidates.size())), depth, List.of(""));
    }

    /** A column of the type (a literal if the table has none). */
    public Node leaf(FuzzType type, List<String> qualifiers)
    {
        List<String> columns = FuzzTables.COLUMNS.entrySet().stream().filter(column -> column.getValue() == type).map(Map.Entry::getKey).toList();
        if (!columns.isEmpty() && random.nextInt(10) < 6) {
            String qualifier = qualifiers.get(random.nextInt(qualifiers.size()));
            return new Node.Leaf(type, qualifier + columns.get(random.nextInt(columns.size())));
        }
        return literal(type);
    }

    public Node literal(FuzzType type)
    {
        List<String> literals = LITERALS.get(type);
        return new Node.Leaf(type, literals.get(random.nextInt(literals.size())));
    }

    private Node call(Signature signature, int depth, List<String> qualifiers)
    {
        List<Node> arguments = new ArrayList<>();
        for (FuzzType argument : signature.arguments()) {
            arguments.add(scalar(argument, depth, qualifiers));
        }
        return new Node.Call(signature.result(), signature.name(), choose(signature.template()), arguments);
    }

    /** The template with each {@code [[a|b]]} replaced by one of its alternatives. */
    private String choose(String template)
    {
        StringBuilder chosen = new StringBuilder();
        int from = 0;
        for (int start = template.indexOf("[["); start >= 0; start = template.indexOf("[[", from)) {
            int end = template.indexOf("]]", start);
            String[] alternatives = template.substring(start + 2, end).split("\\|");
            chosen.append(template, from, start).append(alternatives[random.nextInt(alternatives.length)]);
            from = end + 2;
        }
        return chosen.append(template.substring(from)).toString();
    }

    private static Map<FuzzType, List<String>> literals()
    {
        Map<FuzzType, List<String>> literals = new EnumMap<>(FuzzType.class);
        literals.put(FuzzType.INT, List.of("0", "1", "-1", "2", "3", "-3", "7", "100", "CAST(NULL AS INT)"));
        literals.put(FuzzType.BIGINT, List.of("CAST(0 AS BIGINT)", "CAST(-2 AS BIGINT)", "CAST(5 AS BIGINT)", "CAST(1000000 AS BIGINT)", "CAST(NULL AS BIGINT)"));
        literals.put(FuzzType.DOUBLE, List.of("CAST(0.0 AS DOUBLE)", "CAST(-1.5 AS DOUBLE)", "CAST(2.5 AS DOUBLE)", "CAST(0.1 AS DOUBLE)",
                "CAST(1e6 AS DOUBLE)", "CAST(NULL AS DOUBLE)"));
        literals.put(FuzzType.DECIMAL, List.of("CAST(0 AS DECIMAL(10, 2))", "CAST(1.25 AS DECIMAL(10, 2))", "CAST(-3.5 AS DECIMAL(10, 2))",
                "CAST(0.05 AS DECIMAL(10, 2))", "CAST(NULL AS DECIMAL(10, 2))"));
        literals.put(FuzzType.STRING, List.of("''", "'a'", "'Apple'", "' x '", "'a,b'", "'Hello World'", "'123'", "'%'", "CAST(NULL AS STRING)"));
        literals.put(FuzzType.BOOLEAN, List.of("true", "false", "CAST(NULL AS BOOLEAN)"));
        literals.put(FuzzType.DATE, List.of("DATE '2024-02-29'", "DATE '2023-01-31'", "DATE '1970-01-01'", "DATE '2000-12-31'", "CAST(NULL AS DATE)"));
        literals.put(FuzzType.TIMESTAMP, List.of("TIMESTAMP '2024-02-29 12:34:56'", "TIMESTAMP '1999-12-31 23:59:59.123456'",
                "TIMESTAMP '1970-01-01 00:00:00'", "TIMESTAMP '2021-03-14 01:59:59'", "CAST(NULL AS TIMESTAMP)"));
        literals.put(FuzzType.INT_ARRAY, List.of("array(1, 2, 3)", "array(1, NULL, 1)", "array(0)", "CAST(array() AS ARRAY<INT>)", "CAST(NULL AS ARRAY<INT>)"));
        literals.put(FuzzType.STRING_ARRAY, List.of("array('a', 'b')", "array('', CAST(NULL AS STRING))", "CAST(array() AS ARRAY<STRING>)",
                "CAST(NULL AS ARRAY<STRING>)"));
        return literals;
    }
}
