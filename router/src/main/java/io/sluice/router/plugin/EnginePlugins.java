package io.sluice.router.plugin;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * The engine factories a server can create engines with, and the names of every engine it could run.
 * <p>
 * In a distribution, each engine is a plugin: a directory {@code <plugins directory>/<name>/} of jars, loaded by a
 * {@link PluginClassLoader} of its own only when configuration names the engine; its factories are found with
 * {@link ServiceLoader} in that loader and reached through a {@link PluginBoundary}. Without a plugins directory (an
 * embedded server, the tests), the factories are those on the application's class path.
 */
public final class EnginePlugins
{
    public static final String DIRECTORY = "plugins.directory";

    private static final Logger log = LoggerFactory.getLogger(EnginePlugins.class);

    private final Map<String, EngineFactory> factories;
    private final SortedSet<String> installed;

    private EnginePlugins(Map<String, EngineFactory> factories, SortedSet<String> installed)
    {
        this.factories = Map.copyOf(factories);
        this.installed = new TreeSet<>(installed);
    }

    /** The factories on a class path: every engine found there is installed. */
    public static EnginePlugins fromClassPath(ClassLoader classLoader)
    {
        Map<String, EngineFactory> factories = new LinkedHashMap<>();
        for (EngineFactory factory : ServiceLoader.load(EngineFactory.class, classLoader)) {
            add(factories, factory);
        }
        return new EnginePlugins(factories, new TreeSet<>(factories.keySet()));
    }

    /**
     * Loads the plugins of the engines {@code wanted} names from {@code directory}, each in its own class loader; the
     * other plugin directories are installed but not loaded. A wanted engine without a plugin fails, naming it and its
     * directory.
     *
     * @param setting the setting that named the engines, for messages (e.g. {@code router.engines})
     */
    public static EnginePlugins fromDirectory(Path directory, Collection<String> wanted, String setting, ClassLoader serverClassLoader)
    {
        requireNonNull(directory, "directory is null");
        if (!Files.isDirectory(directory)) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("The plugins directory %s (%s) does not exist", directory, DIRECTORY));
        }
        SortedSet<String> installed = new TreeSet<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(Files::isDirectory).forEach(entry -> installed.add(entry.getFileName().toString()));
        }
        catch (IOException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, format("Cannot list the plugins directory %s: %s", directory, e.getMessage()), e);
        }
        Map<String, EngineFactory> factories = new LinkedHashMap<>();
        for (String name : wanted) {
            Path pluginDirectory = directory.resolve(name);
            if (!installed.contains(name)) {
                throw new SluiceException(ErrorCode.ENGINE_NOT_FOUND, format("Engine '%s' named in %s has no plugin: %s is missing (installed plugins: %s)",
                        name, setting, pluginDirectory, installed.isEmpty() ? "none" : String.join(", ", installed)));
            }
            PluginClassLoader loader = new PluginClassLoader(name, jars(pluginDirectory), serverClassLoader);
            List<String> provided = new ArrayList<>();
            for (EngineFactory factory : ServiceLoader.load(EngineFactory.class, loader)) {
                if (factory.getClass().getClassLoader() != loader) {
                    continue;
                }
                provided.add(factory.name());
                add(factories, PluginBoundary.wrap(EngineFactory.class, factory, loader));
            }
            if (!factories.containsKey(name)) {
                throw new SluiceException(ErrorCode.ENGINE_NOT_FOUND, format("The plugin %s provides no engine named '%s' (it provides: %s)",
                        pluginDirectory, name, provided.isEmpty() ? "none" : String.join(", ", provided)));
            }
            log.info("Plugin {} loaded from {}", name, pluginDirectory);
        }
        return new EnginePlugins(factories, installed);
    }

    private static void add(Map<String, EngineFactory> factories, EngineFactory factory)
    {
        EngineFactory previous = factories.putIfAbsent(factory.name(), factory);
        if (previous != null) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, format("Two engine factories are named %s: %s and %s",
                    factory.name(), previous, factory));
        }
    }

    private static List<URL> jars(Path directory)
    {
        try (Stream<Path> files = Files.list(directory)) {
            List<URL> urls = new ArrayList<>();
            for (Path jar : files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
            if (urls.isEmpty()) {
                throw new SluiceException(ErrorCode.ENGINE_NOT_FOUND, format("The plugin directory %s holds no jars", directory));
            }
            return urls;
        }
        catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
        catch (IOException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, format("Cannot list the plugin directory %s: %s", directory, e.getMessage()), e);
        }
    }

    public Optional<EngineFactory> factory(String name)
    {
        return Optional.ofNullable(factories.get(name));
    }

    /** Every engine this server could run: plugins installed, whether or not configuration loads them. */
    public SortedSet<String> installed()
    {
        return new TreeSet<>(installed);
    }
}
