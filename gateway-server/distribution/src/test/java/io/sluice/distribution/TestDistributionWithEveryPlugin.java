package io.sluice.distribution;

import io.sluice.server.testing.LocalFlinkExtension;
import io.sluice.server.testing.LocalSparkExtension;
import io.sluice.server.testing.LocalTrinoExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution started with every plugin, each engine in its own class loader, against the local Trino, Spark
 * Connect and Flink SQL Gateway: the HiveServer2 checks pass on each engine, over both transports.
 */
class TestDistributionWithEveryPlugin
{
    @RegisterExtension
    static final LocalTrinoExtension TRINO = new LocalTrinoExtension();

    @RegisterExtension
    static final LocalSparkExtension SPARK = new LocalSparkExtension();

    @RegisterExtension
    static final LocalFlinkExtension FLINK = new LocalFlinkExtension();

    private static Path work;
    private static DistributionProcess server;

    @BeforeAll
    static void start()
            throws Exception
    {
        work = Files.createTempDirectory("sluice-distribution");
        server = DistributionProcess.start(work, DistributionProcess.plugins("duckdb", "trino", "spark", "flink"), Map.of(
                "router.engines", "duckdb,trino,spark,flink",
                "engine.trino.endpoint", TRINO.endpoint(),
                "engine.spark.remote", SPARK.remote(),
                "engine.flink.endpoint", FLINK.endpoint(),
                "engine.flink.catalog", LocalFlinkExtension.CATALOG));
    }

    @AfterAll
    static void stop()
    {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyPluginLoadsInItsOwnClassLoader()
    {
        for (String plugin : List.of("duckdb", "trino", "spark", "flink")) {
            assertThat(server.output()).contains("Plugin " + plugin + " loaded from " + work.resolve("plugins").resolve(plugin));
        }
        assertThat(server.output()).doesNotContain("Multiple SLF4J providers", "SLF4J(W)");
    }

    @Test
    void duckDb()
            throws Exception
    {
        Hs2Conformance.check(server.binaryUrl("default"), "duckdb");
    }

    @Test
    void trino()
            throws Exception
    {
        Hs2Conformance.check(server.binaryUrl("default"), "trino");
        Hs2Conformance.check(server.httpUrl("default"), "trino");
    }

    @Test
    void spark()
            throws Exception
    {
        Hs2Conformance.check(server.binaryUrl("default"), "spark");
        Hs2Conformance.check(server.httpUrl("default"), "spark");
    }

    @Test
    void flink()
            throws Exception
    {
        Hs2Conformance.check(server.binaryUrl("default"), "flink");
    }

    /** The router picks among the plugins' engines on the profiles they declare: a pinned-free session still answers. */
    @Test
    void routedStatements()
            throws Exception
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(server.binaryUrl("default"), "alice"); Statement statement = connection.createStatement()) {
            List<List<String>> route = rows(statement, "EXPLAIN ROUTE SELECT 1 AS one");
            assertThat(route.toString()).contains("duckdb", "trino", "spark", "flink");
            assertThat(rows(statement, "SELECT 1 AS one")).containsExactly(List.of("1"));
        }
    }
}
