package io.sluice.router.cost;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The router's answer for a statement: the engine chosen, if any is feasible, with every engine considered in the
 * order they would be tried (the chosen one first), so that failover takes the next feasible one.
 *
 * @param chosen the chosen engine
 * @param candidates every engine, chosen first, then the other feasible ones cheapest first, then the infeasible ones
 * @param reason why the chosen engine was chosen, or why none could be
 */
public record RouteDecision(Optional<String> chosen, List<Candidate> candidates, String reason)
{
    public RouteDecision
    {
        requireNonNull(chosen, "chosen is null");
        candidates = List.copyOf(requireNonNull(candidates, "candidates is null"));
        requireNonNull(reason, "reason is null");
    }

    public Optional<Candidate> candidate(String engine)
    {
        return candidates.stream().filter(candidate -> candidate.engine().equals(engine)).findFirst();
    }

    /** The feasible engines after {@code engine}, in order: where a failed read-only statement may go next. */
    public List<String> fallbacks(String engine)
    {
        return candidates.stream().filter(Candidate::feasible).map(Candidate::engine).filter(name -> !name.equals(engine)).toList();
    }
}
