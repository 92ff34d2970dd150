package io.sluice.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the Trino harness compiling and both of its paths answering correctly, on a small run. */
class TestBenchmarkTrinoEndToEnd
{
    @Test
    void verify()
            throws Exception
    {
        HeadToHead results = BenchmarkTrinoEndToEnd.run(3, 20_000, 1);
        assertThat(results.sluiceMedianMillis()).isPositive();
        assertThat(results.directMedianMillis()).isPositive();
        assertThat(results.sluiceRowsPerSecond()).isPositive();
        assertThat(results.directRowsPerSecond()).isPositive();
    }
}
