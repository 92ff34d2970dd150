package io.sluice.distribution;

import io.sluice.distribution.echo.EchoEngineFactory;
import io.sluice.server.testing.ClientProcesses;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The assembled distribution: its layout, and the server started from it with only DuckDB's plugin. */
class TestDistribution
{
    private static final long MAX_CORE_BYTES = 60_000_000;
    private static final String SLF4J_PROVIDER = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";

    @Test
    void layout()
            throws IOException
    {
        Path lib = DistributionProcess.DISTRIBUTION.resolve("lib");
        List<String> core = jarNames(lib);
        assertThat(core).contains("sluice-gateway-server-0.1.0-SNAPSHOT.jar", "sluice-spi-0.1.0-SNAPSHOT.jar", "logback-classic-1.5.32.jar");
        long coreBytes = 0;
        for (String jar : core) {
            coreBytes += Files.size(lib.resolve(jar));
        }
        assertThat(coreBytes).as("bytes of lib/").isLessThanOrEqualTo(MAX_CORE_BYTES);
        // No engine's client and none of the stacks they bring.
        assertThat(core).noneMatch(jar -> jar.matches("(scala-|spark-|hadoop-|flink-|trino-|duckdb|kryo|json4s|chill|sluice-engine-).*|.*_2\\.1[23]-.*"));
        // One logging backend, and one SLF4J binding: Logback's.
        assertThat(core).noneMatch(jar -> jar.startsWith("log4j-core") || jar.startsWith("slf4j-simple") || jar.startsWith("slf4j-reload4j"));
        assertThat(withEntry(lib, SLF4J_PROVIDER)).containsExactly("logback-classic-1.5.32.jar");

        List<String> plugins;
        try (Stream<Path> entries = Files.list(DistributionProcess.DISTRIBUTION.resolve("plugins"))) {
            plugins = entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
        assertThat(plugins).containsExactly("duckdb", "flink", "spark", "trino");
        for (String plugin : plugins) {
            Path directory = DistributionProcess.DISTRIBUTION.resolve("plugins").resolve(plugin);
            List<String> jars = jarNames(directory);
            assertThat(jars).as("plugin %s", plugin).contains("sluice-engine-" + plugin + "-0.1.0-SNAPSHOT.jar");
            // What the core lends (the SPI, SLF4J's API) is never bundled, nor any logging binding.
            assertThat(jars).as("plugin %s", plugin).noneMatch(jar -> jar.startsWith("sluice-spi") || jar.startsWith("slf4j-api") || jar.startsWith("logback"));
            assertThat(withEntry(directory, SLF4J_PROVIDER)).as("SLF4J bindings in plugin %s", plugin).isEmpty();
            assertThat(withEntry(directory, "META-INF/services/io.sluice.spi.engine.EngineFactory")).as("plugin %s", plugin)
                    .containsExactly("sluice-engine-" + plugin + "-0.1.0-SNAPSHOT.jar");
        }
        assertThat(jarNames(DistributionProcess.DISTRIBUTION.resolve("plugins/spark"))).anyMatch(jar -> jar.startsWith("spark-connect-client-jvm"));
    }

    @Test
    void onlyDuckDb(@TempDir Path work)
            throws Exception
    {
        try (DistributionProcess server = DistributionProcess.start(work, DistributionProcess.plugins("duckdb"), Map.of())) {
            assertThat(server.output()).contains("Plugin duckdb loaded from").doesNotContain("Plugin spark", "Plugin trino", "Plugin flink");
            Hs2Conformance.check(server.binaryUrl("default"), "duckdb");
            Hs2Conformance.check(server.httpUrl("default"), "duckdb");

            try (Connection connection = TestClients.HIVE_JDBC.connect(server.binaryUrl("default"), "alice"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE distribution_db");
                statement.execute("CREATE TABLE distribution_db.people (id INT, name STRING)");
                assertThat(statement.executeUpdate("INSERT INTO distribution_db.people VALUES (1, 'ann'), (2, 'bob')")).isEqualTo(2);
                assertThat(rows(statement, "SELECT name FROM distribution_db.people WHERE id > 1")).containsExactly(List.of("bob"));
                assertThat(rows(statement, "SHOW TABLES IN distribution_db")).containsExactly(List.of("distribution_db", "people", "false"));
                // The engines whose plugins are not there do not exist for this server.
                assertThatThrownBy(() -> statement.execute("SET sluice.engine=spark"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("Invalid value 'spark' for sluice.engine: expected one of auto, duckdb");
            }
            try (Connection connection = TestClients.KYUUBI_JDBC.connect(server.binaryUrl("default") + "?kyuubi.operation.result.format=arrow", "bob");
                    Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT name, id * 10 AS tens FROM distribution_db.people ORDER BY id"))
                        .containsExactly(List.of("ann", "10"), List.of("bob", "20"));
            }
            ClientProcesses.Result beeline = ClientProcesses.beeline(List.of("-u", server.binaryUrl("default"), "-n", "carol", "--silent=true",
                    "--outputformat=csv2", "-e", "SELECT count(*) AS people FROM distribution_db.people"));
            assertThat(beeline.exitCode()).as(beeline.output()).isZero();
            assertThat(beeline.output()).contains("people\n2");
        }
    }

    @Test
    void aConfiguredEngineWithoutItsPluginFailsAtStart(@TempDir Path work)
            throws Exception
    {
        DistributionProcess.Failure failure = DistributionProcess.startFailing(work, DistributionProcess.plugins("duckdb"), Map.of("router.engines", "duckdb,spark"));
        assertThat(failure.exitCode()).isNotZero();
        assertThat(failure.output()).contains("Engine 'spark' named in router.engines has no plugin: " + work.resolve("plugins/spark") + " is missing (installed plugins: duckdb)");
    }

    /**
     * A plugin that bundles Guava 31.1 and Jackson 2.17.2 (the core has Guava 33 and Jackson 2.21) uses its own, with
     * its own class loader as the context class loader of the calls into it; DuckDB and the core keep theirs.
     */
    @Test
    void aPluginWithItsOwnVersionsOfTheCoresLibraries(@TempDir Path work)
            throws Exception
    {
        assertThat(jarNames(DistributionProcess.DISTRIBUTION.resolve("lib"))).contains("guava-33.4.8-jre.jar", "jackson-databind-2.21.3.jar");
        Path echo = echoPlugin(Files.createDirectories(work.resolve("echo")));
        Path serverWork = Files.createDirectories(work.resolve("server"));
        List<Path> plugins = new ArrayList<>(DistributionProcess.plugins("duckdb"));
        plugins.add(echo);
        try (DistributionProcess server = DistributionProcess.start(serverWork, plugins, Map.of("router.engines", "duckdb,echo"));
                Connection connection = TestClients.HIVE_JDBC.connect(server.binaryUrl("default"), "alice");
                Statement statement = connection.createStatement()) {
            statement.execute("SET sluice.engine=echo");
            List<List<String>> answer = rows(statement, "SELECT 1 AS x");
            assertThat(answer).hasSize(1);
            assertThat(answer.get(0).get(0)).isEqualTo("guava-31.1-jre.jar");
            assertThat(answer.get(0).get(1)).isEqualTo("jackson-databind-2.17.2.jar");
            assertThat(answer.get(0).get(2)).isEqualTo("PluginClassLoader[echo]");
            // The statement reached the plugin translated to the dialect it declares (DuckDB's), as JSON written by its Jackson.
            assertThat(answer.get(0).get(3)).startsWith("\"SELECT 1 AS").endsWith("\"");
            statement.execute("SET sluice.engine=duckdb");
            assertThat(rows(statement, "SELECT 6 * 7 AS answer")).containsExactly(List.of("42"));
        }
    }

    /** plugins/echo: the echo engine's classes from this module's test classes, with the libraries Maven copied for it. */
    private static Path echoPlugin(Path directory)
            throws IOException
    {
        Path classes;
        try {
            classes = Path.of(EchoEngineFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (OutputStream file = Files.newOutputStream(directory.resolve("sluice-echo-plugin.jar")); JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("META-INF/services/io.sluice.spi.engine.EngineFactory"));
            jar.write((EchoEngineFactory.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            Path echoClasses = classes.resolve("io/sluice/distribution/echo");
            try (Stream<Path> files = Files.list(echoClasses)) {
                for (Path type : files.sorted().toList()) {
                    jar.putNextEntry(new JarEntry("io/sluice/distribution/echo/" + type.getFileName()));
                    jar.write(Files.readAllBytes(type));
                    jar.closeEntry();
                }
            }
        }
        Path libraries = Path.of(System.getProperty("sluice.echo-plugin.libraries"));
        for (String name : jarNames(libraries)) {
            Files.copy(libraries.resolve(name), directory.resolve(name));
        }
        return directory;
    }

    private static List<String> jarNames(Path directory)
            throws IOException
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".jar")).sorted().toList();
        }
    }

    /** The jars of {@code directory} that hold {@code entry}. */
    private static List<String> withEntry(Path directory, String entry)
            throws IOException
    {
        List<String> found = new ArrayList<>();
        for (String name : jarNames(directory)) {
            try (JarFile jar = new JarFile(directory.resolve(name).toFile())) {
                if (jar.getEntry(entry) != null) {
                    found.add(name);
                }
            }
        }
        return found;
    }
}
