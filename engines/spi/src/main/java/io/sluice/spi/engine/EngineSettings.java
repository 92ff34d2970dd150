package io.sluice.spi.engine;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Reads an engine's settings ({@code engine.<name>.*}, prefix removed), failing with a message that names the full
 * setting and what was expected.
 */
public final class EngineSettings
{
    private final String engine;
    private final Map<String, String> properties;

    public EngineSettings(String engine, Map<String, String> properties)
    {
        this.engine = requireNonNull(engine, "engine is null");
        this.properties = Map.copyOf(requireNonNull(properties, "properties is null"));
    }

    public String string(String key, String defaultValue)
    {
        return properties.getOrDefault(key, defaultValue).trim();
    }

    /** An {@code http://host:port} endpoint, without a trailing slash. */
    public URI endpoint(String key, String defaultValue)
    {
        String endpoint = string(key, defaultValue);
        URI uri;
        try {
            uri = URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
        }
        catch (IllegalArgumentException e) {
            throw invalid(key, endpoint, e.getMessage());
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw invalid(key, endpoint, "expected http://host:port");
        }
        return uri;
    }

    /** A duration written as {@code 30s}, {@code 500ms} or a number of seconds. */
    public Duration duration(String key, String defaultValue)
    {
        String value = string(key, defaultValue);
        try {
            Duration duration = value.endsWith("ms")
                    ? Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)))
                    : Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
            if (duration.isNegative()) {
                throw invalid(key, value, "expected a duration of 0 or more");
            }
            return duration;
        }
        catch (NumberFormatException e) {
            throw invalid(key, value, "expected e.g. 30s or 500ms");
        }
    }

    /** The settings under {@code prefix.}, with the prefix removed: e.g. an engine's session properties. */
    public Map<String, String> withPrefix(String prefix)
    {
        Map<String, String> result = new java.util.TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(prefix + ".") && key.length() > prefix.length() + 1) {
                result.put(key.substring(prefix.length() + 1), value.trim());
            }
        });
        return result;
    }

    private SluiceException invalid(String key, String value, String expected)
    {
        return new SluiceException(ErrorCode.INVALID_ARGUMENT, "Invalid engine." + engine + "." + key + " '" + value + "': " + expected);
    }
}
