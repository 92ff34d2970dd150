package io.sluice.dialects.testing;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One input statement checked against every engine's translation in one chain, as Calcite's
 * {@code RelToSqlConverterTest} does: {@code spark("...").toDuckDb("...").toTrino("...")}.
 */
public final class Transpilation
{
    private final String sql;
    private final Dialect input;

    private Transpilation(String sql, Dialect input)
    {
        this.sql = sql;
        this.input = input;
    }

    public static Transpilation spark(String sql)
    {
        return new Transpilation(sql, Dialect.SPARK);
    }

    public static Transpilation from(Dialect input, String sql)
    {
        return new Transpilation(sql, input);
    }

    public Transpilation toDuckDb(String expected)
    {
        return to(Dialect.DUCKDB, expected);
    }

    public Transpilation toTrino(String expected)
    {
        return to(Dialect.TRINO, expected);
    }

    public Transpilation toSpark(String expected)
    {
        return to(Dialect.SPARK, expected);
    }

    public Transpilation toFlink(String expected)
    {
        return to(Dialect.FLINK, expected);
    }

    public Transpilation to(Dialect target, String expected)
    {
        assertThat(translate(target)).as("%s in %s", sql, target.settingValue()).isEqualTo(expected);
        return this;
    }

    /** The translation matches a regular expression (for names Sluice generates). */
    public Transpilation matchesIn(Dialect target, String regex)
    {
        assertThat(translate(target)).as("%s in %s", sql, target.settingValue()).matches(regex);
        return this;
    }

    /** The engine refuses the statement with NOT_SUPPORTED and a message containing {@code message}. */
    public Transpilation refusedIn(Dialect target, String message)
    {
        assertThatThrownBy(() -> translate(target))
                .as("%s in %s", sql, target.settingValue())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_SUPPORTED))
                .hasMessageContaining(message);
        return this;
    }

    /** The statement fails before any engine with this error code and a message containing {@code message}. */
    public void fails(ErrorCode code, String message)
    {
        assertThatThrownBy(() -> translate(Dialect.DUCKDB))
                .as(sql)
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.errorCode()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    public String translate(Dialect target)
    {
        return Transpiler.unparse(Transpiler.validate(Transpiler.parse(sql, input), input, TestingCatalog.INSTANCE, "default"),
                input, target, UnaryOperator.identity()).replace('\n', ' ');
    }
}
