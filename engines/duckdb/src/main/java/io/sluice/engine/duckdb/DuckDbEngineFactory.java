package io.sluice.engine.duckdb;

import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineContext;
import io.sluice.spi.engine.EngineFactory;

/** Creates the embedded DuckDB engine. */
public final class DuckDbEngineFactory
        implements EngineFactory
{
    public static final String NAME = "duckdb";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public Engine create(EngineContext context)
    {
        return DuckDbEngine.open(DuckDbConfig.from(context.properties(), context.dataDirectory()));
    }
}
