package io.sluice.router;

import io.sluice.router.cost.EngineState;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Each engine's health, load and catalogs, probed in the background so that routing a statement asks no engine
 * anything: health every {@code router.health-interval}, catalogs every {@code router.catalogs-interval}. An engine
 * not yet probed counts as healthy and idle, with its catalogs unknown.
 */
public final class EngineMonitor
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(EngineMonitor.class);

    private final Collection<Engine> engines;
    private final Duration healthInterval;
    private final Duration catalogsInterval;
    private final Map<String, EngineState> states = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> catalogs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor;
    private final Set<String> catalogsProbed = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstCatalogs;

    public EngineMonitor(Collection<Engine> engines, Duration healthInterval, Duration catalogsInterval)
    {
        this.engines = List.copyOf(requireNonNull(engines, "engines is null"));
        this.healthInterval = requireNonNull(healthInterval, "healthInterval is null");
        this.catalogsInterval = requireNonNull(catalogsInterval, "catalogsInterval is null");
        this.firstCatalogs = new CountDownLatch(this.engines.size());
        this.executor = Executors.newScheduledThreadPool(Math.max(1, this.engines.size()), runnable -> {
            Thread thread = new Thread(runnable, "sluice-engine-monitor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts probing: each engine on its own schedule, so a slow engine does not delay the others. */
    public void start()
    {
        for (Engine engine : engines) {
            executor.scheduleWithFixedDelay(() -> probeHealth(engine), 0, healthInterval.toMillis(), TimeUnit.MILLISECONDS);
            executor.scheduleWithFixedDelay(() -> probeCatalogs(engine), 0, catalogsInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Probes every engine now, health and catalogs, in the caller's thread. */
    public void refresh()
    {
        for (Engine engine : engines) {
            probeHealth(engine);
            probeCatalogs(engine);
        }
    }

    private void probeHealth(Engine engine)
    {
        try {
            EngineHealth health = engine.health();
            EngineState state = health.state() == EngineHealth.State.UP
                    ? new EngineState(true, "", health.runningQueries(), health.queuedQueries(), false)
                    : EngineState.down(health.message());
            EngineState previous = states.put(engine.name(), state);
            if (previous != null && previous.healthy() != state.healthy()) {
                log.info("Engine {} is {}{}", engine.name(), state.healthy() ? "up" : "down", state.healthy() ? "" : ": " + state.message());
            }
        }
        catch (RuntimeException e) {
            states.put(engine.name(), EngineState.down(String.valueOf(e.getMessage())));
        }
    }

    private void probeCatalogs(Engine engine)
    {
        try {
            List<String> names = engine.catalogs();
            if (!names.isEmpty()) {
                catalogs.put(engine.name(), names.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
            }
        }
        catch (RuntimeException e) {
            log.debug("Listing the catalogs of {} failed", engine.name(), e);
        }
        finally {
            if (catalogsProbed.add(engine.name())) {
                firstCatalogs.countDown();
            }
        }
    }

    /**
     * Waits, up to {@code timeout}, until every engine's catalogs were probed once (answered or not): for a statement
     * naming a catalog no engine is known to reach yet, just after start.
     */
    public void awaitFirstCatalogs(Duration timeout)
    {
        try {
            firstCatalogs.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every engine's last observed state. */
    public Map<String, EngineState> states()
    {
        return Map.copyOf(states);
    }

    /** The catalogs the engine reached when last probed; empty while unknown. */
    public Optional<Set<String>> catalogs(String engine)
    {
        return Optional.ofNullable(catalogs.get(engine));
    }

    /** Records an engine's failure seen by a statement, until its next probe says otherwise. */
    public void markDown(String engine, String message)
    {
        states.put(engine, EngineState.down(message));
        executor.execute(() -> engines.stream().filter(candidate -> candidate.name().equals(engine)).findFirst().ifPresent(this::probeHealth));
    }

    @Override
    public void close()
    {
        executor.shutdownNow();
    }
}
