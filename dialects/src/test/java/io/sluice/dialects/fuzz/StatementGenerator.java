package io.sluice.dialects.fuzz;

import io.sluice.dialects.fuzz.FuzzStatement.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.sluice.dialects.fuzz.FuzzType.BOOLEAN;
import static io.sluice.dialects.fuzz.FuzzType.INT;
import static io.sluice.dialects.fuzz.FuzzType.INT_ARRAY;
import static io.sluice.dialects.fuzz.FuzzType.STRING_ARRAY;

/**
 * Seeded random statements of every {@link Shape}: mostly projections of expressions (where most translations live),
 * then aggregates, windows, joins of every kind, set operations, subqueries and generators. The same seed gives the
 * same statements.
 */
public final class StatementGenerator
{
    private static final List<String> UNQUALIFIED = List.of("");
    private static final List<String> JOINED = List.of("a.", "b.");
    private static final List<String> INNER = List.of("fz2.");
    /** How often each shape is drawn, out of the sum. */
    private static final List<Weighted> WEIGHTS = List.of(
            new Weighted(Shape.PROJECTION, 40), new Weighted(Shape.GROUPED_AGGREGATE, 10), new Weighted(Shape.GLOBAL_AGGREGATE, 4),
            new Weighted(Shape.WINDOW, 8), new Weighted(Shape.FILTER, 5), new Weighted(Shape.HAVING, 2),
            new Weighted(Shape.INNER_JOIN, 3), new Weighted(Shape.LEFT_JOIN, 2), new Weighted(Shape.RIGHT_JOIN, 1), new Weighted(Shape.FULL_JOIN, 2),
            new Weighted(Shape.SEMI_JOIN, 2), new Weighted(Shape.ANTI_JOIN, 2), new Weighted(Shape.UNION, 1), new Weighted(Shape.UNION_ALL, 1),
            new Weighted(Shape.INTERSECT, 1), new Weighted(Shape.EXCEPT, 1), new Weighted(Shape.IN_SUBQUERY, 2), new Weighted(Shape.NOT_IN_SUBQUERY, 2),
            new Weighted(Shape.EXISTS, 1), new Weighted(Shape.NOT_EXISTS, 1), new Weighted(Shape.SCALAR_SUBQUERY, 1),
            new Weighted(Shape.LATERAL_VIEW, 1), new Weighted(Shape.LATERAL_VIEW_OUTER, 1), new Weighted(Shape.LATERAL_VIEW_POSEXPLODE, 1),
            new Weighted(Shape.GENERATOR_IN_SELECT, 1), new Weighted(Shape.DERIVED_TABLE, 2));
    private static final int TOTAL_WEIGHT = WEIGHTS.stream().mapToInt(Weighted::weight).sum();

    private record Weighted(Shape shape, int weight) {}

    private final Random random;
    private final ExpressionGenerator expressions;
    private final int batchSize;

    public StatementGenerator(long seed, int batchSize)
    {
        this.random = new Random(seed);
        this.expressions = new ExpressionGenerator(random, FuzzFunctions.all());
        this.batchSize = batchSize;
    }

    /** Statements until they hold {@code cases} cases in all. */
    public List<FuzzStatement> statements(int cases)
    {
        List<FuzzStatement> statements = new ArrayList<>();
        int generated = 0;
        while (generated < cases) {
            FuzzStatement statement = next(Math.min(batchSize, cases - generated));
            statements.add(statement);
            generated += statement.cases();
        }
        return statements;
    }

    private FuzzStatement next(int batch)
    {
        Shape shape = shape();
        List<Node> items = new ArrayList<>();
        switch (shape) {
            case PROJECTION -> {
                for (int i = 0; i < batch; i++) {
                    items.add(expressions.scalar(expressions.anyType(), 1 + random.nextInt(3), UNQUALIFIED));
                }
            }
            case GROUPED_AGGREGATE, GLOBAL_AGGREGATE -> {
                for (int i = 0; i < batch; i++) {
                    items.add(expressions.aggregate(expressions.anyType(), random.nextInt(3)));
                }
            }
            case WINDOW -> {
                for (int i = 0; i < batch; i++) {
                    items.add(expressions.window(expressions.anyType(), random.nextInt(2)));
                }
            }
            case FILTER -> items.add(expressions.scalar(BOOLEAN, 1 + random.nextInt(3), UNQUALIFIED));
            case HAVING -> items.add(new Node.Call(BOOLEAN, "having", "({0} > {1})",
                    List.of(expressions.aggregate(FuzzType.BIGINT, 1), expressions.literal(FuzzType.BIGINT))));
            case INNER_JOIN, LEFT_JOIN, RIGHT_JOIN, FULL_JOIN, SEMI_JOIN, ANTI_JOIN -> items.add(joinCondition());
            case UNION, UNION_ALL, INTERSECT, EXCEPT, IN_SUBQUERY, NOT_IN_SUBQUERY -> {
                FuzzType type = expressions.anyType();
                items.add(expressions.scalar(type, random.nextInt(3), UNQUALIFIED));
                items.add(expressions.scalar(type, random.nextInt(3), UNQUALIFIED));
            }
            case EXISTS, NOT_EXISTS -> items.add(expressions.scalar(BOOLEAN, 1 + random.nextInt(2), INNER));
            case SCALAR_SUBQUERY -> items.add(expressions.scalar(random.nextBoolean() ? INT : FuzzType.STRING, random.nextInt(3), INNER));
            case LATERAL_VIEW, LATERAL_VIEW_OUTER, LATERAL_VIEW_POSEXPLODE, GENERATOR_IN_SELECT ->
                    items.add(expressions.scalar(random.nextBoolean() ? INT_ARRAY : STRING_ARRAY, random.nextInt(3), UNQUALIFIED));
            case DERIVED_TABLE -> items.add(expressions.scalar(expressions.anyType(), 1 + random.nextInt(2), UNQUALIFIED));
        }
        return new FuzzStatement(shape, items);
    }

    /** An equality of two columns of one type, sometimes with a generated condition over both sides. */
    private Node joinCondition()
    {
        FuzzType type = List.of(INT, FuzzType.STRING, FuzzType.DATE, FuzzType.BIGINT).get(random.nextInt(4));
        Node left = expressions.leaf(type, List.of("a."));
        Node right = expressions.leaf(type, List.of("b."));
        Node equality = new Node.Call(BOOLEAN, "=", "({0} = {1})", List.of(left, right));
        if (random.nextInt(3) == 0) {
            return equality;
        }
        return new Node.Call(BOOLEAN, random.nextBoolean() ? "and" : "or", random.nextBoolean() ? "({0} AND {1})" : "({0} OR {1})",
                List.of(equality, expressions.scalar(BOOLEAN, 1 + random.nextInt(2), JOINED)));
    }

    private Shape shape()
    {
        int pick = random.nextInt(TOTAL_WEIGHT);
        for (Weighted weighted : WEIGHTS) {
            pick -= weighted.weight();
            if (pick < 0) {
                return weighted.shape();
            }
        }
        throw new AssertionError("unreachable");
    }
}
