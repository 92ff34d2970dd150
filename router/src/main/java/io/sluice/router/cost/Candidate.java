package io.sluice.router.cost;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One engine considered for a statement: a row of {@code EXPLAIN ROUTE}.
 *
 * @param engine the engine's name
 * @param feasible whether it can run the statement
 * @param chosen whether it was chosen
 * @param cost its estimated cost, when the statement fits it far enough to be costed
 * @param reason why it is infeasible, or why it was (not) chosen
 */
public record Candidate(String engine, boolean feasible, boolean chosen, Optional<CostEstimate> cost, String reason)
{
    public Candidate
    {
        requireNonNull(engine, "engine is null");
        requireNonNull(cost, "cost is null");
        requireNonNull(reason, "reason is null");
    }
}
