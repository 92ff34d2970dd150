package io.sluice.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the point-query harness compiling and correct on a small run; it checks every answer itself. */
class TestBenchmarkPointQuery
{
    @Test
    void verify()
            throws Exception
    {
        BenchmarkPointQuery.Results results = BenchmarkPointQuery.run(30);
        assertThat(results.sluicePointMillis()).isPositive();
        assertThat(results.sluicePointP99Millis()).isGreaterThanOrEqualTo(results.sluicePointMillis());
        assertThat(results.duckDbPointMillis()).isPositive();
        assertThat(results.sluiceAggregateMillis()).isPositive();
    }
}
