package io.sluice.spi.engine;

/**
 * Creates an engine adapter. Implementations are listed in
 * {@code META-INF/services/io.sluice.spi.engine.EngineFactory} and found with {@link java.util.ServiceLoader}.
 */
public interface EngineFactory
{
    /** The engine's name as users write it in {@code sluice.engine}: lower case, e.g. {@code duckdb}. */
    String name();

    /** Creates and connects the engine; fails with a {@link io.sluice.spi.SluiceException} naming the bad setting. */
    Engine create(EngineContext context);
}
