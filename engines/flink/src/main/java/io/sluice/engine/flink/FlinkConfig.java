package io.sluice.engine.flink;

import io.sluice.spi.engine.EngineSettings;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where the Flink SQL Gateway is and how Sluice talks to it.
 *
 * @param endpoint the gateway's REST endpoint ({@code engine.flink.endpoint}, default {@code http://127.0.0.1:8083})
 * @param requestTimeout how long one REST call may take ({@code engine.flink.request-timeout}, default 30s)
 * @param catalog the Flink catalog Sluice's databases live in ({@code engine.flink.catalog}; empty: the gateway's
 *         default catalog, which is in memory and per session unless the gateway is configured otherwise)
 */
public record FlinkConfig(URI endpoint, Duration requestTimeout, Optional<String> catalog)
{
    public static final String ENDPOINT = "endpoint";
    public static final String REQUEST_TIMEOUT = "request-timeout";
    public static final String CATALOG = "catalog";

    public FlinkConfig
    {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        requireNonNull(catalog, "catalog is null");
    }

    public static FlinkConfig from(Map<String, String> properties)
    {
        EngineSettings settings = new EngineSettings(FlinkEngineFactory.NAME, properties);
        String catalog = settings.string(CATALOG, "");
        return new FlinkConfig(settings.endpoint(ENDPOINT, "http://127.0.0.1:8083"), settings.duration(REQUEST_TIMEOUT, "30s"),
                catalog.isEmpty() ? Optional.empty() : Optional.of(catalog));
    }
}
