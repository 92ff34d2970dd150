package io.sluice.server.config;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Sluice's settings: {@code conf/sluice.conf} ({@code key=value}), overridden by {@code SLUICE_<KEY>} environment
 * variables ({@code server.rest.port} is {@code SLUICE_SERVER_REST_PORT}), overridden by {@code --conf key=value}.
 * Typed getters fail with a message naming the key and the bad value.
 */
public final class Settings
{
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern DATA_SIZE = Pattern.compile("(\\d+)\\s*(B|kB|KB|MB|GB)?");

    private final Map<String, String> file;
    private final Map<String, String> environment;
    private final Map<String, String> overrides;

    private Settings(Map<String, String> file, Map<String, String> environment, Map<String, String> overrides)
    {
        this.file = Map.copyOf(file);
        this.environment = Map.copyOf(environment);
        this.overrides = Map.copyOf(overrides);
    }

    public static Settings of(Map<String, String> values)
    {
        return new Settings(Map.of(), Map.of(), values);
    }

    /** Reads the file (if it exists); the environment and then the command-line overrides win over it. */
    public static Settings load(Path file, Map<String, String> environment, Map<String, String> overrides)
    {
        Map<String, String> values = new HashMap<>();
        if (file != null && Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            catch (IOException e) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Cannot read the configuration file " + file + ": " + e.getMessage(), e);
            }
            properties.forEach((key, value) -> values.put(key.toString().trim(), value.toString().trim()));
        }
        Map<String, String> variables = new HashMap<>();
        environment.forEach((variable, value) -> {
            if (variable.startsWith("SLUICE_")) {
                variables.put(variable, value.trim());
            }
        });
        return new Settings(values, variables, overrides);
    }

    /** The environment variable that overrides {@code key}: {@code server.rest.port} is {@code SLUICE_SERVER_REST_PORT}. */
    public static String environmentVariable(String key)
    {
        return "SLUICE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** All settings whose key starts with {@code prefix}, with the prefix removed; for settings named at run time. */
    public Map<String, String> withPrefix(String prefix)
    {
        Map<String, String> result = new HashMap<>();
        file.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                result.put(key.substring(prefix.length()), lookup(key));
            }
        });
        overrides.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                result.put(key.substring(prefix.length()), value);
            }
        });
        return result;
    }

    private String lookup(String key)
    {
        String value = overrides.get(key);
        if (value == null) {
            value = environment.get(environmentVariable(key));
        }
        if (value == null) {
            value = file.get(key);
        }
        return value;
    }

    public int getInt(String key, int defaultValue, int min, int max)
    {
        return (int) getLong(key, defaultValue, min, max);
    }

    public long getLong(String key, long defaultValue, long min, long max)
    {
        String value = lookup(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < min || parsed > max) {
                throw invalid(key, value, format("must be between %s and %s", min, max));
            }
            return parsed;
        }
        catch (NumberFormatException e) {
            throw invalid(key, value, "not a whole number");
        }
    }

    public String getString(String key, String defaultValue)
    {
        String value = lookup(key);
        return value == null ? defaultValue : value;
    }

    /** A duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 6h} or {@code 1d}; {@code 0} means none. */
    public Duration getDuration(String key, Duration defaultValue)
    {
        String value = lookup(key);
        if (value == null) {
            return defaultValue;
        }
        return parseDuration(key, value);
    }

    public static Duration parseDuration(String key, String value)
    {
        String text = value.trim();
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw invalid(key, value, "expected a duration such as 500ms, 30s, 5m, 6h or 1d");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** A size in bytes such as {@code 1048576}, {@code 512kB}, {@code 256MB} or {@code 1GB}. */
    public long getDataSize(String key, long defaultValue, long min, long max)
    {
        String value = lookup(key);
        if (value == null) {
            return defaultValue;
        }
        Matcher matcher = DATA_SIZE.matcher(value.trim());
        if (!matcher.matches()) {
            throw invalid(key, value, "expected a size such as 65536, 512kB, 256MB or 1GB");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "B" : matcher.group(2);
        long bytes = switch (unit) {
            case "kB", "KB" -> amount << 10;
            case "MB" -> amount << 20;
            case "GB" -> amount << 30;
            default -> amount;
        };
        if (bytes < min || bytes > max) {
            throw invalid(key, value, format("must be between %s and %s bytes", min, max));
        }
        return bytes;
    }

    static SluiceException invalid(String key, String value, String reason)
    {
        requireNonNull(key, "key is null");
        return new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid setting %s=%s: %s", key, value, reason));
    }
}
