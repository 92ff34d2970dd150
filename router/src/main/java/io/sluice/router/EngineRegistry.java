package io.sluice.router;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineContext;
import io.sluice.spi.engine.EngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static java.lang.String.format;

/**
 * The engines this server runs, created at start from the {@link EngineFactory}s that {@link ServiceLoader} finds.
 * Each engine gets its own settings and a data directory {@code <data directory>/<name>}.
 */
public final class EngineRegistry
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(EngineRegistry.class);

    private final Map<String, Engine> engines;

    private EngineRegistry(Map<String, Engine> engines)
    {
        this.engines = engines;
    }

    public static EngineRegistry create(RouterConfig config, Function<String, Map<String, String>> engineSettings, Path dataDirectory, ClassLoader classLoader)
    {
        Map<String, EngineFactory> factories = new HashMap<>();
        for (EngineFactory factory : ServiceLoader.load(EngineFactory.class, classLoader)) {
            EngineFactory previous = factories.putIfAbsent(factory.name(), factory);
            if (previous != null) {
                throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, format("Two engine factories are named %s: %s and %s",
                        factory.name(), previous.getClass().getName(), factory.getClass().getName()));
            }
        }
        Map<String, Engine> engines = new LinkedHashMap<>();
        try {
            for (String name : config.engines()) {
                EngineFactory factory = factories.get(name);
                if (factory == null) {
                    throw new SluiceException(ErrorCode.ENGINE_NOT_FOUND, format("Engine '%s' named in %s is not installed (installed: %s)",
                            name, RouterConfig.ENGINES, String.join(", ", factories.keySet().stream().sorted().toList())));
                }
                engines.put(name, factory.create(new EngineContext(engineSettings.apply(name), dataDirectory.resolve(name))));
                log.info("Engine {} {} ready at {}", name, engines.get(name).version(), engines.get(name).endpoint());
            }
        }
        catch (RuntimeException e) {
            engines.values().forEach(Engine::close);
            throw e;
        }
        return new EngineRegistry(engines);
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
