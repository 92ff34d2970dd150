package io.sluice.router;

import io.sluice.router.plugin.EnginePlugins;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineContext;
import io.sluice.spi.engine.EngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

import static java.lang.String.format;

/**
 * The engines this server runs, created at start from the {@link EngineFactory}s its {@link EnginePlugins} provide.
 * Each engine gets its own settings and a data directory {@code <data directory>/<name>}.
 */
public final class EngineRegistry
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(EngineRegistry.class);

    private final Map<String, Engine> engines;
    private final SortedSet<String> installed;

    private EngineRegistry(Map<String, Engine> engines, SortedSet<String> installed)
    {
        this.engines = engines;
        this.installed = Collections.unmodifiableSortedSet(new TreeSet<>(installed));
    }

    public static EngineRegistry create(RouterConfig config, Function<String, Map<String, String>> engineSettings, Path dataDirectory, EnginePlugins plugins)
    {
        Map<String, Engine> engines = new LinkedHashMap<>();
        try {
            for (String name : config.engines()) {
                EngineFactory factory = plugins.factory(name).orElseThrow(() -> new SluiceException(ErrorCode.ENGINE_NOT_FOUND,
                        format("Engine '%s' named in %s is not installed (installed: %s)", name, RouterConfig.ENGINES, String.join(", ", plugins.installed()))));
                engines.put(name, factory.create(new EngineContext(engineSettings.apply(name), dataDirectory.resolve(name))));
                log.info("Engine {} {} ready at {}", name, engines.get(name).version(), engines.get(name).endpoint());
            }
        }
        catch (RuntimeException e) {
            engines.values().forEach(Engine::close);
            throw e;
        }
        return new EngineRegistry(engines, plugins.installed());
    }

    /** The engines this server could run (every plugin installed), whether or not it runs them. */
    public SortedSet<String> installed()
    {
        return installed;
    }

    public Optional<Engine> engine(String name)
    {
        return Optional.ofNullable(engines.get(name));
    }

    public Collection<Engine> engines()
    {
        return engines.values();
    }

    @Override
    public void close()
    {
        for (Engine engine : engines.values()) {
            try {
                engine.close();
            }
            catch (RuntimeException e) {
                log.warn("Closing engine {} failed", engine.name(), e);
            }
        }
    }
}
