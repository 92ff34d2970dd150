package io.sluice.dialects;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import static java.lang.String.format;

/**
 * The SQL dialects Sluice reads ({@code sluice.dialect}) and writes (one per engine).
 */
public enum Dialect
{
    SPARK,
    HIVE,
    TRINO,
    DUCKDB,
    FLINK;

    /** The setting's spelling: {@code spark}, {@code hive}, ... */
    public String settingValue()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a dialect name, case-insensitively; fails naming the value and the choices. */
    public static Dialect fromName(String name)
    {
        String normalized = name.trim().toUpperCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (dialect.name().equals(normalized)) {
                return dialect;
            }
        }
        throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Unknown SQL dialect '%s': expected one of %s", name,
                Arrays.stream(values()).map(Dialect::settingValue).collect(Collectors.joining(", "))));
    }

    /** Whether the dialect gives functions and operators Spark's meaning (Spark and Hive). */
    public boolean sparkSemantics()
    {
        return this == SPARK || this == HIVE;
    }

    /** Whether dividing two integers truncates ({@code 7 / 2 = 3}) rather than giving a fraction. */
    public boolean integerDivisionTruncates()
    {
        return this == TRINO || this == FLINK;
    }

    /** Whether the dialect writes arrays 0-based ({@code a[0]} is the first element). */
    public boolean zeroBasedSubscripts()
    {
        return this == SPARK || this == HIVE;
    }
}
