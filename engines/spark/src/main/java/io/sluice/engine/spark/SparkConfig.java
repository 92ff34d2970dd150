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
 * @param maxRetries how often a call that found Spark unreachable is retried, with a backoff from 50 ms doubling to
 * at most 1 s, before the statement fails ({@code engine.spark.max-retries}, default 8: about 5 s)
 */
public record SparkConfig(String remote, Map<String, String> sessionConfig, int maxRetries)
{
    public static final String REMOTE = "remote";
    public static final String CONF = "conf";
    public static final String MAX_RETRIES = "max-retries";

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
        String retries = settings.string(MAX_RETRIES, "8");
        if (!retries.matches("\\d{1,3}")) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Invalid engine.spark.max-retries '" + retries + "': expected a number from 0 to 999");
        }
        return new SparkConfig(remote, settings.withPrefix(CONF), Integer.parseInt(retries));
    }
}
