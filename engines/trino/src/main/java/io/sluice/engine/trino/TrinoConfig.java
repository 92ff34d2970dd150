package io.sluice.engine.trino;

import io.sluice.spi.engine.EngineSettings;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where Trino is and how Sluice uses it.
 *
 * @param endpoint the coordinator ({@code engine.trino.endpoint}, default {@code http://127.0.0.1:8080})
 * @param catalog the catalog that holds Sluice's databases ({@code engine.trino.catalog}, default {@code iceberg});
 * schemas of Trino's other catalogs appear as databases named {@code catalog.schema}
 * @param user the Trino user every statement runs as ({@code engine.trino.user}); by default the Sluice user
 * @param requestTimeout how long Sluice retries one request before it gives Trino up ({@code engine.trino.request-timeout}, default 30s)
 * @param sessionProperties Trino session properties for every session ({@code engine.trino.session.<name>=<value>})
 * @param metadataCacheTtl how long a session reuses what Trino answered about schemas and tables when validating
 * statements ({@code engine.trino.metadata-cache-ttl}, default 5s; 0 asks Trino every time)
 */
public record TrinoConfig(URI endpoint, String catalog, Optional<String> user, Duration requestTimeout, Map<String, String> sessionProperties,
        Duration metadataCacheTtl)
{
    public static final String ENDPOINT = "endpoint";
    public static final String CATALOG = "catalog";
    public static final String USER = "user";
    public static final String REQUEST_TIMEOUT = "request-timeout";
    public static final String SESSION = "session";
    public static final String METADATA_CACHE_TTL = "metadata-cache-ttl";

    public TrinoConfig
    {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(user, "user is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        sessionProperties = Map.copyOf(requireNonNull(sessionProperties, "sessionProperties is null"));
        requireNonNull(metadataCacheTtl, "metadataCacheTtl is null");
    }

    public static TrinoConfig from(Map<String, String> properties)
    {
        EngineSettings settings = new EngineSettings(TrinoEngineFactory.NAME, properties);
        String user = settings.string(USER, "");
        return new TrinoConfig(
                settings.endpoint(ENDPOINT, "http://127.0.0.1:8080"),
                settings.string(CATALOG, "iceberg"),
                user.isEmpty() ? Optional.empty() : Optional.of(user),
                settings.duration(REQUEST_TIMEOUT, "30s"),
                settings.withPrefix(SESSION),
                settings.duration(METADATA_CACHE_TTL, "5s"));
    }
}
