package io.sluice.router.cost;

import io.sluice.spi.SluiceException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestEngineProfile
{
    @Test
    void defaults()
    {
        int cores = Runtime.getRuntime().availableProcessors();
        EngineProfile generic = EngineProfile.defaults("any");
        assertThat(generic).isEqualTo(new EngineProfile("any", 1, cores, 2e9, 100e6, 0.5, 0, 0.5, 0.3, 0.4, 2e-6, 4, false, false));
        assertThat(EngineProfile.from("any", Map.of())).isEqualTo(generic);

        // What an engine declares of itself replaces the generic defaults key by key.
        EngineProfile duckDb = TestingProfiles.defaults("duckdb");
        assertThat(duckDb.workers()).isEqualTo(1);
        assertThat(duckDb.cores()).isEqualTo(cores);
        assertThat(duckDb.memoryPerWorker()).isEqualTo(8e9);
        assertThat(duckDb.scanBytesPerCoreSecond()).isEqualTo(400e6);
        assertThat(duckDb.fixedSeconds()).isEqualTo(0.001);
        assertThat(duckDb.secondsPerResultRow()).isEqualTo(1e-7);
        assertThat(duckDb.writesLakehouse()).isTrue();
        assertThat(duckDb.rowLevelLakehouse()).isFalse();
        EngineProfile trino = TestingProfiles.defaults("trino");
        assertThat(trino.fixedSeconds()).isEqualTo(0.1);
        assertThat(trino.writesLakehouse()).isTrue();
        assertThat(trino.rowLevelLakehouse()).isTrue();
        assertThat(TestingProfiles.defaults("spark").fixedSeconds()).isEqualTo(0.3);
        assertThat(TestingProfiles.defaults("flink").fixedSeconds()).isEqualTo(1.0);
        assertThat(TestingProfiles.defaults("flink").joinFactor()).isEqualTo(0.6);

        // Configuration wins over the declaration.
        assertThat(EngineProfile.from(duckDb, Map.of("router.profile.duckdb.fixed-latency", "5ms")).fixedSeconds()).isEqualTo(0.005);
    }

    @Test
    void badDeclarationsNameTheKey()
    {
        assertThatThrownBy(() -> EngineProfile.defaults("echo", Map.of("speed", "fast")))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("Unknown setting router.profile.echo.speed");
        assertThatThrownBy(() -> EngineProfile.defaults("echo", Map.of("slots", "many")))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("Invalid value 'many' for router.profile.echo.slots");
    }

    @Test
    void everyKeyOverrides()
    {
        EngineProfile profile = EngineProfile.from("trino", Map.ofEntries(
                Map.entry("router.profile.trino.workers", "20"),
                Map.entry("router.profile.trino.cores-per-worker", "16"),
                Map.entry("router.profile.trino.memory-per-worker", "64GB"),
                Map.entry("router.profile.trino.scan-throughput-per-core", "200MB/s"),
                Map.entry("router.profile.trino.fixed-latency", "250ms"),
                Map.entry("router.profile.trino.startup", "2m"),
                Map.entry("router.profile.trino.join-factor", "0.7"),
                Map.entry("router.profile.trino.aggregate-factor", "0.2"),
                Map.entry("router.profile.trino.sort-factor", "0.1"),
                Map.entry("router.profile.trino.result-row-cost", "3us"),
                Map.entry("router.profile.trino.slots", "16"),
                Map.entry("router.profile.trino.writes-lakehouse", "false"),
                Map.entry("router.profile.trino.row-level-lakehouse", "false"),
                Map.entry("router.profile.spark.workers", "3")));
        assertThat(profile).isEqualTo(new EngineProfile("trino", 20, 16, 64e9, 200e6, 0.25, 120, 0.7, 0.2, 0.1, 3e-6, 16, false, false));
        assertThat(profile.cores()).isEqualTo(320);
        assertThat(profile.memoryBytes()).isEqualTo(1280e9);
        assertThat(EngineProfile.from("duckdb", Map.of("router.profile.duckdb.memory-per-worker", "2GiB")).memoryPerWorker()).isEqualTo(2.0 * 1024 * 1024 * 1024);
    }

    @Test
    void badValuesNameTheKey()
    {
        assertThatThrownBy(() -> EngineProfile.from("trino", Map.of("router.profile.trino.workers", "many")))
                .isInstanceOf(SluiceException.class)
                .hasMessage("Invalid value 'many' for router.profile.trino.workers: expected a number");
        assertThatThrownBy(() -> EngineProfile.from("trino", Map.of("router.profile.trino.workers", "0")))
                .hasMessage("Invalid router.profile.trino.workers=0.0: must be positive");
        assertThatThrownBy(() -> EngineProfile.from("trino", Map.of("router.profile.trino.memory-per-worker", "lots")))
                .hasMessage("Invalid value 'lots' for router.profile.trino.memory-per-worker: expected a size such as 64GB or 500MB");
        assertThatThrownBy(() -> EngineProfile.from("trino", Map.of("router.profile.trino.fixed-latency", "soon")))
                .hasMessage("Invalid value 'soon' for router.profile.trino.fixed-latency: expected a duration such as 150ms or 2s");
        assertThatThrownBy(() -> EngineProfile.from("trino", Map.of("router.profile.trino.nodes", "3")))
                .hasMessageStartingWith("Unknown setting router.profile.trino.nodes: the keys of router.profile.<engine>. are aggregate-factor, cores-per-worker");
    }
}
