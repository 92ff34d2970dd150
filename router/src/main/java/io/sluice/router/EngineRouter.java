package io.sluice.router;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Picks the engine for a statement: the pinned one ({@code sluice.engine}) if any, else the default engine.
 */
public final class EngineRouter
{
    public static final String AUTO = "auto";
    /** The values {@code sluice.engine} accepts, whether or not this server runs each engine. */
    public static final List<String> ENGINE_SETTING_VALUES = List.of(AUTO, "duckdb", "trino", "spark", "flink");

    private final EngineRegistry registry;
    private final RouterConfig config;

    public EngineRouter(EngineRegistry registry, RouterConfig config)
    {
        this.registry = requireNonNull(registry, "registry is null");
        this.config = requireNonNull(config, "config is null");
    }

    /** Checks a value of {@code sluice.engine} and returns it normalized; fails naming the value and the choices. */
    public static String validateEngineSetting(String value)
    {
        String engine = value.trim().toLowerCase(Locale.ROOT);
        if (!Set.copyOf(ENGINE_SETTING_VALUES).contains(engine)) {
            throw new SluiceException(ErrorCode.INVALID_SESSION_PROPERTY,
                    format("Invalid value '%s' for sluice.engine: expected one of %s", value, String.join(", ", ENGINE_SETTING_VALUES)));
        }
        return engine;
    }

    /** The engines this server runs, in the order {@code router.engines} names them. */
    public List<Engine> engines()
    {
        return List.copyOf(registry.engines());
    }

    public String defaultEngine()
    {
        return config.defaultEngine();
    }

    /** The engine for a statement of a session whose {@code sluice.engine} is {@code pinnedEngine}. */
    public EngineChoice route(String pinnedEngine)
    {
        String pin = validateEngineSetting(pinnedEngine);
        if (pin.equals(AUTO)) {
            Engine engine = registry.engine(config.defaultEngine()).orElseThrow();
            return new EngineChoice(engine, format("sluice.engine=auto: the default engine %s (router.default-engine)", engine.name()));
        }
        Engine engine = registry.engine(pin).orElseThrow(() -> new SluiceException(ErrorCode.ENGINE_NOT_FOUND,
                format("Engine '%s' pinned by sluice.engine is not running on this server (running: %s)", pin, String.join(", ", config.engines()))));
        return new EngineChoice(engine, format("sluice.engine=%s pins the engine", pin));
    }
}
