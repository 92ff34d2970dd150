package io.sluice.engine.flink;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

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
        String endpoint = properties.getOrDefault(ENDPOINT, "http://127.0.0.1:8083").trim();
        URI uri;
        try {
            uri = URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
        }
        catch (IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Invalid engine.flink.endpoint '" + endpoint + "': " + e.getMessage());
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Invalid engine.flink.endpoint '" + endpoint + "': expected http://host:port");
        }
        String timeout = properties.getOrDefault(REQUEST_TIMEOUT, "30s").trim();
        Duration requestTimeout;
        try {
            requestTimeout = timeout.endsWith("ms")
                    ? Duration.ofMillis(Long.parseLong(timeout.substring(0, timeout.length() - 2)))
                    : Duration.ofSeconds(Long.parseLong(timeout.endsWith("s") ? timeout.substring(0, timeout.length() - 1) : timeout));
        }
        catch (NumberFormatException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Invalid engine.flink.request-timeout '" + timeout + "': expected e.g. 30s or 500ms");
        }
        return new FlinkConfig(uri, requestTimeout);
    }
}
