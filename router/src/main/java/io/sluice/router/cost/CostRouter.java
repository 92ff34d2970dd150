package io.sluice.router.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Chooses the engine for a statement. An engine is feasible when a routing policy allows it, it is healthy, it reaches
 * every table the statement touches and writes the ones it writes, the statement's working set fits its memory, its
 * estimated cost is under the policies' ceiling, and the dialect layer translates the statement for it. Of the
 * feasible engines, a policy's preferred one wins, else the cheapest; the pinned engine, when there is one, is the only
 * one that may be chosen. Translations are asked for cheapest first and, unless every candidate is explained, only
 * until one is accepted.
 */
public final class CostRouter
{
    private final List<EngineProfile> profiles;
    private final List<RoutingPolicy> policies;

    /** @param profiles the engines this server runs, in the order ties are broken (the default engine first) */
    public CostRouter(List<EngineProfile> profiles, List<RoutingPolicy> policies)
    {
        this.profiles = List.copyOf(requireNonNull(profiles, "profiles is null"));
        this.policies = List.copyOf(requireNonNull(policies, "policies is null"));
    }

    public List<EngineProfile> profiles()
    {
        return profiles;
    }

    /**
     * @param states each engine's last observed state; an engine without one counts as healthy and idle
     * @param explainAll whether to ask every engine's translation (EXPLAIN ROUTE) rather than stop at the first accepted
     */
    public RouteDecision route(StatementProfile statement, Map<String, EngineState> states, RouteRequest request, TranslationCheck check, boolean explainAll)
    {
        return route(statement, states, request, check, CostCorrections.NONE, explainAll);
    }

    /** @param corrections factors per engine from what statements of this one's shape took there */
    public RouteDecision route(StatementProfile statement, Map<String, EngineState> states, RouteRequest request, TranslationCheck check,
            CostCorrections corrections, boolean explainAll)
    {
        Set<String> databases = statement.tables().stream().map(TableReference::database).collect(Collectors.toSet());
        List<RoutingPolicy> applying = policies.stream().filter(policy -> policy.applies(request.user(), request.groups(), databases)).toList();
        Optional<String> pinned = request.pinned().map(engine -> engine.toLowerCase(Locale.ROOT));
        if (pinned.isPresent() && profiles.stream().noneMatch(profile -> profile.engine().equals(pinned.get()))) {
            return new RouteDecision(Optional.empty(), List.of(), format("Engine '%s' pinned by %s is not running on this server (running: %s)",
                    pinned.get(), request.pinSource(), String.join(", ", profiles.stream().map(EngineProfile::engine).toList())));
        }

        record Costed(EngineProfile profile, CostEstimate cost, int order) {}
        List<Candidate> infeasible = new ArrayList<>();
        List<Costed> costed = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            EngineProfile profile = profiles.get(i);
            EngineState state = states.getOrDefault(profile.engine(), EngineState.idle());
            CostEstimate estimate = CostModel.estimate(statement, profile, state);
            CostEstimate cost = corrections.factor(profile.engine()).stream().mapToObj(estimate::corrected).findFirst().orElse(estimate);
            Optional<String> rejection = rejection(statement, profile, state, cost, applying);
            if (rejection.isPresent()) {
                infeasible.add(new Candidate(profile.engine(), false, false, Optional.of(cost), rejection.get()));
            }
            else {
                costed.add(new Costed(profile, cost, i));
            }
        }
        Optional<String> preferred = applying.stream().map(RoutingPolicy::preferred).flatMap(Optional::stream).findFirst();
        costed.sort(Comparator.<Costed>comparingInt(candidate -> pinned.map(engine -> candidate.profile().engine().equals(engine) ? 0 : 1).orElse(0))
                .thenComparingInt(candidate -> preferred.map(engine -> candidate.profile().engine().equals(engine) ? 0 : 1).orElse(0))
                .thenComparingDouble(candidate -> candidate.cost().total())
                .thenComparingInt(Costed::order));

        List<Candidate> feasible = new ArrayList<>();
        Optional<Costed> chosen = Optional.empty();
        for (Costed candidate : costed) {
            String engine = candidate.profile().engine();
            boolean eligible = pinned.map(engine::equals).orElse(true);
            if (!eligible && !explainAll) {
                feasible.add(new Candidate(engine, true, false, Optional.of(candidate.cost()), format("not chosen: %s pins %s", request.pinSource(), pinned.get())));
                continue;
            }
            if (chosen.isPresent() && !explainAll) {
                feasible.add(new Candidate(engine, true, false, Optional.of(candidate.cost()), notChosen(chosen.get().profile().engine(), preferred)));
                continue;
            }
            Optional<String> refusal = check.refusal(engine);
            if (refusal.isPresent()) {
                infeasible.add(new Candidate(engine, false, false, Optional.of(candidate.cost()), refusal.get()));
                continue;
            }
            if (chosen.isEmpty() && eligible) {
                chosen = Optional.of(candidate);
                feasible.add(0, new Candidate(engine, true, true, Optional.of(candidate.cost()), chosenReason(candidate.profile().engine(), candidate.cost(), request, preferred, applying)));
            }
            else if (!eligible) {
                feasible.add(new Candidate(engine, true, false, Optional.of(candidate.cost()), format("not chosen: %s pins %s", request.pinSource(), pinned.get())));
            }
            else {
                feasible.add(new Candidate(engine, true, false, Optional.of(candidate.cost()), notChosen(chosen.get().profile().engine(), preferred)));
            }
        }
        infeasible.sort(Comparator.comparingInt(candidate -> order(candidate.engine())));
        List<Candidate> candidates = new ArrayList<>(feasible);
        candidates.addAll(infeasible);
        if (chosen.isEmpty()) {
            List<Candidate> considered = pinned.isPresent()
                    ? candidates.stream().filter(candidate -> candidate.engine().equals(pinned.get())).toList()
                    : infeasible;
            String reasons = considered.stream().map(candidate -> candidate.engine() + ": " + candidate.reason()).collect(Collectors.joining("; "));
            return new RouteDecision(Optional.empty(), candidates, pinned.isPresent()
                    ? format("Engine %s pinned by %s cannot run the statement (%s)", pinned.get(), request.pinSource(), reasons)
                    : "No engine can run the statement (" + reasons + ")");
        }
        return new RouteDecision(Optional.of(chosen.get().profile().engine()), candidates, candidates.get(0).reason());
    }

    private static String notChosen(String chosen, Optional<String> preferred)
    {
        return preferred.isPresent() && preferred.get().equals(chosen) ? format("not chosen: %s is preferred", chosen) : format("not chosen: %s is cheaper", chosen);
    }

    private int order(String engine)
    {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).engine().equals(engine)) {
                return i;
            }
        }
        return profiles.size();
    }

    private static String chosenReason(String engine, CostEstimate cost, RouteRequest request, Optional<String> preferred, List<RoutingPolicy> policies)
    {
        if (request.pinned().isPresent()) {
            return format("pinned by %s", request.pinSource());
        }
        if (preferred.isPresent() && preferred.get().equals(engine)) {
            String policy = policies.stream().filter(candidate -> candidate.preferred().equals(preferred)).map(RoutingPolicy::name).findFirst().orElseThrow();
            return format("preferred by routing policy %s", policy);
        }
        return cost.history() == 1
                ? format("cheapest feasible engine: %s", CostEstimate.seconds(cost.total()))
                : format(Locale.ROOT, "cheapest feasible engine: %s (history of its shape x %.3f)", CostEstimate.seconds(cost.total()), cost.history());
    }

    /** Why the engine cannot take the statement, before its translation is asked; empty when it can. */
    private static Optional<String> rejection(StatementProfile statement, EngineProfile profile, EngineState state, CostEstimate cost, List<RoutingPolicy> policies)
    {
        String engine = profile.engine();
        for (RoutingPolicy policy : policies) {
            if (!policy.engines().isEmpty() && !policy.engines().contains(engine)) {
                return Optional.of(format("routing policy %s does not allow it (allowed: %s)", policy.name(), String.join(", ", policy.engines().stream().sorted().toList())));
            }
        }
        if (!state.healthy()) {
            return Optional.of("unhealthy: " + state.message());
        }
        for (TableReference table : statement.tables()) {
            if (!table.reachableBy().contains(engine)) {
                return Optional.of(table.reachableBy().isEmpty()
                        ? format("no engine reaches catalog %s (%s)", table.catalog(), table.name())
                        : format("does not reach catalog %s (%s; reached by %s)", table.catalog(), table.name(), String.join(", ", table.reachableBy().stream().sorted().toList())));
            }
            if (table.target() && table.lakehouse()) {
                if (statement.kind() == StatementKind.ROW_LEVEL_WRITE && !profile.rowLevelLakehouse()) {
                    return Optional.of(format("does not run DELETE, UPDATE or MERGE on lakehouse tables (%s)", table.name()));
                }
                if (!profile.writesLakehouse()) {
                    return Optional.of(format("reads lakehouse tables but does not write them (%s)", table.name()));
                }
            }
        }
        double workingSet = CostModel.workingSetBytes(statement);
        if (workingSet > profile.memoryBytes()) {
            return Optional.of(format(Locale.ROOT, "working set of about %.1f GB exceeds its memory of %.1f GB", workingSet / 1e9, profile.memoryBytes() / 1e9));
        }
        for (RoutingPolicy policy : policies) {
            Double ceiling = policy.maxCost().get(engine);
            if (ceiling != null && cost.total() > ceiling) {
                return Optional.of(format("estimated %s exceeds the ceiling %s of routing policy %s", CostEstimate.seconds(cost.total()), CostEstimate.seconds(ceiling), policy.name()));
            }
        }
        return Optional.empty();
    }
}
