package io.sluice.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the router's report card compiling and measuring, on the tiny scale factor with one run per query. */
class TestBenchmarkRouter
{
    @Test
    void verify()
            throws Exception
    {
        BenchmarkRouter.Results results = BenchmarkRouter.run(List.of("tiny"), 1);
        assertThat(results.queries()).extracting(BenchmarkRouter.Measured::name).containsExactly("Q1 tiny", "Q3 tiny", "Q6 tiny", "point tiny", "federated");
        BenchmarkRouter.Measured federated = results.queries().get(4);
        assertThat(federated.engineMillis()).containsOnlyKeys("trino");
        assertThat(federated.routedEngine()).isEqualTo("trino");
        for (BenchmarkRouter.Measured query : results.queries()) {
            assertThat(query.engineMillis()).as(query.name()).containsKey(query.routedEngine());
            assertThat(query.routedMillis()).isPositive();
        }
        assertThat(results.singleEngineTotal("trino")).isPresent();
        assertThat(results.singleEngineTotal("duckdb")).isEmpty();
    }
}
