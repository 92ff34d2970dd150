package io.sluice.spi.metadata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestNamePattern
{
    @Test
    void jdbcWildcards()
    {
        assertThat(NamePattern.parse(null).matches("anything")).isTrue();
        assertThat(NamePattern.parse("").matches("anything")).isTrue();
        assertThat(NamePattern.parse("%").matches("")).isTrue();
        assertThat(NamePattern.parse("ord%").matches("ORDERS")).isTrue();
        assertThat(NamePattern.parse("ord*").matches("orders")).isTrue();
        assertThat(NamePattern.parse("order_").matches("orders")).isTrue();
        assertThat(NamePattern.parse("order_").matches("order")).isFalse();
        assertThat(NamePattern.parse("a.b").matches("axb")).isFalse();
    }

    @Test
    void escapedWildcardsAreLiteralAndExactNamesPushDown()
    {
        NamePattern pattern = NamePattern.parse("order\\_id");
        assertThat(pattern.exactName()).contains("order_id");
        assertThat(pattern.matches("order_id")).isTrue();
        assertThat(pattern.matches("orderxid")).isFalse();
        assertThat(NamePattern.parse("ord%").exactName()).isEmpty();
    }
}
