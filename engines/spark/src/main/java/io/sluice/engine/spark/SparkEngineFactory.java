package io.sluice.engine.spark;

import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineContext;
import io.sluice.spi.engine.EngineFactory;

/** Creates the Spark engine from {@code engine.spark.*} settings. */
public final class SparkEngineFactory
        implements EngineFactory
{
    public static final String NAME = "spark";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public Engine create(EngineContext context)
    {
        return new SparkEngine(SparkConfig.from(context.properties()));
    }
}
