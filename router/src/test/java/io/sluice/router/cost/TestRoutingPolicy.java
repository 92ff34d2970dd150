package io.sluice.router.cost;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRoutingPolicy
{
    private static final Set<String> ENGINES = Set.of("duckdb", "trino", "spark");

    @Test
    void parsesPoliciesByName()
    {
        List<RoutingPolicy> policies = RoutingPolicy.from(Map.of(
                "router.policy.etl.users", "etl, nightly",
                "router.policy.etl.prefer", "spark",
                "router.policy.analysts.groups", "analysts",
                "router.policy.analysts.databases", "lakehouse.Sales",
                "router.policy.analysts.engines", "duckdb,trino",
                "router.policy.analysts.max-cost.duckdb", "30s",
                "router.engines", "duckdb"), ENGINES);
        assertThat(policies).containsExactly(
                new RoutingPolicy("analysts", Set.of(), Set.of("analysts"), Set.of("lakehouse.sales"), Set.of("duckdb", "trino"), Optional.empty(), Map.of("duckdb", 30.0)),
                new RoutingPolicy("etl", Set.of("etl", "nightly"), Set.of(), Set.of(), Set.of(), Optional.of("spark"), Map.of()));
        RoutingPolicy analysts = policies.get(0);
        assertThat(analysts.applies("bob", Set.of("analysts"), Set.of("lakehouse.SALES"))).isTrue();
        assertThat(analysts.applies("bob", Set.of("analysts"), Set.of("default"))).isFalse();
        assertThat(analysts.applies("bob", Set.of(), Set.of("lakehouse.sales"))).isFalse();
    }

    @Test
    void badPoliciesNameWhatIsWrong()
    {
        assertThatThrownBy(() -> RoutingPolicy.from(Map.of("router.policy.x.prefer", "oracle"), ENGINES))
                .hasMessage("Invalid setting router.policy.x.prefer: engine 'oracle' is not one of duckdb, spark, trino");
        assertThatThrownBy(() -> RoutingPolicy.from(Map.of("router.policy.x.engine", "duckdb"), ENGINES))
                .hasMessage("Unknown setting router.policy.x.engine: the keys are databases, engines, groups, prefer, users and max-cost.<engine>");
        assertThatThrownBy(() -> RoutingPolicy.from(Map.of("router.policy.x", "duckdb"), ENGINES))
                .hasMessage("Invalid setting router.policy.x: expected router.policy.<name>.<key>");
        assertThatThrownBy(() -> RoutingPolicy.from(Map.of("router.policy.x.max-cost.trino", "a while"), ENGINES))
                .hasMessage("Invalid value 'a while' for router.policy.x.max-cost.trino: expected a duration such as 150ms or 2s");
    }
}
