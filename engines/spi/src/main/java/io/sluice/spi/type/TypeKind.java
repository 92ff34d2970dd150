package io.sluice.spi.type;

/**
 * The kinds of SQL type Sluice carries between engines and clients. Each has one Java representation in a
 * {@link io.sluice.spi.RowBatch}, given here.
 */
public enum TypeKind
{
    /** {@code Boolean}. */
    BOOLEAN,
    /** {@code Byte}. */
    TINYINT,
    /** {@code Short}. */
    SMALLINT,
    /** {@code Integer}. */
    INTEGER,
    /** {@code Long}. */
    BIGINT,
    /** {@code Float}. */
    FLOAT,
    /** {@code Double}. */
    DOUBLE,
    /** {@code java.math.BigDecimal}, with the column's scale. */
    DECIMAL,
    /** {@code String}. */
    CHAR,
    /** {@code String}. */
    VARCHAR,
    /** {@code String}: unbounded text. */
    STRING,
    /** {@code byte[]}. */
    BINARY,
    /** {@code java.time.LocalDate}. */
    DATE,
    /** {@code java.time.LocalTime}. */
    TIME,
    /** {@code java.time.LocalDateTime}. */
    TIMESTAMP,
    /** {@code java.time.OffsetDateTime}. */
    TIMESTAMP_WITH_TIME_ZONE,
    /** {@code String} as Hive spells it: {@code "1-2"} (years-months). */
    INTERVAL_YEAR_MONTH,
    /** {@code String} as Hive spells it: {@code "1 02:03:04.000000000"}. */
    INTERVAL_DAY_TIME,
    /** {@code String}: an interval mixing months, days and time, as the engine spells it. */
    INTERVAL,
    /** {@code String}: the value as JSON, as Spark's Thrift server sends it ({@code [1,2,3]}). */
    ARRAY,
    /** {@code String}: the value as JSON ({@code {"a":1}}). */
    MAP,
    /** {@code String}: the value as JSON ({@code {"f1":1,"f2":"x"}}). */
    STRUCT,
    /** Always {@code null}. */
    NULL,
}
