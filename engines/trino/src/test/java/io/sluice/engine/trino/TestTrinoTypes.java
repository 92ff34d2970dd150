package io.sluice.engine.trino;

import io.sluice.spi.type.SluiceType;
import io.trino.client.Row;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Trino's type names as its client protocol spells them, and the decoded values, as Sluice types and values. */
class TestTrinoTypes
{
    @Test
    void parsesScalarTypes()
    {
        assertThat(TrinoTypes.parse("bigint")).isEqualTo(SluiceType.BIGINT);
        assertThat(TrinoTypes.parse("double")).isEqualTo(SluiceType.DOUBLE);
        assertThat(TrinoTypes.parse("real")).isEqualTo(SluiceType.FLOAT);
        assertThat(TrinoTypes.parse("decimal(38,10)")).isEqualTo(SluiceType.decimal(38, 10));
        assertThat(TrinoTypes.parse("varchar")).isEqualTo(SluiceType.STRING);
        assertThat(TrinoTypes.parse("varchar(25)")).isEqualTo(SluiceType.varchar(25));
        assertThat(TrinoTypes.parse("char(3)")).isEqualTo(SluiceType.character(3));
        assertThat(TrinoTypes.parse("varbinary")).isEqualTo(SluiceType.BINARY);
        assertThat(TrinoTypes.parse("timestamp(3)")).isEqualTo(SluiceType.TIMESTAMP);
        assertThat(TrinoTypes.parse("timestamp(6) with time zone")).isEqualTo(SluiceType.TIMESTAMP_WITH_TIME_ZONE);
        assertThat(TrinoTypes.parse("interval year to month")).isEqualTo(SluiceType.INTERVAL_YEAR_MONTH);
        assertThat(TrinoTypes.parse("interval day to second")).isEqualTo(SluiceType.INTERVAL_DAY_TIME);
        assertThat(TrinoTypes.parse("json")).isEqualTo(SluiceType.STRING);
        assertThat(TrinoTypes.parse("unknown")).isEqualTo(SluiceType.NULL);
    }

    @Test
    void parsesNestedTypes()
    {
        assertThat(TrinoTypes.parse("array(map(varchar, row(a integer, \"b c\" array(double))))")).isEqualTo(
                SluiceType.array(SluiceType.map(SluiceType.STRING,
                        SluiceType.struct(List.of("a", "b c"), List.of(SluiceType.INTEGER, SluiceType.array(SluiceType.DOUBLE))))));
        assertThat(TrinoTypes.parse("row(integer, varchar)")).isEqualTo(
                SluiceType.struct(List.of("col1", "col2"), List.of(SluiceType.INTEGER, SluiceType.STRING)));
        assertThatThrownBy(() -> TrinoTypes.parse("array(integer"))
                .hasMessageContaining("Unexpected Trino type");
    }

    @Test
    void convertsValues()
    {
        assertThat(TrinoTypes.toValue("12.50", SluiceType.decimal(10, 2))).isEqualTo(new BigDecimal("12.50"));
        assertThat(TrinoTypes.toValue("2024-01-02 03:04:05.123", SluiceType.TIMESTAMP)).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000));
        assertThat(TrinoTypes.toValue("2024-01-02 03:04:05.000 Europe/Warsaw", SluiceType.TIMESTAMP_WITH_TIME_ZONE))
                .isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(1)));
        assertThat(TrinoTypes.toValue("2024-01-02 03:04:05.000 +05:30", SluiceType.TIMESTAMP_WITH_TIME_ZONE))
                .isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(5, 30)));
        SluiceType struct = SluiceType.struct(List.of("a", "b"), List.of(SluiceType.INTEGER, SluiceType.array(SluiceType.STRING)));
        Row row = Row.builder().addField("a", 1).addField("b", List.of("x", "y")).build();
        assertThat(TrinoTypes.toValue(row, struct)).isEqualTo("{\"a\":1,\"b\":[\"x\",\"y\"]}");
        assertThat(TrinoTypes.toValue(Map.of("k", "2024-01-02"), SluiceType.map(SluiceType.STRING, SluiceType.DATE))).isEqualTo("{\"k\":\"2024-01-02\"}");
    }
}
