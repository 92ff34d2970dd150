package io.sluice.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the throughput harness compiling and correct on a short run; it checks every answer itself. */
class TestBenchmarkThroughput
{
    @Test
    void verify()
            throws Exception
    {
        Map<String, List<BenchmarkThroughput.Result>> results;
        try (EmbeddedSluice sluice = EmbeddedSluice.start()) {
            results = BenchmarkThroughput.run(sluice.binaryUrl(), 1, List.of(1, 4));
        }
        assertThat(results).containsOnlyKeys("Sluice, Sluice JDBC", "DuckDB JDBC in-process");
        results.values().forEach(rows -> {
            assertThat(rows).hasSize(2);
            rows.forEach(row -> {
                assertThat(row.errors()).isZero();
                assertThat(row.statements()).isPositive();
            });
        });
    }
}
