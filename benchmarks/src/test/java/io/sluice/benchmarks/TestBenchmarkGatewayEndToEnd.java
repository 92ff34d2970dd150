package io.sluice.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the harness compiling and correct on a small run; it checks every fetched row's checksum itself. */
class TestBenchmarkGatewayEndToEnd
{
    @Test
    void verify()
            throws Exception
    {
        BenchmarkGatewayEndToEnd.Results results = BenchmarkGatewayEndToEnd.run(50, 20_000, 1);
        assertThat(results.selectOneMedianMillis()).isPositive();
        assertThat(results.selectOneP99Millis()).isGreaterThanOrEqualTo(results.selectOneMedianMillis());
        assertThat(results.sluiceRowsPerSecond()).isPositive();
        assertThat(results.duckDbRowsPerSecond()).isPositive();
    }
}
