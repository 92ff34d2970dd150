package io.sluice.dialects.validate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static java.util.Objects.requireNonNull;

/**
 * A table read as of a version or a point in time ({@code t VERSION AS OF 42}, {@code t TIMESTAMP AS OF
 * '2024-01-01 00:00:00'}).
 *
 * @param value the snapshot id or branch/tag name (VERSION), or the timestamp as written, read in UTC (TIMESTAMP)
 */
public record TimeTravel(Kind kind, String value)
{
    public enum Kind
    {
        VERSION,
        TIMESTAMP
    }

    public TimeTravel
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(value, "value is null");
    }

    /**
     * The point in time of a TIMESTAMP AS OF, in milliseconds since the epoch, its value read in UTC
     * ({@code yyyy-MM-dd[ HH:mm:ss[.ffffff]]}).
     *
     * @throws java.time.format.DateTimeParseException when the value is no such timestamp
     */
    public long epochMillisUtc()
    {
        String iso = value.trim().replace(' ', 'T');
        return iso.length() <= 10
                ? LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** As Spark writes it after the table name. */
    public String sparkClause()
    {
        boolean number = kind == Kind.VERSION && value.chars().allMatch(Character::isDigit) && !value.isEmpty();
        return kind.name() + " AS OF " + (number ? value : "'" + value.replace("'", "''") + "'");
    }
}
