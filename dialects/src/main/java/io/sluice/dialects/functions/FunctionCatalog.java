package io.sluice.dialects.functions;

import io.sluice.dialects.Dialect;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import io.sluice.dialects.ast.SparkOperators;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.util.SqlOperatorTables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Spark's functions as Sluice knows them: for each, how the validator types it and how every engine computes
 * it. A function without a rewrite for an engine is refused for that engine, by name; nothing is passed
 * through on the hope that the engine's function of the same name means the same.
 */
public final class FunctionCatalog
{
    private static final FunctionCatalog SPARK = build();

    private final Map<String, Definition> definitions;
    private final SqlOperatorTable operatorTable;

    private FunctionCatalog(Map<String, Definition> definitions)
    {
        this.definitions = Collections.unmodifiableMap(definitions);
        List<SqlOperator> operators = new ArrayList<>();
        operators.add(new RangeTableFunction());
        // Operators the parser builds for Spark syntax, which the validator looks up again by name.
        operators.addAll(List.of(SparkOperators.DIV, SparkOperators.BITWISE_NOT, SparkOperators.BITWISE_OR, SqlLibraryOperators.RLIKE, SqlLibraryOperators.NOT_RLIKE,
                SqlLibraryOperators.ARRAY, SqlLibraryOperators.MAP, SqlLibraryOperators.TRY_CAST,
                SqlLibraryOperators.ILIKE, SqlLibraryOperators.NOT_ILIKE));
        for (Definition definition : definitions.values()) {
            definition.validationOperator.ifPresent(operators::add);
        }
        this.operatorTable = SqlOperatorTables.chain(SqlStdOperatorTable.instance(), SqlOperatorTables.of(operators));
    }

    /** The catalog of Spark SQL's functions. */
    public static FunctionCatalog spark()
    {
        return SPARK;
    }

    /** Calcite's names for functions it parses specially, and the Spark function each one is. */
    private static final Map<String, String> ALIASES = Map.of("translate3", "translate");

    public Optional<Definition> lookup(String name)
    {
        String key = name.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(definitions.get(ALIASES.getOrDefault(key, key)));
    }

    /** Whether Sluice's own operator types the function in validation (rather than one of Calcite's). */
    public boolean validates(String name)
    {
        return lookup(name).map(definition -> definition.validationOperator.isPresent()).orElse(false);
    }

    public Map<String, Definition> definitions()
    {
        return definitions;
    }

    /** The operators the validator resolves function calls with: Calcite's standard ones, then Spark's. */
    public SqlOperatorTable operatorTable()
    {
        return operatorTable;
    }

    private static FunctionCatalog build()
    {
        Builder builder = new Builder();
        StandardFunctions.register(builder);
        DateTimeFunctions.register(builder);
        StringFunctions.register(builder);
        CollectionFunctions.register(builder);
        MathFunctions.register(builder);
        AggregateFunctions.register(builder);
        return new FunctionCatalog(builder.definitions);
    }

    /** One function: its validation operator (absent where Calcite's standard one types it) and rewrites. */
    public static final class Definition
    {
        private final String name;
        private final Optional<SqlOperator> validationOperator;
        private final boolean aggregate;
        private final Map<Dialect, Rewrite> rewrites = new EnumMap<>(Dialect.class);
        private final Map<Dialect, Function<CallContext, AggregateRewrite>> aggregateRewrites = new EnumMap<>(Dialect.class);
        private final Set<Dialect> inputs = EnumSet.of(Dialect.SPARK, Dialect.HIVE);
        private final Map<Dialect, String> notes = new EnumMap<>(Dialect.class);

        Definition(String name, Optional<SqlOperator> validationOperator, boolean aggregate)
        {
            this.name = requireNonNull(name, "name is null");
            this.validationOperator = requireNonNull(validationOperator, "validationOperator is null");
            this.aggregate = aggregate;
        }

        public String name()
        {
            return name;
        }

        public boolean aggregate()
        {
            return aggregate;
        }

        public Optional<Rewrite> rewrite(Dialect target)
        {
            return Optional.ofNullable(rewrites.get(target));
        }

        public Optional<Function<CallContext, AggregateRewrite>> aggregateRewrite(Dialect target)
        {
            return Optional.ofNullable(aggregateRewrites.get(target));
        }

        /** Whether an input dialect has this function with Spark's meaning. */
        public boolean readIn(Dialect input)
        {
            return inputs.contains(input);
        }

        /** How the engine's translation differs from Spark, where it is emulated rather than native. */
        public Optional<String> note(Dialect target)
        {
            return Optional.ofNullable(notes.get(target));
        }

        // Fluent registration, used by the *Functions classes of this package.

        Definition same(Dialect... targets)
        {
            for (Dialect target : targets) {
                if (aggregate) {
                    aggregateRewrites.put(target, call -> AggregateRewrite.renamed(name));
                }
                else {
                    rewrites.put(target, call -> call.rename(name));
                }
            }
            return this;
        }

        Definition sameEverywhere()
        {
            return same(Dialect.DUCKDB, Dialect.TRINO, Dialect.FLINK);
        }

        Definition renamed(Dialect target, String function)
        {
            if (aggregate) {
                aggregateRewrites.put(target, call -> AggregateRewrite.renamed(function));
            }
            else {
                rewrites.put(target, call -> call.rename(function));
            }
            return this;
        }

        Definition template(Dialect target, String template)
        {
            rewrites.put(target, call -> call.template(template));
            return this;
        }

        Definition duckdb(String template)
        {
            return template(Dialect.DUCKDB, template);
        }

        Definition trino(String template)
        {
            return template(Dialect.TRINO, template);
        }

        Definition flink(String template)
        {
            return template(Dialect.FLINK, template);
        }

        Definition rewrite(Dialect target, Rewrite rewrite)
        {
            rewrites.put(target, rewrite);
            return this;
        }

        Definition aggregate(Dialect target, String function, boolean distinct, String extraFilter, String wrapper)
        {
            AggregateRewrite rewrite = new AggregateRewrite(function, distinct, Optional.ofNullable(extraFilter), Optional.ofNullable(wrapper));
            aggregateRewrites.put(target, call -> rewrite);
            return this;
        }

        Definition aggregate(Dialect target, Function<CallContext, AggregateRewrite> rewrite)
        {
            aggregateRewrites.put(target, rewrite);
            return this;
        }

        /** Records that the engine's translation is an emulation and how it differs. */
        Definition note(Dialect target, String note)
        {
            notes.put(target, note);
            return this;
        }

        /** Input dialects other than Spark and Hive that have the function with the same meaning. */
        Definition readAlsoIn(Dialect... dialects)
        {
            inputs.addAll(List.of(dialects));
            return this;
        }
    }

    /** Registers definitions; every function keeps its Spark spelling as the identity rewrite for Spark. */
    static final class Builder
    {
        /**
         * Functions Calcite's own operators type: aggregates and window functions the validator treats specially,
         * and functions with their own syntax. Every other function gets Sluice's operator, which accepts what
         * Spark accepts (a string where a date is due, for instance).
         */
        private static final Set<String> STANDARD = Set.of("count", "sum", "min", "max", "avg", "coalesce", "nullif",
                "grouping", "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead",
                "nth_value", "first_value", "last_value", "floor", "ceil", "substring", "trim", "stddev_pop", "stddev_samp",
                "var_pop", "var_samp", "covar_pop", "covar_samp");

        private final Map<String, Definition> definitions = new LinkedHashMap<>();

        /** A scalar function with {@code min}..{@code max} arguments ({@code max} -1: unbounded). */
        Definition scalar(String name, SqlReturnTypeInference returnType, int min, int max)
        {
            return add(name, returnType, min, max, false);
        }

        Definition aggregate(String name, SqlReturnTypeInference returnType, int min, int max)
        {
            return add(name, returnType, min, max, true);
        }

        private Definition add(String name, SqlReturnTypeInference returnType, int min, int max, boolean aggregate)
        {
            String key = name.toLowerCase(Locale.ROOT);
            if (definitions.containsKey(key)) {
                throw new IllegalStateException("Function defined twice: " + name);
            }
            Optional<SqlOperator> operator = STANDARD.contains(key) || returnType == null
                    ? Optional.empty()
                    : Optional.of(operator(key, returnType, min, max, aggregate));
            Definition definition = new Definition(key, operator, aggregate);
            definition.same(Dialect.SPARK);
            definitions.put(key, definition);
            return definition;
        }

        private static SqlOperator operator(String name, SqlReturnTypeInference returnType, int min, int max, boolean aggregate)
        {
            SqlOperandTypeChecker checker = new AnyOperands(min, max);
            if (aggregate) {
                return SqlBasicAggFunction.create(name.toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION, returnType, checker);
            }
            return new SqlFunction(name.toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION, returnType, null, checker,
                    SqlFunctionCategory.USER_DEFINED_FUNCTION);
        }
    }
}
