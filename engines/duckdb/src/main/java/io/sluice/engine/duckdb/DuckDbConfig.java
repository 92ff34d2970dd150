package io.sluice.engine.duckdb;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Settings of the DuckDB engine, given as {@code engine.duckdb.<name>} in Sluice's configuration.
 *
 * @param databaseFile the DuckDB database file; {@code <data directory>/sluice.duckdb} by default
 * @param threads DuckDB's worker threads; DuckDB's own default (the core count) when empty
 * @param memoryLimit DuckDB's memory limit, e.g. {@code 4GB}; DuckDB's own default (80% of RAM) when empty
 * @param spoolDirectory where the unread rest of a result goes when its connection is needed for another statement
 */
public record DuckDbConfig(Path databaseFile, Optional<Integer> threads, Optional<String> memoryLimit, Path spoolDirectory)
{
    public static final String PATH = "path";
    public static final String THREADS = "threads";
    public static final String MEMORY_LIMIT = "memory-limit";
    public static final String SPOOL_DIRECTORY = "spool-directory";
    private static final Set<String> NAMES = Set.of(PATH, THREADS, MEMORY_LIMIT, SPOOL_DIRECTORY);

    public DuckDbConfig
    {
        requireNonNull(databaseFile, "databaseFile is null");
        requireNonNull(threads, "threads is null");
        requireNonNull(memoryLimit, "memoryLimit is null");
        requireNonNull(spoolDirectory, "spoolDirectory is null");
    }

    public static DuckDbConfig from(Map<String, String> properties, Path dataDirectory)
    {
        for (String name : properties.keySet()) {
            if (!NAMES.contains(name)) {
                throw invalid(name, properties.get(name), "unknown setting; known: " + NAMES);
            }
        }
        Path databaseFile = Optional.ofNullable(properties.get(PATH)).map(Path::of).orElse(dataDirectory.resolve("sluice.duckdb"));
        Optional<Integer> threads = Optional.ofNullable(properties.get(THREADS)).map(value -> parseThreads(value));
        Optional<String> memoryLimit = Optional.ofNullable(properties.get(MEMORY_LIMIT)).map(value -> {
            if (!value.matches("[0-9]+(\\.[0-9]+)?\\s*[A-Za-z]*")) {
                throw invalid(MEMORY_LIMIT, value, "expected a size such as 4GB");
            }
            return value;
        });
        Path spoolDirectory = Optional.ofNullable(properties.get(SPOOL_DIRECTORY)).map(Path::of).orElse(dataDirectory.resolve("spool"));
        return new DuckDbConfig(databaseFile, threads, memoryLimit, spoolDirectory);
    }

    private static int parseThreads(String value)
    {
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads < 1) {
                throw invalid(THREADS, value, "must be at least 1");
            }
            return threads;
        }
        catch (NumberFormatException e) {
            throw invalid(THREADS, value, "not a whole number");
        }
    }

    private static SluiceException invalid(String name, String value, String reason)
    {
        return new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid setting engine.duckdb.%s=%s: %s", name, value, reason));
    }
}
