package io.sluice.router.cost;

import java.util.Map;

/**
 * Profiles of engines as the four engine plugins declare themselves ({@code Engine.routerProfile()}), for tests of
 * the router's choices that must not depend on the engines' modules; DuckDB's memory is fixed at 8 GB here.
 */
final class TestingProfiles
{
    static final Map<String, Map<String, String>> DECLARED = Map.of(
            "duckdb", Map.of("memory-per-worker", "8e9", "scan-throughput-per-core", "400e6", "fixed-latency", "0.001",
                    "result-row-cost", "1e-7", "slots", "2", "writes-lakehouse", "true", "row-level-lakehouse", "false"),
            "trino", Map.of("memory-per-worker", "4e9", "scan-throughput-per-core", "150e6", "fixed-latency", "0.1", "result-row-cost", "1.5e-6",
                    "slots", "8", "writes-lakehouse", "true", "row-level-lakehouse", "true"),
            "spark", Map.of("memory-per-worker", "4e9", "scan-throughput-per-core", "100e6", "fixed-latency", "0.3", "result-row-cost", "2e-6",
                    "slots", "4", "writes-lakehouse", "true", "row-level-lakehouse", "true"),
            "flink", Map.of("memory-per-worker", "2e9", "scan-throughput-per-core", "80e6", "fixed-latency", "1.0", "join-factor", "0.6",
                    "aggregate-factor", "0.4", "sort-factor", "0.5", "result-row-cost", "1e-5", "slots", "2", "writes-lakehouse", "false",
                    "row-level-lakehouse", "false"));

    private TestingProfiles() {}

    static EngineProfile defaults(String engine)
    {
        return EngineProfile.defaults(engine, DECLARED.getOrDefault(engine, Map.of()));
    }

    /** The engine's declared defaults with {@code router.profile.<engine>.*} from {@code settings} over them. */
    static EngineProfile from(String engine, Map<String, String> settings)
    {
        return EngineProfile.from(defaults(engine), settings);
    }
}
