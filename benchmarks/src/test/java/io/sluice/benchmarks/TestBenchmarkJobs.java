package io.sluice.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the jobs harness compiling and correct on a small run; it checks that every job succeeded itself. */
class TestBenchmarkJobs
{
    @Test
    void verify()
            throws Exception
    {
        BenchmarkJobs.Results results = BenchmarkJobs.run(20, 3);
        assertThat(results.jobs()).isEqualTo(20);
        assertThat(results.submitP99Millis()).isGreaterThanOrEqualTo(results.submitP50Millis()).isPositive();
        assertThat(results.jobsPerSecond()).isPositive();
        assertThat(results.fires()).isBetween(2, 4);
        assertThat(results.latenessP50Millis()).isNotNegative();
    }
}
