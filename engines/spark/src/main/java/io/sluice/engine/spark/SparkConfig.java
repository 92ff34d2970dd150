package io.sluice.engine.spark;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineSettings;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Where Spark Connect is and how Sluice uses it.
 *
 * @param remote the Spark Connect endpoint ({@code engine.spark.remote}, default {@code sc://127.0.0.1:15002})
 * @param sessionConfig Spark settings for every session ({@code engine.spark.conf.<key>=<value>})
 */
public record SparkConfig(String remote, Map<String, String> sessionConfig)
{
    public static final String REMOTE = "remote";
    public static final String CONF = "conf";

    public SparkConfig
    {
        requireNonNull(remote, "remote is null");
        sessionConfig = Map.copyOf(requireNonNull(sessionConfig, "sessionConfig is null"));
    }

    public static SparkConfig from(Map<String, String> properties)
    {
        EngineSettings settings = new EngineSettings(SparkEngineFactory.NAME, properties);
        String remote = settings.string(REMOTE, "sc://127.0.0.1:15002");
        if (!remote.matches("sc://[^/:]+(:\\d+)?(/.*)?")) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Invalid engine.spark.remote '" + remote + "': expected sc://host:port");
        }
        return new SparkConfig(remote, settings.withPrefix(CONF));
    }
}
