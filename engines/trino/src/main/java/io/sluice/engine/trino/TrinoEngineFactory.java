package io.sluice.engine.trino;

import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineContext;
import io.sluice.spi.engine.EngineFactory;

/** Creates the Trino engine from {@code engine.trino.*} settings. */
public final class TrinoEngineFactory
        implements EngineFactory
{
    public static final String NAME = "trino";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public Engine create(EngineContext context)
    {
        return new TrinoEngine(TrinoConfig.from(context.properties()));
    }
}
