package io.sluice.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the lakehouse harness compiling and its tables (written by Trino, by DuckDB, native) answering alike, on a small run. */
class TestBenchmarkLakehouseOnDuckDb
{
    @Test
    void verify()
            throws Exception
    {
        BenchmarkLakehouseOnDuckDb.Results results = BenchmarkLakehouseOnDuckDb.run(20_000, 2, List.of(1, 10));
        assertThat(results.lakehouseAggregate()).isPositive();
        assertThat(results.nativeAggregate()).isPositive();
        assertThat(results.lakehousePoint()).isPositive();
        assertThat(results.duckDbWritten().lakehouseAggregate()).isPositive();
        assertThat(results.duckDbWritten().lakehousePoint()).isPositive();
        assertThat(results.planningUncached()).containsOnlyKeys(1, 10);
        assertThat(results.planningCached().get(10)).isLessThan(results.planningUncached().get(10));
    }
}
