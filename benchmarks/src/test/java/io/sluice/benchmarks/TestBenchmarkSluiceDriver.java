package io.sluice.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the driver harness compiling and correct on a small run; it checks every answer itself. */
class TestBenchmarkSluiceDriver
{
    @Test
    void verify()
            throws Exception
    {
        Map<String, BenchmarkSluiceDriver.Client> results;
        try (EmbeddedSluice sluice = EmbeddedSluice.start()) {
            results = BenchmarkSluiceDriver.run(sluice.binaryUrl(), 20, 20_000, 1);
        }
        assertThat(results).containsOnlyKeys("Sluice, Sluice JDBC", "Sluice, Hive JDBC", "DuckDB JDBC in-process");
        results.values().forEach(client -> {
            assertThat(client.selectOneP99()).isGreaterThanOrEqualTo(client.selectOneMedian());
            assertThat(client.pointMedian()).isPositive();
            assertThat(client.fetchRowsPerSecond()).isPositive();
        });
    }
}
