package io.sluice.router.cost;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * An engine's declared capacity and cost coefficients, from {@code router.profile.<engine>.<key>} over the defaults the
 * engine declares of itself (docs/router.md). Capacity is what the engine has, not what one statement gets: a 20-worker
 * Trino cluster is {@code workers=20}.
 *
 * @param engine the engine's name
 * @param workers worker nodes (Trino workers, Spark executors; 1 for DuckDB)
 * @param coresPerWorker cores each worker scans with
 * @param memoryPerWorker bytes of memory each worker runs statements in (DuckDB's memory limit)
 * @param scanBytesPerCoreSecond bytes one core scans per second
 * @param fixedSeconds planning and scheduling of any statement
 * @param startupSeconds starting (or scaling up) the engine when it is cold
 * @param joinFactor time of each join, as a fraction of the scan's
 * @param aggregateFactor time of aggregation, as a fraction of the scan's
 * @param sortFactor time of sorting, as a fraction of the scan's
 * @param secondsPerResultRow moving one result row from the engine to Sluice
 * @param slots statements the engine runs at once before others wait
 * @param writesLakehouse whether it writes lakehouse tables (INSERT, CREATE TABLE AS, DDL)
 * @param rowLevelLakehouse whether it runs DELETE, UPDATE and MERGE on lakehouse tables
 */
public record EngineProfile(
        String engine,
        int workers,
        int coresPerWorker,
        double memoryPerWorker,
        double scanBytesPerCoreSecond,
        double fixedSeconds,
        double startupSeconds,
        double joinFactor,
        double aggregateFactor,
        double sortFactor,
        double secondsPerResultRow,
        int slots,
        boolean writesLakehouse,
        boolean rowLevelLakehouse)
{
    public static final String PREFIX = "router.profile.";

    private static final Set<String> KEYS = Set.of("workers", "cores-per-worker", "memory-per-worker", "scan-throughput-per-core", "fixed-latency",
            "startup", "join-factor", "aggregate-factor", "sort-factor", "result-row-cost", "slots", "writes-lakehouse", "row-level-lakehouse");

    public EngineProfile
    {
        requireNonNull(engine, "engine is null");
        positive(engine, "workers", workers);
        positive(engine, "cores-per-worker", coresPerWorker);
        positive(engine, "memory-per-worker", memoryPerWorker);
        positive(engine, "scan-throughput-per-core", scanBytesPerCoreSecond);
        positive(engine, "slots", slots);
        for (double value : new double[] {fixedSeconds, startupSeconds, joinFactor, aggregateFactor, sortFactor, secondsPerResultRow}) {
            if (value < 0 || Double.isNaN(value)) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid %s%s.*: a cost coefficient is negative (%s)", PREFIX, engine, value));
            }
        }
    }

    public int cores()
    {
        return workers * coresPerWorker;
    }

    public double memoryBytes()
    {
        return workers * memoryPerWorker;
    }

    public double scanBytesPerSecond()
    {
        return scanBytesPerCoreSecond * cores();
    }

    /**
     * The defaults of an engine that declares none: one worker with this machine's cores, 2 GB of memory, 100 MB/s
     * per core, half a second of fixed latency, four slots, no lakehouse writes (docs/router.md).
     */
    public static EngineProfile defaults(String engine)
    {
        return new EngineProfile(engine, 1, Runtime.getRuntime().availableProcessors(), 2e9, 100e6, 0.5, 0, 0.5, 0.3, 0.4, 2e-6, 4, false, false);
    }

    /**
     * An engine's defaults: those of {@link #defaults(String)} with what the engine declares of itself
     * ({@link io.sluice.spi.engine.Engine#routerProfile()}, keyed as {@code router.profile.<engine>.*} is).
     */
    public static EngineProfile defaults(String engine, Map<String, String> declared)
    {
        return overridden(defaults(engine), declared);
    }

    /** The generic defaults of {@link #defaults(String)}, with whatever {@code router.profile.<engine>.*} in {@code settings} overrides. */
    public static EngineProfile from(String engine, Map<String, String> settings)
    {
        return from(defaults(engine), settings);
    }

    /** The profile {@code base} (defaults, or a calibration of them), with whatever {@code router.profile.<engine>.*} in {@code settings} overrides. */
    public static EngineProfile from(EngineProfile base, Map<String, String> settings)
    {
        String prefix = PREFIX + base.engine() + ".";
        Map<String, String> overrides = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                overrides.put(key.substring(prefix.length()), value);
            }
        });
        return overridden(base, overrides);
    }

    /** {@code base} with {@code overrides}, keyed by the short names of {@code router.profile.<engine>.*}. */
    private static EngineProfile overridden(EngineProfile base, Map<String, String> values)
    {
        EngineProfile profile = base;
        String engine = base.engine();
        String prefix = PREFIX + engine + ".";
        Map<String, String> overrides = new TreeMap<>();
        values.forEach((name, value) -> {
            if (!KEYS.contains(name)) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Unknown setting %s%s: the keys of %s<engine>. are %s", prefix, name, PREFIX, String.join(", ", new TreeSet<>(KEYS))));
            }
            overrides.put(name, value.trim());
        });
        if (overrides.isEmpty()) {
            return profile;
        }
        return new EngineProfile(engine,
                (int) number(prefix, overrides, "workers", profile.workers()),
                (int) number(prefix, overrides, "cores-per-worker", profile.coresPerWorker()),
                bytes(prefix, overrides, "memory-per-worker", profile.memoryPerWorker()),
                bytes(prefix, overrides, "scan-throughput-per-core", profile.scanBytesPerCoreSecond()),
                seconds(prefix, overrides, "fixed-latency", profile.fixedSeconds()),
                seconds(prefix, overrides, "startup", profile.startupSeconds()),
                number(prefix, overrides, "join-factor", profile.joinFactor()),
                number(prefix, overrides, "aggregate-factor", profile.aggregateFactor()),
                number(prefix, overrides, "sort-factor", profile.sortFactor()),
                seconds(prefix, overrides, "result-row-cost", profile.secondsPerResultRow()),
                (int) number(prefix, overrides, "slots", profile.slots()),
                bool(prefix, overrides, "writes-lakehouse", profile.writesLakehouse()),
                bool(prefix, overrides, "row-level-lakehouse", profile.rowLevelLakehouse()));
    }

    /** The same profile with the coefficients a calibration measured. */
    public EngineProfile calibrated(double fixedSeconds, double scanBytesPerCoreSecond, double secondsPerResultRow)
    {
        return new EngineProfile(engine, workers, coresPerWorker, memoryPerWorker, scanBytesPerCoreSecond, fixedSeconds, startupSeconds, joinFactor,
                aggregateFactor, sortFactor, secondsPerResultRow, slots, writesLakehouse, rowLevelLakehouse);
    }

    private static double number(String prefix, Map<String, String> values, String key, double defaultValue)
    {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value);
        }
        catch (NumberFormatException e) {
            throw invalid(prefix, key, value, "a number");
        }
    }

    private static boolean bool(String prefix, Map<String, String> values, String key, boolean defaultValue)
    {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(prefix, key, value, "true or false");
        };
    }

    /** A size: a number of bytes, or with a unit {@code B, KB, MB, GB, TB} (powers of 1000; {@code KiB...TiB} powers of 1024), per second for throughput. */
    static double bytes(String prefix, Map<String, String> values, String key, double defaultValue)
    {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        String text = value.replace(" ", "").toUpperCase(Locale.ROOT);
        if (text.endsWith("/S")) {
            text = text.substring(0, text.length() - 2);
        }
        String[] units = {"KIB", "MIB", "GIB", "TIB", "KB", "MB", "GB", "TB", "B"};
        double[] factors = {1024.0, 1024.0 * 1024, 1024.0 * 1024 * 1024, 1024.0 * 1024 * 1024 * 1024, 1e3, 1e6, 1e9, 1e12, 1};
        double factor = 1;
        for (int i = 0; i < units.length; i++) {
            if (text.endsWith(units[i])) {
                factor = factors[i];
                text = text.substring(0, text.length() - units[i].length());
                break;
            }
        }
        try {
            return Double.parseDouble(text) * factor;
        }
        catch (NumberFormatException e) {
            throw invalid(prefix, key, value, "a size such as 64GB or 500MB");
        }
    }

    /** A duration: seconds, or with a unit {@code ms, s, m}. */
    static double seconds(String prefix, Map<String, String> values, String key, double defaultValue)
    {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        String text = value.replace(" ", "").toLowerCase(Locale.ROOT);
        double factor = 1;
        if (text.endsWith("ms")) {
            factor = 1e-3;
            text = text.substring(0, text.length() - 2);
        }
        else if (text.endsWith("us")) {
            factor = 1e-6;
            text = text.substring(0, text.length() - 2);
        }
        else if (text.endsWith("s")) {
            text = text.substring(0, text.length() - 1);
        }
        else if (text.endsWith("m")) {
            factor = 60;
            text = text.substring(0, text.length() - 1);
        }
        try {
            return Double.parseDouble(text) * factor;
        }
        catch (NumberFormatException e) {
            throw invalid(prefix, key, value, "a duration such as 150ms or 2s");
        }
    }

    private static SluiceException invalid(String prefix, String key, String value, String expected)
    {
        return new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid value '%s' for %s%s: expected %s", value, prefix, key, expected));
    }

    private static void positive(String engine, String key, double value)
    {
        if (!(value > 0)) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid %s%s.%s=%s: must be positive", PREFIX, engine, key, value));
        }
    }

}
