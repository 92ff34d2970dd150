package io.sluice.engine.trino;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineHealth;
import io.sluice.spi.engine.EngineProbes;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.ProbedVersion;
import io.sluice.spi.engine.SessionContext;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Trino through its client protocol. Trino keeps no session on its side: each Sluice session holds its catalog,
 * schema and session properties and sends them with every statement. Health reads the coordinator's
 * {@code /v1/info}; load counts its running and queued queries.
 */
public final class TrinoEngine
        implements Engine
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrinoConfig config;
    private final OkHttpClient httpClient;
    private final Set<TrinoSession> sessions = ConcurrentHashMap.newKeySet();
    private final ProbedVersion version = new ProbedVersion();

    TrinoEngine(TrinoConfig config)
    {
        this.config = requireNonNull(config, "config is null");
        Duration timeout = config.requestTimeout();
        this.httpClient = new OkHttpClient.Builder()
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .build();
    }

    @Override
    public String name()
    {
        return TrinoEngineFactory.NAME;
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
        return config.endpoint().toString();
    }

    @Override
    public EngineSession openSession(SessionContext context)
    {
        TrinoSession session = new TrinoSession(config, httpClient, config.user().orElse(context.user()), sessions::remove);
        if (!context.database().equalsIgnoreCase("default")) {
            session.useDatabase(context.database());
        }
        sessions.add(session);
        return session;
    }

    /** Trino's catalogs, {@code SHOW CATALOGS}. */
    @Override
    public List<String> catalogs()
    {
        return EngineProbes.names(this, "SHOW CATALOGS");
    }

    /** A local Trino: a tenth of a second to plan, 150 MB/s per core, many statements at once, every lakehouse write. */
    public static final Map<String, String> ROUTER_PROFILE = Map.of(
            "memory-per-worker", "4e9", "scan-throughput-per-core", "150e6", "fixed-latency", "0.1", "result-row-cost", "1.5e-6",
            "slots", "8", "writes-lakehouse", "true", "row-level-lakehouse", "true");

    @Override
    public Map<String, String> routerProfile()
    {
        return ROUTER_PROFILE;
    }

    @Override
    public EngineHealth health()
    {
        try {
            JsonNode info = get("/v1/info");
            version.set(info.path("nodeVersion").path("version").asText(ProbedVersion.UNKNOWN));
            if (info.path("starting").asBoolean(false)) {
                return EngineHealth.down("Trino at " + config.endpoint() + " is starting");
            }
            return EngineHealth.up(get("/v1/query?state=RUNNING").size(), get("/v1/query?state=QUEUED").size());
        }
        catch (IOException | RuntimeException e) {
            return EngineHealth.down("Trino at " + config.endpoint() + " is not reachable: " + e.getMessage());
        }
    }

    private JsonNode get(String path)
            throws IOException
    {
        Request request = new Request.Builder()
                .url(config.endpoint() + path)
                .header("X-Trino-User", config.user().orElse("sluice"))
                .build();
        try (Response response = httpClient.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from " + path);
            }
            return JSON.readTree(response.body().string());
        }
    }

    @Override
    public void close()
    {
        for (TrinoSession session : sessions) {
            session.close();
        }
        httpClient.dispatcher().executorService().shutdown();
        httpClient.connectionPool().evictAll();
    }
}
