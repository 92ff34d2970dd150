package io.sluice.engine.duckdb;

import io.sluice.spi.SluiceException;
import io.sluice.spi.type.SluiceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDuckDbType
{
    @Test
    void scalarTypes()
    {
        assertThat(DuckDbType.toSluiceType("INTEGER")).isEqualTo(SluiceType.INTEGER);
        assertThat(DuckDbType.toSluiceType("DECIMAL(38,10)")).isEqualTo(SluiceType.decimal(38, 10));
        assertThat(DuckDbType.toSluiceType("UBIGINT")).isEqualTo(SluiceType.decimal(20, 0));
        assertThat(DuckDbType.toSluiceType("HUGEINT")).isEqualTo(SluiceType.decimal(38, 0));
        assertThat(DuckDbType.toSluiceType("UINTEGER")).isEqualTo(SluiceType.BIGINT);
        assertThat(DuckDbType.toSluiceType("TIMESTAMP WITH TIME ZONE")).isEqualTo(SluiceType.TIMESTAMP_WITH_TIME_ZONE);
        assertThat(DuckDbType.toSluiceType("ENUM('a', 'b(c)')")).isEqualTo(SluiceType.STRING);
        assertThat(DuckDbType.toSluiceType("BLOB")).isEqualTo(SluiceType.BINARY);
    }

    @Test
    void nestedTypes()
    {
        assertThat(DuckDbType.toSluiceType("INTEGER[]")).isEqualTo(SluiceType.array(SluiceType.INTEGER));
        assertThat(DuckDbType.toSluiceType("DECIMAL(10,2)[3][]")).isEqualTo(SluiceType.array(SluiceType.array(SluiceType.decimal(10, 2))));
        assertThat(DuckDbType.toSluiceType("MAP(VARCHAR, INTEGER[])")).isEqualTo(SluiceType.map(SluiceType.STRING, SluiceType.array(SluiceType.INTEGER)));
        SluiceType struct = DuckDbType.toSluiceType("STRUCT(a INTEGER, \"b c\" STRUCT(x DOUBLE))");
        assertThat(struct).isEqualTo(SluiceType.struct(List.of("a", "b c"), List.of(SluiceType.INTEGER, SluiceType.struct(List.of("x"), List.of(SluiceType.DOUBLE)))));
        assertThat(struct.displayName()).isEqualTo("struct<a:int,b c:struct<x:double>>");
    }

    @Test
    void unknownTypesFailNamingTheType()
    {
        assertThatThrownBy(() -> DuckDbType.toSluiceType("GEOMETRY")).isInstanceOf(SluiceException.class).hasMessageContaining("GEOMETRY");
        assertThatThrownBy(() -> DuckDbType.toSluiceType("DECIMAL(10")).isInstanceOf(SluiceException.class).hasMessageContaining("DECIMAL(10");
    }
}
