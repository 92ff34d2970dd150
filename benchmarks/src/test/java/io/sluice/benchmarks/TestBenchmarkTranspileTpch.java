package io.sluice.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the front-end benchmark compiling and its 22 queries translating. */
class TestBenchmarkTranspileTpch
{
    @Test
    void verify()
    {
        List<String> queries = BenchmarkTranspileTpch.tpchQueries();
        assertThat(queries).hasSize(22);
        for (String query : queries) {
            assertThat(BenchmarkTranspileTpch.transpile(query)).startsWith(query.startsWith("WITH") ? "WITH" : "SELECT");
            // At scale factor 1 every query is small enough for DuckDB.
            assertThat(BenchmarkTranspileTpch.route(query)).startsWith(query.startsWith("WITH") ? "duckdb: WITH" : "duckdb: SELECT");
        }
    }
}
