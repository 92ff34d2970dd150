package io.sluice.dialects.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How an engine computes one of Spark's aggregate or window functions: the engine's function (same arguments,
 * with DISTINCT when {@code distinct} or when the call has it), a condition over the arguments ({@code {0}}, ...)
 * to add to its FILTER clause, and an expression wrapped around the whole aggregate (after FILTER and OVER),
 * with {@code {agg}} standing for it and {@code {arg0}}, ... for the call's arguments; its arguments may be rewritten too.
 * With {@code filterInArguments}, a FILTER clause is not written as one but moved into the arguments
 * ({@code CASE WHEN condition THEN argument END}): for an aggregate that skips NULLs, on an engine whose FILTER
 * the aggregate gets wrong.
 */
public record AggregateRewrite(String function, boolean distinct, Optional<String> extraFilter, Optional<String> wrapper, String arguments,
        List<String> companions, boolean filterInArguments)
{
    public AggregateRewrite
    {
        requireNonNull(function, "function is null");
        requireNonNull(extraFilter, "extraFilter is null");
        requireNonNull(wrapper, "wrapper is null");
        requireNonNull(arguments, "arguments is null");
        companions = List.copyOf(companions);
    }

    public AggregateRewrite(String function, boolean distinct, Optional<String> extraFilter, Optional<String> wrapper)
    {
        this(function, distinct, extraFilter, wrapper, "{*}", List.of(), false);
    }

    public static AggregateRewrite renamed(String function)
    {
        return new AggregateRewrite(function, false, Optional.empty(), Optional.empty());
    }

    public AggregateRewrite withWrapper(String wrapper)
    {
        return new AggregateRewrite(function, distinct, extraFilter, Optional.of(wrapper), arguments, companions, filterInArguments);
    }

    /**
     * Another aggregate over the call's arguments ({@code {0}}, ...), with the same FILTER and OVER, which the wrapper
     * names {@code {agg1}}, {@code {agg2}}, ... in the order they were added.
     */
    public AggregateRewrite withCompanion(String aggregate)
    {
        List<String> more = new ArrayList<>(companions);
        more.add(aggregate);
        return new AggregateRewrite(function, distinct, extraFilter, wrapper, arguments, more, filterInArguments);
    }

    /** The engine function's arguments as a template over the call's ({@code {*}}: the same ones). */
    public AggregateRewrite withArguments(String arguments)
    {
        return new AggregateRewrite(function, distinct, extraFilter, wrapper, arguments, companions, filterInArguments);
    }

    /** The aggregate's FILTER condition, if it has one, moved into its arguments: only for aggregates that skip NULLs. */
    public AggregateRewrite withFilterInArguments()
    {
        return new AggregateRewrite(function, distinct, extraFilter, wrapper, arguments, companions, true);
    }
}
