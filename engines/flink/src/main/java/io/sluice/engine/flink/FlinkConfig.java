package io.sluice.engine.flink;

import io.sluice.spi.engine.EngineSettings;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Where the Flink SQL Gateway is and how Sluice talks to it.
 *
 * @param endpoint the gateway's REST endpoint ({@code engine.flink.endpoint}, default {@code http://127.0.0.1:8083})
 * @param requestTimeout how long one REST call may take ({@code engine.flink.request-timeout}, default 30s)
 */
public record FlinkConfig(URI endpoint, Duration requestTimeout)
{
    public static final String ENDPOINT = "endpoint";
    public static final String REQUEST_TIMEOUT = "request-timeout";

    public FlinkConfig
    {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
    }

    public static FlinkConfig from(Map<String, String> properties)
    {
        EngineSettings settings = new EngineSettings(FlinkEngineFactory.NAME, properties);
        return new FlinkConfig(settings.endpoint(ENDPOINT, "http://127.0.0.1:8083"), settings.duration(REQUEST_TIMEOUT, "30s"));
    }
}
