package io.sluice.router.plugin;

import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestEnginePlugins
{
    @Test
    void aConfiguredEngineNeedsItsPluginDirectory(@TempDir Path plugins)
            throws IOException
    {
        Files.createDirectories(plugins.resolve("duckdb"));
        Files.createDirectories(plugins.resolve("trino"));
        assertThatThrownBy(() -> EnginePlugins.fromDirectory(plugins, List.of("spark"), "router.engines", getClass().getClassLoader()))
                .isInstanceOf(SluiceException.class)
                .hasMessage("Engine 'spark' named in router.engines has no plugin: %s is missing (installed plugins: duckdb, trino)", plugins.resolve("spark"));
        assertThatThrownBy(() -> EnginePlugins.fromDirectory(plugins.resolve("nowhere"), List.of("duckdb"), "router.engines", getClass().getClassLoader()))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void aPluginDirectoryMustHoldTheEngine(@TempDir Path plugins)
            throws IOException
    {
        Files.createDirectories(plugins.resolve("empty"));
        assertThatThrownBy(() -> EnginePlugins.fromDirectory(plugins, List.of("empty"), "router.engines", getClass().getClassLoader()))
                .isInstanceOf(SluiceException.class)
                .hasMessage("The plugin directory %s holds no jars", plugins.resolve("empty"));
        Path other = Files.createDirectories(plugins.resolve("other"));
        writeJar(other.resolve("other.jar"), "META-INF/services/" + EngineFactory.class.getName(), "com.example.Missing\n");
        // A service file naming a class the plugin lacks is the plugin's fault, reported by ServiceLoader.
        assertThatThrownBy(() -> EnginePlugins.fromDirectory(plugins, List.of("other"), "router.engines", getClass().getClassLoader()))
                .hasMessageContaining("com.example.Missing");
        Path none = Files.createDirectories(plugins.resolve("none"));
        writeJar(none.resolve("none.jar"), "README", "no engine here\n");
        assertThatThrownBy(() -> EnginePlugins.fromDirectory(plugins, List.of("none"), "router.engines", getClass().getClassLoader()))
                .isInstanceOf(SluiceException.class)
                .hasMessage("The plugin %s provides no engine named 'none' (it provides: none)", none);
    }

    @Test
    void onlyTheSpiAndSlf4jComeFromTheServer(@TempDir Path plugin)
            throws Exception
    {
        writeJar(plugin.resolve("empty.jar"), "README", "nothing\n");
        try (PluginClassLoader loader = new PluginClassLoader("test", List.of(plugin.resolve("empty.jar").toUri().toURL()), getClass().getClassLoader())) {
            assertThat(loader.loadClass(EngineFactory.class.getName())).isSameAs(EngineFactory.class);
            assertThat(loader.loadClass(org.slf4j.Logger.class.getName())).isSameAs(org.slf4j.Logger.class);
            assertThat(loader.loadClass(String.class.getName())).isSameAs(String.class);
            // The router's own classes and its libraries are the server's, not the plugin's.
            assertThatThrownBy(() -> loader.loadClass(EnginePlugins.class.getName())).isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> loader.loadClass("org.apache.calcite.sql.SqlNode")).isInstanceOf(ClassNotFoundException.class);
            assertThat(loader.getResource("README")).isNotNull();
        }
    }

    private static void writeJar(Path jar, String entry, String content)
            throws IOException
    {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
