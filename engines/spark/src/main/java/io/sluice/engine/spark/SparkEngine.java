package io.sluice.engine.spark;

import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineHealth;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.ProbedVersion;
import io.sluice.spi.engine.SessionContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.SparkSession;
import org.apache.spark.sql.connect.client.RetryPolicy;
import org.apache.spark.sql.connect.client.SparkConnectClient;
import scala.Option;
import scala.concurrent.duration.FiniteDuration;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Spark through Spark Connect. Each Sluice session opens its own Spark Connect session (its temporary views and
 * settings stay its own); health asks Spark for its version on a session of the engine's own.
 */
public final class SparkEngine
        implements Engine
{

    private static final Pattern CONFIGURED_CATALOG = Pattern.compile("spark\\.sql\\.catalog\\.([^.]+)");

    private final SparkConfig config;
    private final Set<SparkEngineSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile SparkSession probe;
    private final ProbedVersion version = new ProbedVersion();

    SparkEngine(SparkConfig config)
    {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    public String name()
    {
        return SparkEngineFactory.NAME;
    }

    /** The version the last health probe read; probes once if none has run yet. */
    @Override
    public String version()
    {
        return version.get(this::health);
    }

    @Override
    public String endpoint()
    {
        return config.remote();
    }

    SparkSession connect()
    {
        return connect(Optional.empty());
    }

    /** A new Spark Connect session; {@code user} is its user id and name (the end user's, so that Spark's own logs and UI name them). */
    SparkSession connect(Optional<String> user)
    {
        // The client's default retries last minutes; a statement on a Spark that went away should fail in seconds.
        RetryPolicy defaults = RetryPolicy.defaultPolicy();
        RetryPolicy retries = RetryPolicy.apply(Option.apply(config.maxRetries()), FiniteDuration.apply(50, TimeUnit.MILLISECONDS),
                Option.apply(FiniteDuration.apply(1, TimeUnit.SECONDS)), 2.0, defaults.jitter(), defaults.minJitterThreshold(),
                defaults.canRetry(), defaults.name());
        SparkSession.Builder builder;
        try {
            SparkConnectClient.Builder client = SparkConnectClient.builder().connectionString(config.remote()).retryPolicy(retries);
            user.filter(name -> !name.isBlank()).ifPresent(name -> client.userId(name).userName(name));
            builder = SparkSession.builder().client(client.build());
        }
        catch (Throwable e) {
            throw SparkErrors.translate(e, config.remote());
        }
        builder.config("spark.sql.session.timeZone", "UTC");
        config.sessionConfig().forEach(builder::config);
        try {
            return builder.create();
        }
        catch (Throwable e) {
            throw SparkErrors.translate(e, config.remote());
        }
    }

    @Override
    public EngineSession openSession(SessionContext context)
    {
        SparkEngineSession session = new SparkEngineSession(this, connect(Optional.of(context.user())), sessions::remove);
        try {
            if (!context.database().equalsIgnoreCase("default")) {
                session.useDatabase(context.database());
            }
        }
        catch (Throwable e) {
            session.close();
            throw e;
        }
        sessions.add(session);
        return session;
    }

    /**
     * Spark's catalogs: those it has loaded ({@code SHOW CATALOGS}) and those it is configured with
     * ({@code spark.sql.catalog.<name>}), which it loads only when first used.
     */
    @Override
    public List<String> catalogs()
    {
        try {
            // On the health probe's session: a session of its own per probe would be connected and released each time.
            SparkSession session = probeSession();
            Set<String> catalogs = new LinkedHashSet<>();
            for (Row row : session.sql("SHOW CATALOGS").collectAsList()) {
                catalogs.add(row.getString(0));
            }
            for (Row row : session.sql("SET").collectAsList()) {
                Matcher matcher = CONFIGURED_CATALOG.matcher(row.getString(0));
                if (matcher.matches()) {
                    catalogs.add(matcher.group(1));
                }
            }
            return List.copyOf(catalogs);
        }
        catch (Throwable e) {
            return List.of();
        }
    }

    private synchronized SparkSession probeSession()
    {
        SparkSession session = probe;
        if (session == null) {
            session = connect();
            probe = session;
        }
        return session;
    }

    /** Spark Connect: a third of a second to plan and schedule, 100 MB/s per core, every lakehouse write. */
    public static final Map<String, String> ROUTER_PROFILE = Map.of(
            "memory-per-worker", "4e9", "scan-throughput-per-core", "100e6", "fixed-latency", "0.3", "result-row-cost", "2e-6",
            "slots", "4", "writes-lakehouse", "true", "row-level-lakehouse", "true");

    @Override
    public Map<String, String> routerProfile()
    {
        return ROUTER_PROFILE;
    }

    @Override
    public EngineHealth health()
    {
        try {
            SparkSession session = probeSession();
            // The client keeps Spark's version once read: a settings lookup asks the server itself.
            session.conf().get("spark.sql.session.timeZone");
            version.set(session.version());
            return EngineHealth.up(sessions.stream().mapToInt(SparkEngineSession::runningStatements).sum(), 0);
        }
        catch (Throwable e) {
            SparkSession stale = probe;
            probe = null;
            if (stale != null) {
                closeQuietly(stale);
            }
            return EngineHealth.down(SparkErrors.translate(e, config.remote()).getMessage());
        }
    }

    String remote()
    {
        return config.remote();
    }

    static void closeQuietly(SparkSession session)
    {
        try {
            session.close();
        }
        catch (Throwable ignored) {
            // Spark is gone or forgot the session: nothing to release.
        }
    }

    @Override
    public void close()
    {
        for (SparkEngineSession session : sessions) {
            session.close();
        }
        SparkSession session = probe;
        if (session != null) {
            closeQuietly(session);
        }
    }
}
