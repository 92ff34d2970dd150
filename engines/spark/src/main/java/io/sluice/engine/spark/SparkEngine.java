package io.sluice.engine.spark;

import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineHealth;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.SessionContext;
import org.apache.spark.sql.connect.SparkSession;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Spark through Spark Connect. Each Sluice session opens its own Spark Connect session (its temporary views and
 * settings stay its own); health asks Spark for its version on a session of the engine's own.
 */
public final class SparkEngine
        implements Engine
{
    private static final String UNKNOWN_VERSION = "unknown";

    private final SparkConfig config;
    private final Set<SparkEngineSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile SparkSession probe;
    private volatile String version = UNKNOWN_VERSION;

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
        if (version.equals(UNKNOWN_VERSION)) {
            health();
        }
        return version;
    }

    @Override
    public String endpoint()
    {
        return config.remote();
    }

    SparkSession connect()
    {
        SparkSession.Builder builder = SparkSession.builder().remote(config.remote());
        builder.config("spark.sql.session.timeZone", "UTC");
        config.sessionConfig().forEach(builder::config);
        try {
            return builder.create();
        }
        catch (Exception | LinkageError e) {
            throw SparkErrors.translate(e, config.remote());
        }
    }

    @Override
    public EngineSession openSession(SessionContext context)
    {
        SparkEngineSession session = new SparkEngineSession(this, connect(), sessions::remove);
        try {
            if (!context.database().equalsIgnoreCase("default")) {
                session.useDatabase(context.database());
            }
        }
        catch (Exception | LinkageError e) {
            session.close();
            throw e;
        }
        sessions.add(session);
        return session;
    }

    @Override
    public EngineHealth health()
    {
        try {
            SparkSession session = probe;
            if (session == null) {
                session = connect();
                probe = session;
            }
            version = session.version();
            return EngineHealth.up(sessions.stream().mapToInt(SparkEngineSession::runningStatements).sum(), 0);
        }
        catch (Exception | LinkageError e) {
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
        catch (Exception ignored) {
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
