package io.sluice.jdbc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestJson
{
    @Test
    void valuesOfEveryKind()
            throws SQLException
    {
        assertThat(Json.parseList("[1, 2147483648, 123456789012345678901234, 1.5, 0.1, 1.00000000000000000001, -2e3, true, null, \"a\\\"b\\u00e9\", [], {}]"))
                .containsExactly(1, 2147483648L, new BigInteger("123456789012345678901234"), 1.5, 0.1, new BigDecimal("1.00000000000000000001"), -2000.0,
                        true, null, "a\"bé", List.of(), Map.of());
        assertThat(Json.parseMap("{\"a\":{\"b\":[1]},\"c\":NaN}")).isEqualTo(Map.of("a", Map.of("b", List.of(1)), "c", Double.NaN));
        assertThat(Json.parseList("[null]")).isEqualTo(Arrays.asList((Object) null));
    }

    @Test
    void malformedTextIsNamed()
    {
        assertThatThrownBy(() -> Json.parseList("[1,")).hasMessageContaining("ends early");
        assertThatThrownBy(() -> Json.parseList("[1 2]")).hasMessageContaining("expected , or ]");
        assertThatThrownBy(() -> Json.parseMap("[1]")).hasMessageContaining("Not a JSON object");
        assertThatThrownBy(() -> Json.parseList("[1] x")).hasMessageContaining("unexpected text after the value");
    }
}
