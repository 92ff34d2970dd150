package io.sluice.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fetch harness on a small run: every client reads every row, with the right checksum. */
class TestBenchmarkArrowFetch
{
    @Test
    void verify()
            throws Exception
    {
        try (EmbeddedSluice sluice = EmbeddedSluice.start()) {
            Map<String, Double> rates = BenchmarkArrowFetch.run(sluice.binaryUrl(), 30_000, 1);
            assertThat(rates).containsOnlyKeys("Sluice, Hive JDBC (row sets)", "Sluice, Kyuubi JDBC (row sets)", "Sluice, Kyuubi JDBC + Arrow", "DuckDB JDBC in-process");
            assertThat(rates.values()).allSatisfy(rate -> assertThat(rate).isPositive());
        }
    }
}
