package io.sluice.router;

import io.sluice.router.cost.CostRouter;
import io.sluice.router.cost.EngineProfile;
import io.sluice.router.cost.RoutingPolicy;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * The engines this server runs and how one is chosen for a statement: the pinned one ({@code sluice.engine} or a
 * hint) through {@link #route(String)}, else the cost-based choice of {@link #costRouter()} over the engines' profiles
 * ({@code router.profile.*}), routing policies ({@code router.policy.*}) and the states {@link #monitor()} keeps.
 */
public final class EngineRouter
        implements AutoCloseable
{
    public static final String AUTO = "auto";

    public static final String HEALTH_INTERVAL = "router.health-interval";
    public static final String CATALOGS_INTERVAL = "router.catalogs-interval";

    private final EngineRegistry registry;
    private final RouterConfig config;
    private final Map<String, String> settings;
    private final List<String> order;
    private final List<RoutingPolicy> policies;
    private volatile CostRouter costRouter;
    private final EngineMonitor monitor;
    private final RoutingMetrics metrics = new RoutingMetrics();

    public EngineRouter(EngineRegistry registry, RouterConfig config)
    {
        this(registry, config, Map.of(), Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /**
     * @param settings the server's {@code router.*} settings, with their prefix
     */
    public EngineRouter(EngineRegistry registry, RouterConfig config, Map<String, String> settings, Duration healthInterval, Duration catalogsInterval)
    {
        this.registry = requireNonNull(registry, "registry is null");
        this.config = requireNonNull(config, "config is null");
        // Ties between equal estimates go to the default engine, then to the order of router.engines.
        this.settings = Map.copyOf(settings);
        List<String> order = new ArrayList<>();
        order.add(config.defaultEngine());
        config.engines().stream().filter(name -> !name.equals(config.defaultEngine())).forEach(order::add);
        Set<String> known = Set.copyOf(config.engines());
        for (String key : settings.keySet()) {
            if (key.startsWith(EngineProfile.PREFIX)) {
                String engine = key.substring(EngineProfile.PREFIX.length()).split("\\.", 2)[0];
                if (!registry.installed().contains(engine)) {
                    throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid setting %s: '%s' is not an engine (%s)", key, engine,
                            String.join(", ", registry.installed())));
                }
            }
        }
        this.order = List.copyOf(order);
        this.policies = RoutingPolicy.from(settings, known);
        this.costRouter = new CostRouter(order.stream().map(name -> EngineProfile.from(declaredDefaults(name), settings)).toList(), policies);
        this.monitor = new EngineMonitor(registry.engines(), healthInterval, catalogsInterval);
    }

    /**
     * Uses calibrated coefficients from now on: each engine's defaults replaced by what a calibration measured, then
     * {@code router.profile.*} settings over them (what a user declared wins over what was measured).
     */
    public void applyCalibrations(Map<String, EngineCalibration> calibrations)
    {
        costRouter = new CostRouter(order.stream().map(name -> {
            EngineProfile base = declaredDefaults(name);
            EngineCalibration calibration = calibrations.get(name);
            if (calibration != null) {
                base = base.calibrated(calibration.fixedSeconds(), calibration.scanBytesPerCoreSecond(), calibration.secondsPerResultRow());
            }
            return EngineProfile.from(base, settings);
        }).toList(), policies);
    }

    /** An engine's defaults: the router's, with what the engine declares of itself. */
    public EngineProfile declaredDefaults(String engine)
    {
        return EngineProfile.defaults(engine, registry.engine(engine).map(Engine::routerProfile).orElse(Map.of()));
    }

    /** The cost-based choice among this server's engines. */
    public CostRouter costRouter()
    {
        return costRouter;
    }

    /** The engines' health, load and catalogs, as last probed in the background. */
    public EngineMonitor monitor()
    {
        return monitor;
    }

    public RoutingMetrics metrics()
    {
        return metrics;
    }

    public Optional<Engine> engine(String name)
    {
        return registry.engine(name);
    }

    @Override
    public void close()
    {
        monitor.close();
    }

    /**
     * Checks a value of {@code sluice.engine} and returns it normalized: {@code auto} or an installed engine (one this
     * server could run, running or not); fails naming the value and the choices.
     */
    public String validateEngineSetting(String value)
    {
        String engine = value.trim().toLowerCase(Locale.ROOT);
        if (!engine.equals(AUTO) && !registry.installed().contains(engine)) {
            List<String> choices = new ArrayList<>();
            choices.add(AUTO);
            choices.addAll(registry.installed());
            throw new SluiceException(ErrorCode.INVALID_SESSION_PROPERTY,
                    format("Invalid value '%s' for sluice.engine: expected one of %s", value, String.join(", ", choices)));
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
