package io.sluice.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the Flink harness compiling and both of its paths answering correctly, on a small run. */
class TestBenchmarkFlinkLatency
{
    @Test
    void verify()
            throws Exception
    {
        BenchmarkFlinkLatency.Results results = BenchmarkFlinkLatency.run(3);
        assertThat(results.sluiceMedianMillis()).isPositive();
        assertThat(results.gatewayMedianMillis()).isPositive();
    }
}
